import Foundation

/// The quiz session as a pure state machine: events in (a line typed, scripted choices, end of input), text to
/// show and the new state out. No I/O: `QuizSession` feeds it from a `Terminal`, and tests drive it directly.
///
/// States: asking question `current` with `tries` attempts so far, or finished. Each event returns the text to
/// write next, ending with the next prompt while input is wanted, and the outcome of a question when one ends.
public struct QuizMachine: Sendable {
    /// A reply that can be graded: options chosen or a number typed.
    private enum Reply {
        case options(Set<Int>)
        case number(Double, String)
    }

    public enum Event: Sendable {
        /// A line the learner typed.
        case line(String)
        /// Scripted choices (option indices as shown); echoed, one attempt per question.
        case chosen(Set<Int>)
        /// A scripted number (its value and the text given); echoed, one attempt per question.
        case number(Double, String)
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
    /// Chooses the numbers of computed questions: the same seed asks the same variants.
    public let variantSeed: UInt64

    public private(set) var current = 0
    /// The question being asked: `quiz.questions[current]`, or the variant of it drawn for this attempt.
    public private(set) var asking: Question
    /// The questions as they were asked, in order (for the review of a computed question's numbers).
    public private(set) var askedQuestions: [Question] = []
    private var asked: [QuestionOutcome.Attempt] = []
    public private(set) var tries: [[Int]] = []
    public private(set) var outcomes: [QuestionOutcome] = []
    public private(set) var isFinished = false
    public private(set) var ended = false

    public init(quiz: Quiz, strings: QuizStrings, attempts: Int, style: TerminalStyle, shownSeed: UInt64? = nil,
                variantSeed: UInt64 = 0, math: @escaping @Sendable (String) -> String) {
        self.quiz = quiz
        self.variantSeed = variantSeed
        self.asking = quiz.questions.first ?? Question(id: "", kind: .single, prompt: "", options: [], explanation: "", origin: "")
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
        asking = instance(0, attempt: 0)
        return out + question(prompting: prompting)
    }

    /// Handles one event. `.chosen` and `.number` allow one attempt, as scripted answers do; `.line` allows
    /// `attempts`. A numeric reply in the wrong form (a word, `1,000` in English) gets a hint and costs no try.
    public mutating func handle(_ event: Event) -> Step {
        guard !isFinished else { return Step(output: "", finished: nil) }
        let question = asking
        let allowed: Int
        var out = ""
        let reply: Reply
        switch event {
        case .endOfInput:
            isFinished = true
            ended = true
            return Step(output: "\n" + style.line(strings.ended) + summary(), finished: nil)
        case .chosen(let set):
            allowed = 1
            reply = .options(set)
            out += "> " + set.sorted().map(AnswerParser.letter).joined(separator: ",") + "\n"
        case .number(let value, let typed):
            allowed = 1
            reply = .number(value, typed)
            out += "> " + typed + "\n"
        case .line(let text):
            allowed = attempts
            if question.kind == .numeric {
                guard let value = NumberReply.parse(text, decimalSeparator: strings.decimalSeparator).number else {
                    return Step(output: style.line(strings.numberExpected) + prompt(question), finished: nil)
                }
                reply = .number(value, text.trimmingCharacters(in: .whitespaces))
            } else {
                guard let set = AnswerParser.parse(text, optionCount: question.options.count,
                                                   allowsMany: question.kind == .multiple) else {
                    let letters = question.options.indices.map(AnswerParser.letter).joined(separator: ", ")
                    return Step(output: style.line(strings.invalid(letters)) + prompt(question), finished: nil)
                }
                reply = .options(set)
            }
        }
        let right: Bool
        let attempt: QuestionOutcome.Attempt
        switch reply {
        case .options(let set):
            right = question.isCorrect(set)
            tries.append(set.sorted())
            attempt = .init(values: question.computed?.values ?? [], reply: set.sorted().map(AnswerParser.letter).joined(separator: "+"),
                            expected: nil, allowance: nil, right: right)
        case .number(let value, let typed):
            right = question.isCorrect(reply: value)
            tries.append([])
            attempt = .init(values: question.computed?.values ?? [], reply: typed, expected: question.numeric?.value,
                            allowance: question.numeric?.allowance, right: right)
        }
        asked.append(attempt)
        if right {
            out += style.line(style.green(strings.correct))
        } else if tries.count < allowed {
            out += style.line(style.red(strings.wrong) + " " + strings.attemptsLeft(allowed - tries.count))
            // A computed question asks again with new numbers: the learner redoes the computation, not a guess.
            if question.computed?.redraw != nil {
                asking = instance(current, attempt: tries.count)
                return Step(output: out + "\n" + self.questionText(asking) + prompt(asking), finished: nil)
            }
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
        var outcome = QuestionOutcome(
            questionID: question.id, kind: question.kind, options: question.options.map(\.text.plain),
            correct: question.correctIndices, attempts: tries,
            correctOnFirstTry: asked.first?.right ?? false, correctInTheEnd: right)
        outcome.asked = asked
        outcomes.append(outcome)
        askedQuestions.append(question)
        tries = []
        asked = []
        current += 1
        if current == quiz.questions.count {
            isFinished = true
            out += summary()
        } else {
            asking = instance(current, attempt: 0)
            switch event {
            case .chosen, .number: out += self.question(prompting: false)
            default: out += self.question()
            }
        }
        return Step(output: out, finished: outcome)
    }

    /// Question `index` as asked on attempt `attempt`: itself, or for a computed question the variant drawn for
    /// the session's seed, the question and the attempt (its options shuffled as the session's are).
    func instance(_ index: Int, attempt: Int) -> Question {
        let question = quiz.questions[index]
        guard let redraw = question.computed?.redraw else { return question }
        let seed = Computed.variantSeed(id: question.id, seed: variantSeed, index: attempt)
        return QuestionOrder.shuffledOptions(redraw.draw(seed), seed: seed)
    }

    /// The score line and the review of the questions missed on the first try.
    public func summary() -> String {
        var out = "\n" + style.line(style.bold(strings.score(firstTry: result.firstTry, correct: result.correct, total: result.total)))
        let missed = outcomes.enumerated().filter { !$0.element.correctOnFirstTry }
        guard !missed.isEmpty else { return out }
        out += "\n" + style.line(strings.review)
        for (number, outcome) in missed {
            guard let question = number < askedQuestions.count ? askedQuestions[number]
                    : quiz.questions.first(where: { $0.id == outcome.questionID }) else { continue }
            out += style.line("  " + strings.reviewLine(number + 1, text(question.prompt)), indent: 4)
            out += style.line("    " + strings.correctAnswer + " " + correctAnswer(question), indent: 6)
        }
        return out
    }

    /// The current question with its lettered options, then its prompt when `prompting`.
    public func question(prompting: Bool = true) -> String {
        let out = "\n" + style.line(style.bold(strings.questionOf(current + 1, quiz.questions.count))) + questionText(asking)
        return prompting ? out + prompt(asking) : out
    }

    /// The prompt and the lettered options of `question`.
    private func questionText(_ question: Question) -> String {
        // An author's "Which is NOT …?" gets the same emphasis as generated questions (capitals only).
        let shown = NotMentioned.emphasizingNegation(question.prompt, words: strings.negations, exactCase: true)
        var out = style.line(text(shown)) + "\n"
        for (index, option) in question.options.enumerated() {
            out += style.line("  \(AnswerParser.letter(index))) " + text(option.text), indent: 5)
        }
        return out
    }

    // MARK: - Helpers

    private func prompt(_ question: Question) -> String {
        switch question.kind {
        case .multiple: return strings.promptMultiple
        case .numeric: return strings.promptNumber
        default: return strings.prompt
        }
    }

    private func correctAnswer(_ question: Question) -> String {
        if let key = question.numeric { return strings.numericKey(key) }
        return question.correctIndices.map { "\(AnswerParser.letter($0))) " + text(question.options[$0].text) }
            .joined(separator: "; ")
    }

    private func text(_ text: QuizText) -> String { style.render(text, math: math) }
}

extension QuizMachine {
    /// Puts a finished question's outcome back into the state (to summarise a session stopped from outside).
    mutating func replay(_ outcome: QuestionOutcome, asked question: Question? = nil) {
        outcomes.append(outcome)
        if let question { askedQuestions.append(question) }
        current = min(current + 1, quiz.questions.count)
    }
}
