/// A multiple-choice question as the lesson states it; every text is a `QuizText` (HTML for the site, styled
/// runs for the terminal).
public struct Question: Hashable, Sendable {
    public enum Kind: String, Hashable, Sendable {
        /// Exactly one option is correct.
        case single
        /// One or more options are correct; the learner must choose all of them and no other.
        case multiple
        /// A statement to judge; the options are the language's words for true and false.
        case trueFalse = "true-false"
        /// Generated: which of these items is NOT mentioned in the lesson.
        case notMentioned = "not-mentioned"
    }

    public struct Option: Hashable, Sendable {
        public var text: QuizText
        public var isCorrect: Bool
        /// Why this option is right or wrong, when the lesson says so.
        public var why: QuizText?
        /// Keeps its place when options shuffle (such as "none of the above").
        public var isPinned: Bool

        public init(text: QuizText, isCorrect: Bool, why: QuizText? = nil, isPinned: Bool = false) {
            self.text = text
            self.isCorrect = isCorrect
            self.why = why
            self.isPinned = isPinned
        }
    }

    /// Stable across languages: the author's `id:`, else `SLUG/qN`.
    public var id: String
    public var kind: Kind
    public var prompt: QuizText
    public var options: [Option]
    public var explanation: QuizText
    /// Where the question is written, as `path:line:column`.
    public var origin: String

    public init(id: String, kind: Kind, prompt: QuizText, options: [Option], explanation: QuizText, origin: String) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.explanation = explanation
        self.origin = origin
    }

    /// Indices of the correct options, in written order.
    public var correctIndices: [Int] { options.indices.filter { options[$0].isCorrect } }

    /// Whether choosing exactly `chosen` (indices into `options`) answers the question right.
    public func isCorrect(_ chosen: Set<Int>) -> Bool { chosen == Set(correctIndices) }
}

/// The questions of one lesson in one language, in the lesson's order.
public struct Quiz: Hashable, Sendable {
    public var lessonSlug: String
    public var lessonTitle: String
    public var language: String
    public var questions: [Question]

    public init(lessonSlug: String, lessonTitle: String, language: String, questions: [Question]) {
        self.lessonSlug = lessonSlug
        self.lessonTitle = lessonTitle
        self.language = language
        self.questions = questions
    }
}
