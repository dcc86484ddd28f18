/// Runs a quiz in a terminal: the I/O around `QuizMachine`. Reads a line per prompt (or takes `scripted` answers,
/// one per question, without reading), writes what the machine says, and reports each finished question to
/// `record` at once, so progress survives an interruption. Questions are asked in `quiz`'s order: shuffle first
/// with `QuestionOrder`.
public struct QuizSession: Sendable {
    public var quiz: Quiz
    /// The words the session speaks: those of the quiz's language.
    public var strings: QuizStrings
    public var attempts: Int
    public var terminal: Terminal
    public var math: @Sendable (String) -> String
    /// Shown under the title so that the session can be replayed (interactive runs without `--seed`).
    public var shownSeed: UInt64?
    /// Picks the numbers of computed questions (the session's seed: `--seed` asks the same numbers again).
    public var variantSeed: UInt64

    public init(quiz: Quiz, strings: QuizStrings, attempts: Int, terminal: Terminal, shownSeed: UInt64? = nil,
                variantSeed: UInt64 = 0, math: @escaping @Sendable (String) -> String) {
        self.variantSeed = variantSeed
        self.quiz = quiz
        self.strings = strings
        self.attempts = attempts
        self.terminal = terminal
        self.shownSeed = shownSeed
        self.math = math
    }

    /// A fresh state machine for this session.
    public var machine: QuizMachine {
        QuizMachine(quiz: quiz, strings: strings, attempts: attempts, style: terminal.style, shownSeed: shownSeed,
                    variantSeed: variantSeed, math: math)
    }

    /// Runs the session to its end (or end of input) and returns the result.
    public func run(scripted: [ScriptedAnswer]? = nil, record: (QuestionOutcome) -> Void = { _ in }) -> QuizResult {
        var machine = self.machine
        terminal.write(machine.start(prompting: scripted == nil))
        var next = 0
        while !machine.isFinished {
            let event: QuizMachine.Event
            if let scripted {
                switch scripted[next] {
                case .options(let set): event = .chosen(set)
                case .number(let value, let text): event = .number(value, text)
                }
                next += 1
            } else {
                event = terminal.readLine().map { .line($0) } ?? .endOfInput
            }
            let step = machine.handle(event)
            // Recorded before the next question shows, so whatever the learner sees answered is saved.
            if let outcome = step.finished { record(outcome) }
            terminal.write(step.output)
        }
        return machine.result
    }

    /// One scripted reply (`--answers`): options chosen, or a number with the text it was given as.
    public enum ScriptedAnswer: Hashable, Sendable {
        case options(Set<Int>)
        case number(Double, String)
    }

    /// What a session prints when it is interrupted after `outcomes` (Ctrl-C): the score and the review.
    public func summary(_ outcomes: [QuestionOutcome]) -> String {
        var machine = self.machine
        for outcome in outcomes { machine.replay(outcome) }
        return machine.summary()
    }
}
