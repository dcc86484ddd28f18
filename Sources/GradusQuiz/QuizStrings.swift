/// Every message of the terminal quiz, in each language the course speaks (pt is Brazilian Portuguese).
public struct QuizStrings: Sendable {
    public var questionOf: @Sendable (Int, Int) -> String
    public var prompt: String
    public var promptMultiple: String
    public var correct: String
    public var wrong: String
    public var wrongFinal: String
    public var invalid: @Sendable (String) -> String
    public var correctAnswer: String
    public var explanation: String
    public var score: @Sendable (Int, Int, Int) -> String
    public var trueWord: String
    public var falseWord: String
    public var attemptsLeft: @Sendable (Int) -> String
    public var noQuestions: String
    /// The generated question when the author gives none.
    public var notMentionedQuestion: String
    /// Words of negation emphasised in "NOT" questions, longest first.
    public var negations: [String]
    /// The generated explanation: the lesson's items, then the one that is not among them, each in the
    /// language's quotation marks (they are names, written as the list writes them, capitals included).
    public var notMentionedExplanation: @Sendable ([String], String) -> String
    public var seedShown: @Sendable (UInt64) -> String
    public var whyHeading: String
    public var review: String
    public var reviewLine: @Sendable (Int, String) -> String
    public var ended: String
    public var right: String
    public var wrongMark: String
    public var listHeading: String
    /// The title of a `--review` session.
    public var reviewTitle: String
    /// slug, title, questions, answered, due for review.
    public var listLine: @Sendable (String, String, Int, Int, Int) -> String
    public var nothingDue: String
    public var resetConfirm: @Sendable (String) -> String
    /// Answers that confirm (lowercased).
    public var yes: [String]
    public var resetDone: String
    public var resetKept: String

    public static func forLanguage(_ code: String) -> QuizStrings {
        switch code {
        case "pt": return .portuguese
        case "de": return .german
        default: return .english
        }
    }

    static let portuguese = QuizStrings(
        questionOf: { "Pergunta \($0) de \($1)" },
        prompt: "Sua resposta (letra ou número): ",
        promptMultiple: "Suas respostas (uma ou mais letras, separadas por vírgula): ",
        correct: "Você acertou! Parabéns.",
        wrong: "Você errou! Tente novamente.",
        wrongFinal: "Você errou.",
        invalid: { "Resposta inválida; digite uma das letras \($0) ou o número da opção." },
        correctAnswer: "Resposta correta:",
        explanation: "Explicação:",
        score: { "Pontuação: \($0) de \($2) na primeira tentativa, \($1) de \($2) no total." },
        trueWord: "Verdadeiro", falseWord: "Falso",
        attemptsLeft: { $0 == 1 ? "(resta 1 tentativa)" : "(restam \($0) tentativas)" },
        noQuestions: "Esta lição não tem perguntas.",
        notMentionedQuestion: "Qual destes itens NÃO é mencionado na lição?",
        negations: ["NÃO"],
        notMentionedExplanation: { items, other in
            "A lição menciona \(listed(items.map { "“\($0)”" }, and: "e")); “\(other)” não está entre eles." },
        seedShown: { "(semente \($0); repita com --seed \($0))" },
        whyHeading: "Por quê:",
        review: "Para revisar:",
        reviewLine: { "Pergunta \($0): \($1)" },
        ended: "Sessão encerrada.",
        right: "certa", wrongMark: "errada",
        listHeading: "Lições:", reviewTitle: "Revisão",
        listLine: { slug, title, count, seen, known in "\(slug)  \(title)  (\(count) perguntas, \(seen) respondidas, \(known) para revisar)" },
        nothingDue: "Nenhuma pergunta para revisar agora.",
        resetConfirm: { "Apagar todo o progresso em \($0)? [s/N] " }, yes: ["s", "sim"],
        resetDone: "Progresso apagado.",
        resetKept: "Nada foi apagado.")

    static let german = QuizStrings(
        questionOf: { "Frage \($0) von \($1)" },
        prompt: "Deine Antwort (Buchstabe oder Nummer): ",
        promptMultiple: "Deine Antworten (ein oder mehrere Buchstaben, durch Kommas getrennt): ",
        correct: "Richtig! Gut gemacht.",
        wrong: "Leider falsch. Versuch es noch einmal.",
        wrongFinal: "Leider falsch.",
        invalid: { "Ungültige Antwort; gib einen der Buchstaben \($0) oder die Nummer der Option ein." },
        correctAnswer: "Richtige Antwort:",
        explanation: "Erklärung:",
        score: { "Ergebnis: \($0) von \($2) beim ersten Versuch, \($1) von \($2) insgesamt." },
        trueWord: "Wahr", falseWord: "Falsch",
        attemptsLeft: { $0 == 1 ? "(noch 1 Versuch)" : "(noch \($0) Versuche)" },
        noQuestions: "Diese Lektion hat keine Fragen.",
        notMentionedQuestion: "Welcher dieser Begriffe wird in der Lektion NICHT erwähnt?",
        negations: ["NICHT"],
        notMentionedExplanation: { items, other in
            "Die Lektion erwähnt \(listed(items.map { "„\($0)“" }, and: "und")); „\(other)“ gehört nicht dazu." },
        seedShown: { "(Startwert \($0); wiederholen mit --seed \($0))" },
        whyHeading: "Warum:",
        review: "Zum Wiederholen:",
        reviewLine: { "Frage \($0): \($1)" },
        ended: "Sitzung beendet.",
        right: "richtig", wrongMark: "falsch",
        listHeading: "Lektionen:", reviewTitle: "Wiederholung",
        listLine: { slug, title, count, seen, known in "\(slug)  \(title)  (\(count) Fragen, \(seen) beantwortet, \(known) fällig)" },
        nothingDue: "Gerade ist keine Frage zum Wiederholen fällig.",
        resetConfirm: { "Den ganzen Fortschritt in \($0) löschen? [j/N] " }, yes: ["j", "ja"],
        resetDone: "Fortschritt gelöscht.",
        resetKept: "Nichts wurde gelöscht.")

    static let english = QuizStrings(
        questionOf: { "Question \($0) of \($1)" },
        prompt: "Your answer (letter or number): ",
        promptMultiple: "Your answers (one or more letters, separated by commas): ",
        correct: "Correct! Well done.",
        wrong: "Not quite. Try again.",
        wrongFinal: "Not quite.",
        invalid: { "Invalid answer; type one of the letters \($0) or the option's number." },
        correctAnswer: "Correct answer:",
        explanation: "Explanation:",
        score: { "Score: \($0) of \($2) on the first try, \($1) of \($2) in all." },
        trueWord: "True", falseWord: "False",
        attemptsLeft: { $0 == 1 ? "(1 try left)" : "(\($0) tries left)" },
        noQuestions: "This lesson has no questions.",
        notMentionedQuestion: "Which of these is NOT mentioned in the lesson?",
        negations: ["NOT"],
        notMentionedExplanation: { items, other in
            "The lesson mentions \(listed(items.map { "“\($0)”" }, and: "and")); “\(other)” is not among them." },
        seedShown: { "(seed \($0); replay with --seed \($0))" },
        whyHeading: "Why:",
        review: "To review:",
        reviewLine: { "Question \($0): \($1)" },
        ended: "Session ended.",
        right: "right", wrongMark: "wrong",
        listHeading: "Lessons:", reviewTitle: "Review",
        listLine: { slug, title, count, seen, known in "\(slug)  \(title)  (\(count) questions, \(seen) answered, \(known) due)" },
        nothingDue: "No question is due for review now.",
        resetConfirm: { "Delete all progress in \($0)? [y/N] " }, yes: ["y", "yes"],
        resetDone: "Progress deleted.",
        resetKept: "Nothing was deleted.")
}

/// "a, b and c" with the language's word for "and".
func listed(_ items: [String], and word: String) -> String {
    guard items.count > 1 else { return items.first ?? "" }
    return items.dropLast().joined(separator: ", ") + " \(word) " + items[items.count - 1]
}
