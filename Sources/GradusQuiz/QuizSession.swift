/// Runs a quiz in the terminal: the lesson's title, a question at a time ("Question 2 of 5", options lettered),
/// feedback, retries up to `attempts`, then the correct answer, the explanation and why each option is right or
/// wrong; at the end the score and a review of the missed questions. With `scripted` answers (one per question)
/// nothing is read and each question gets one attempt. Questions are asked in `quiz`'s order: shuffle first with
/// `QuestionOrder`.
public struct QuizSession: Sendable {
    public var quiz: Quiz
    public var strings: QuizStrings
    public var attempts: Int
    public var terminal: Terminal
    public var math: @Sendable (String) -> String
    /// Shown under the title so that the session can be replayed (interactive runs without `--seed`).
    public var shownSeed: UInt64?

    public init(quiz: Quiz, attempts: Int, terminal: Terminal, shownSeed: UInt64? = nil,
                math: @escaping @Sendable (String) -> String) {
        self.quiz = quiz
        self.strings = QuizStrings.forLanguage(quiz.language)
        self.attempts = attempts
        self.terminal = terminal
        self.shownSeed = shownSeed
        self.math = math
    }

    /// Runs the session; `record` is called after each finished question (so progress survives an interruption).
    public func run(scripted: [Set<Int>]? = nil, record: (QuestionOutcome) -> Void = { _ in }) -> QuizResult {
        var outcomes: [QuestionOutcome] = []
        let questions = quiz.questions
        say(terminal.bold(quiz.lessonTitle))
        if let shownSeed { say(strings.seedShown(shownSeed)) }
        if questions.isEmpty { say(strings.noQuestions) }
        for (number, question) in questions.enumerated() {
            terminal.write("\n")
            say(terminal.bold(strings.questionOf(number + 1, questions.count)))
            say(text(question.prompt))
            terminal.write("\n")
            for (index, option) in question.options.enumerated() {
                say("  \(AnswerParser.letter(index))) " + text(option.text), indent: 5)
            }
            var tries: [[Int]] = []
            var right = false
            let allowed = scripted == nil ? attempts : 1
            while tries.count < allowed, !right {
                let chosen: Set<Int>
                if let scripted {
                    chosen = scripted[number]
                    terminal.write("> " + chosen.sorted().map(AnswerParser.letter).joined(separator: ",") + "\n")
                } else {
                    guard let answer = ask(question) else {
                        let result = QuizResult(outcomes: outcomes, total: questions.count, ended: true)
                        terminal.write("\n")
                        say(strings.ended)
                        summary(result)
                        return result
                    }
                    chosen = answer
                }
                tries.append(chosen.sorted())
                right = question.isCorrect(chosen)
                if right {
                    say(terminal.green(strings.correct))
                } else if tries.count < allowed {
                    say(terminal.red(strings.wrong) + " " + strings.attemptsLeft(allowed - tries.count))
                } else {
                    say(terminal.red(strings.wrongFinal))
                }
            }
            if !right {
                say(strings.correctAnswer + " " + correctAnswer(question))
            }
            if !question.explanation.isEmpty {
                say(strings.explanation + " " + text(question.explanation))
            }
            if !right, question.options.contains(where: { $0.why != nil }) {
                say(strings.whyHeading)
                for (index, option) in question.options.enumerated() {
                    guard let why = option.why else { continue }
                    let mark = option.isCorrect ? terminal.green(strings.right) : terminal.red(strings.wrongMark)
                    say("  \(AnswerParser.letter(index))) \(mark): " + text(why), indent: 5)
                }
            }
            let outcome = QuestionOutcome(
                questionID: question.id, kind: question.kind, options: question.options.map(\.text.plain),
                correct: question.correctIndices, attempts: tries,
                correctOnFirstTry: tries.first.map { question.isCorrect(Set($0)) } ?? false, correctInTheEnd: right)
            outcomes.append(outcome)
            record(outcome)
        }
        let result = QuizResult(outcomes: outcomes, total: questions.count, ended: false)
        summary(result)
        return result
    }

    /// The score line and the review of missed questions: what a session prints when it ends, also after Ctrl-C.
    public func summary(_ result: QuizResult) {
        terminal.write("\n")
        say(terminal.bold(strings.score(result.firstTry, result.correct, result.total)))
        let missed = result.outcomes.enumerated().filter { !$0.element.correctOnFirstTry }
        guard !missed.isEmpty else { return }
        terminal.write("\n")
        say(strings.review)
        for (number, outcome) in missed {
            guard let question = quiz.questions.first(where: { $0.id == outcome.questionID }) else { continue }
            say("  " + strings.reviewLine(number + 1, text(question.prompt)), indent: 4)
            say("    " + strings.correctAnswer + " " + correctAnswer(question), indent: 6)
        }
    }

    // MARK: - Helpers

    private func ask(_ question: Question) -> Set<Int>? {
        let many = question.kind == .multiple
        let letters = question.options.indices.map(AnswerParser.letter).joined(separator: ", ")
        while true {
            terminal.write(many ? strings.promptMultiple : strings.prompt)
            guard let line = terminal.readLine() else { return nil }
            if let chosen = AnswerParser.parse(line, optionCount: question.options.count, allowsMany: many) {
                return chosen
            }
            say(strings.invalid(letters))
        }
    }

    private func correctAnswer(_ question: Question) -> String {
        question.correctIndices.map { "\(AnswerParser.letter($0))) " + text(question.options[$0].text) }
            .joined(separator: "; ")
    }

    private func say(_ line: String, indent: Int = 0) {
        terminal.write(TextWrap.wrap(line, width: terminal.width, indent: indent) + "\n")
    }

    private func text(_ text: QuizText) -> String { InlineText.render(text, terminal: terminal, math: math) }
}
