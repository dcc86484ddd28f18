/// What happened to one question in a session.
public struct QuestionOutcome: Hashable, Sendable {
    public var questionID: String
    /// Each attempt's chosen option indices (in written order of the options).
    public var attempts: [[Int]]
    public var correctOnFirstTry: Bool
    public var correctInTheEnd: Bool
}

/// The end of a session: every question's outcome and the score.
public struct QuizResult: Hashable, Sendable {
    public var outcomes: [QuestionOutcome]
    public var total: Int
    /// True when the learner stopped (end of input) before the last question.
    public var ended: Bool

    public var firstTry: Int { outcomes.filter(\.correctOnFirstTry).count }
    public var correct: Int { outcomes.filter(\.correctInTheEnd).count }
}

/// Runs a quiz in the terminal: a question at a time, feedback, retries up to `attempts`, the correct answer and
/// explanation, and the score. With `scripted` answers (one per question), nothing is read from the terminal.
public struct QuizSession: Sendable {
    public var quiz: Quiz
    public var strings: QuizStrings
    public var attempts: Int
    public var terminal: Terminal
    public var math: @Sendable (String) -> String

    public init(quiz: Quiz, attempts: Int, terminal: Terminal, math: @escaping @Sendable (String) -> String) {
        self.quiz = quiz
        self.strings = QuizStrings.forLanguage(quiz.language)
        self.attempts = attempts
        self.terminal = terminal
        self.math = math
    }

    public func run(scripted: [Set<Int>]? = nil) -> QuizResult {
        var outcomes: [QuestionOutcome] = []
        let questions = quiz.questions
        terminal.write(terminal.bold(quiz.lessonTitle) + "\n")
        if questions.isEmpty { terminal.write(strings.noQuestions + "\n") }
        for (number, question) in questions.enumerated() {
            terminal.write("\n" + strings.questionOf(number + 1, questions.count) + "\n")
            terminal.write(text(question.prompt) + "\n\n")
            for (index, option) in question.options.enumerated() {
                terminal.write("  \(AnswerParser.letter(index))) \(text(option.text))\n")
            }
            var tries: [[Int]] = []
            var right = false
            let allowed = scripted == nil ? attempts : 1
            while tries.count < allowed, !right {
                let chosen: Set<Int>
                if let scripted {
                    chosen = scripted[number]
                } else {
                    guard let answer = ask(question) else {
                        outcomes.append(QuestionOutcome(questionID: question.id, attempts: tries,
                                                        correctOnFirstTry: false, correctInTheEnd: false))
                        return finish(outcomes, ended: true)
                    }
                    chosen = answer
                }
                tries.append(chosen.sorted())
                right = question.isCorrect(chosen)
                if scripted != nil {
                    terminal.write("> " + chosen.sorted().map(AnswerParser.letter).joined(separator: ",") + "\n")
                }
                if right {
                    terminal.write(terminal.green(strings.correct) + "\n")
                } else if tries.count < allowed {
                    terminal.write(terminal.red(strings.wrong) + " " + strings.attemptsLeft(allowed - tries.count) + "\n")
                } else {
                    terminal.write(terminal.red(strings.wrongFinal) + "\n")
                }
            }
            if !right {
                let letters = question.correctIndices.map {
                    "\(AnswerParser.letter($0))) \(text(question.options[$0].text))"
                }
                terminal.write(strings.correctAnswer + " " + letters.joined(separator: "; ") + "\n")
            }
            if !question.explanation.isEmpty {
                terminal.write(strings.explanation + " " + text(question.explanation) + "\n")
            }
            outcomes.append(QuestionOutcome(questionID: question.id, attempts: tries,
                                            correctOnFirstTry: tries.first.map { question.isCorrect(Set($0)) } ?? false,
                                            correctInTheEnd: right))
        }
        return finish(outcomes, ended: false)
    }

    // MARK: - Helpers

    private func ask(_ question: Question) -> Set<Int>? {
        let many = question.kind == .multiple
        let letters = question.options.indices.map(AnswerParser.letter).joined(separator: ", ")
        while true {
            terminal.write(many ? strings.promptMultiple : strings.prompt)
            guard let line = terminal.readLine() else {
                terminal.write("\n")
                return nil
            }
            if let chosen = AnswerParser.parse(line, optionCount: question.options.count, allowsMany: many) {
                return chosen
            }
            terminal.write(strings.invalid(letters) + "\n")
        }
    }

    private func finish(_ outcomes: [QuestionOutcome], ended: Bool) -> QuizResult {
        let result = QuizResult(outcomes: outcomes, total: quiz.questions.count, ended: ended)
        terminal.write("\n" + terminal.bold(strings.score(result.firstTry, result.correct, result.total)) + "\n")
        return result
    }

    private func text(_ text: QuizText) -> String { InlineText.render(text, terminal: terminal, math: math) }
}
