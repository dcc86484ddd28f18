/// The quiz session as a pure state machine: events in (a line typed, scripted choices, end of input), text to
/// show and the new state out. No I/O: `QuizSession` feeds it from a `Terminal`, and tests drive it directly.
///
/// States: asking question `current` with `tries` attempts so far, or finished. Each event returns the text to
/// write next, ending with the next prompt while input is wanted, and the outcome of a question when one ends.
public struct QuizMachine: Sendable {
    public enum Event: Sendable {
        /// A line the learner typed.
        case line(String)
        /// Scripted choices (option indices as shown); echoed, one attempt per question.
        case chosen(Set<Int>)
        /// End of input (Ctrl-D) or an interruption: stop with the summary.
        case endOfInput
    }

    public struct Step: Sendable {
        /// Text to write, as is.
        public var output: String
        /// The question that ended with this event, if any (record it in the progress file).
        public var finished: QuestionOutcome?
    }

    public let quiz: Quiz
    public let strings: QuizStrings
    public let attempts: Int
    public let style: TerminalStyle
    public let shownSeed: UInt64?
    public let math: @Sendable (String) -> String

    public private(set) var current = 0
    public private(set) var tries: [[Int]] = []
    public private(set) var outcomes: [QuestionOutcome] = []
    public private(set) var isFinished = false
    public private(set) var ended = false

    public init(quiz: Quiz, strings: QuizStrings, attempts: Int, style: TerminalStyle, shownSeed: UInt64? = nil,
                math: @escaping @Sendable (String) -> String) {
        self.quiz = quiz
        self.strings = strings
        self.attempts = attempts
        self.style = style
        self.shownSeed = shownSeed
        self.math = math
    }

    /// The result so far (complete once `isFinished`).
    public var result: QuizResult { QuizResult(outcomes: outcomes, total: quiz.questions.count, ended: ended) }

    /// The title, the seed when shown, and the first question with its prompt unless `prompting` is false
    /// (scripted answers), or the summary of an empty quiz.
    public mutating func start(prompting: Bool = true) -> String {
        var out = style.line(style.bold(quiz.lessonTitle.escapingControls))
        if let shownSeed { out += style.line(strings.seedShown(shownSeed)) }
        if quiz.questions.isEmpty {
            out += style.line(strings.noQuestions)
            isFinished = true
            return out + summary()
        }
        return out + question(prompting: prompting)
    }

    /// Handles one event. `.chosen` allows one attempt, as scripted answers do; `.line` allows `attempts`.
    public mutating func handle(_ event: Event) -> Step {
        guard !isFinished else { return Step(output: "", finished: nil) }
        let question = quiz.questions[current]
        let chosen: Set<Int>
        let allowed: Int
        switch event {
        case .endOfInput:
            isFinished = true
            ended = true
            return Step(output: "\n" + style.line(strings.ended) + summary(), finished: nil)
        case .chosen(let set):
            chosen = set
            allowed = 1
        case .line(let text):
            allowed = attempts
            guard let set = AnswerParser.parse(text, optionCount: question.options.count,
                                               allowsMany: question.kind == .multiple) else {
                let letters = question.options.indices.map(AnswerParser.letter).joined(separator: ", ")
                return Step(output: style.line(strings.invalid(letters)) + prompt(question), finished: nil)
            }
            chosen = set
        }
        var out = ""
        if case .chosen = event {
            out += "> " + chosen.sorted().map(AnswerParser.letter).joined(separator: ",") + "\n"
        }
        tries.append(chosen.sorted())
        let right = question.isCorrect(chosen)
        if right {
            out += style.line(style.green(strings.correct))
        } else if tries.count < allowed {
            out += style.line(style.red(strings.wrong) + " " + strings.attemptsLeft(allowed - tries.count))
            return Step(output: out + prompt(question), finished: nil)
        } else {
            out += style.line(style.red(strings.wrongFinal))
            out += style.line(strings.correctAnswer + " " + correctAnswer(question))
        }
        if !question.explanation.isEmpty {
            out += style.line(strings.explanation + " " + text(question.explanation))
        }
        if !right, question.options.contains(where: { $0.why != nil }) {
            out += style.line(strings.whyHeading)
            for (index, option) in question.options.enumerated() {
                guard let why = option.why else { continue }
                let mark = option.isCorrect ? style.green(strings.right) : style.red(strings.wrongMark)
                out += style.line("  \(AnswerParser.letter(index))) \(mark): " + text(why), indent: 5)
            }
        }
        let outcome = QuestionOutcome(
            questionID: question.id, kind: question.kind, options: question.options.map(\.text.plain),
            correct: question.correctIndices, attempts: tries,
            correctOnFirstTry: tries.first.map { question.isCorrect(Set($0)) } ?? false, correctInTheEnd: right)
        outcomes.append(outcome)
        tries = []
        current += 1
        if current == quiz.questions.count {
            isFinished = true
            out += summary()
        } else if case .chosen = event {
            out += self.question(prompting: false)
        } else {
            out += self.question()
        }
        return Step(output: out, finished: outcome)
    }

    /// The score line and the review of the questions missed on the first try.
    public func summary() -> String {
        var out = "\n" + style.line(style.bold(strings.score(firstTry: result.firstTry, correct: result.correct, total: result.total)))
        let missed = outcomes.enumerated().filter { !$0.element.correctOnFirstTry }
        guard !missed.isEmpty else { return out }
        out += "\n" + style.line(strings.review)
        for (number, outcome) in missed {
            guard let question = quiz.questions.first(where: { $0.id == outcome.questionID }) else { continue }
            out += style.line("  " + strings.reviewLine(number + 1, text(question.prompt)), indent: 4)
            out += style.line("    " + strings.correctAnswer + " " + correctAnswer(question), indent: 6)
        }
        return out
    }

    /// The current question with its lettered options, then its prompt when `prompting`.
    public func question(prompting: Bool = true) -> String {
        let question = quiz.questions[current]
        var out = "\n" + style.line(style.bold(strings.questionOf(current + 1, quiz.questions.count)))
        // An author's "Which is NOT …?" gets the same emphasis as generated questions (capitals only).
        let shown = NotMentioned.emphasizingNegation(question.prompt, words: strings.negations, exactCase: true)
        out += style.line(text(shown)) + "\n"
        for (index, option) in question.options.enumerated() {
            out += style.line("  \(AnswerParser.letter(index))) " + text(option.text), indent: 5)
        }
        return prompting ? out + prompt(question) : out
    }

    // MARK: - Helpers

    private func prompt(_ question: Question) -> String {
        question.kind == .multiple ? strings.promptMultiple : strings.prompt
    }

    private func correctAnswer(_ question: Question) -> String {
        question.correctIndices.map { "\(AnswerParser.letter($0))) " + text(question.options[$0].text) }
            .joined(separator: "; ")
    }

    private func text(_ text: QuizText) -> String { style.render(text, math: math) }
}

extension QuizMachine {
    /// Puts a finished question's outcome back into the state (to summarise a session stopped from outside).
    mutating func replay(_ outcome: QuestionOutcome) {
        outcomes.append(outcome)
        current = min(current + 1, quiz.questions.count)
    }
}
