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
        noQuestions: "Esta lição não tem perguntas.")

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
        noQuestions: "Diese Lektion hat keine Fragen.")

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
        noQuestions: "This lesson has no questions.")
}
