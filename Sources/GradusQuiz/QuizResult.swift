/// What happened to one question in a session.
public struct QuestionOutcome: Hashable, Sendable {
    public var questionID: String
    public var kind: Question.Kind
    /// The options' plain texts in the order shown (letters a, b, c… name them).
    public var options: [String]
    /// The correct options' indices in the order shown.
    public var correct: [Int]
    /// Each attempt's chosen option indices, in the order shown (empty lists for a numeric question).
    public var attempts: [[Int]]
    public var correctOnFirstTry: Bool
    public var correctInTheEnd: Bool
    /// What each attempt asked and got: the values shown, the reply, the key. A computed question may show
    /// other numbers on each attempt.
    public var asked: [Attempt] = []

    /// One attempt at a question.
    public struct Attempt: Hashable, Sendable {
        /// The generator's values as shown (empty unless the question is computed).
        public var values: [Computed.Value]
        /// The reply as given: the letters chosen, or the number typed.
        public var reply: String
        /// The key of a numeric question: the value and the largest distance still right.
        public var expected: Double?
        public var allowance: Double?
        public var right: Bool
    }
}

/// The end of a session: every question's outcome and the score.
public struct QuizResult: Hashable, Sendable {
    public var outcomes: [QuestionOutcome]
    /// Questions in the session.
    public var total: Int
    /// True when the learner stopped (end of input or Ctrl-C) before the last question.
    public var ended: Bool

    public init(outcomes: [QuestionOutcome], total: Int, ended: Bool) {
        self.outcomes = outcomes
        self.total = total
        self.ended = ended
    }

    public var firstTry: Int { outcomes.filter(\.correctOnFirstTry).count }
    public var correct: Int { outcomes.filter(\.correctInTheEnd).count }
    /// The first-try score in percent of all the session's questions (0 for an empty session).
    public var firstTryPercent: Double { total == 0 ? 0 : Double(firstTry) * 100 / Double(total) }
}
