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
        /// The learner types a number, graded against `numeric` with its tolerance; no options.
        case numeric
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
    /// The key of a `.numeric` question.
    public var numeric: NumericAnswer?
    /// For a question whose numbers a generator draws: which generator, the values of this variant, and how to
    /// draw another.
    public var computed: Computed?

    public init(id: String, kind: Kind, prompt: QuizText, options: [Option], explanation: QuizText, origin: String,
                numeric: NumericAnswer? = nil, computed: Computed? = nil) {
        self.id = id
        self.kind = kind
        self.prompt = prompt
        self.options = options
        self.explanation = explanation
        self.origin = origin
        self.numeric = numeric
        self.computed = computed
    }

    /// Indices of the correct options, in written order.
    public var correctIndices: [Int] { options.indices.filter { options[$0].isCorrect } }

    /// Whether choosing exactly `chosen` (indices into `options`) answers the question right.
    public func isCorrect(_ chosen: Set<Int>) -> Bool { chosen == Set(correctIndices) }

    /// Whether `reply` answers a numeric question right.
    public func isCorrect(reply: Double) -> Bool { numeric?.accepts(reply) ?? false }
}

/// What makes a question computed: its generator, the values this variant shows, and a way to draw another
/// variant (the terminal asks new numbers on every attempt).
public struct Computed: Hashable, Sendable {
    /// A placeholder's name and its value as shown, in the question's language.
    public struct Value: Hashable, Sendable {
        public var name: String
        public var text: String
        public init(name: String, text: String) {
            self.name = name
            self.text = text
        }
    }

    public var generator: String
    public var values: [Value]
    /// Draws the variant for a seed: the same question with other numbers (and, for a multiple-choice one,
    /// other options). Nil for a variant that cannot be redrawn (read back from an export).
    public var redraw: Redraw?

    public init(generator: String, values: [Value], redraw: Redraw? = nil) {
        self.generator = generator
        self.values = values
        self.redraw = redraw
    }

    /// A closure compared by name: the question it draws for is what identifies it.
    public struct Redraw: Hashable, Sendable {
        public let key: String
        public let draw: @Sendable (UInt64) -> Question

        public init(key: String, draw: @escaping @Sendable (UInt64) -> Question) {
            self.key = key
            self.draw = draw
        }

        public static func == (a: Redraw, b: Redraw) -> Bool { a.key == b.key }
        public func hash(into hasher: inout Hasher) { hasher.combine(key) }
    }
}

/// The questions of one lesson in one language, in the lesson's order.
public struct Quiz: Hashable, Sendable {
    public var lessonSlug: String
    public var lessonTitle: String
    public var language: String
    public var questions: [Question]
    /// The lesson's exercises, for exports (a session asks only the questions).
    public var exercises: [Exercise]

    public init(lessonSlug: String, lessonTitle: String, language: String, questions: [Question], exercises: [Exercise] = []) {
        self.lessonSlug = lessonSlug
        self.lessonTitle = lessonTitle
        self.language = language
        self.questions = questions
        self.exercises = exercises
    }
}

extension Computed {
    /// The seed of variant `index` of question `id` under the course's or the session's `seed`: variant 0 is
    /// the one a page shows first and an export names; the terminal's attempts are variants 0, 1, 2… of the
    /// session's seed.
    public static func variantSeed(id: String, seed: UInt64, index: Int) -> UInt64 {
        var random = SeededRandom(key: "variant:" + id, seed: seed &+ UInt64(index))
        return random.next()
    }
}

extension Computed {
    /// How many variants a page and an export ship of each computed question: enough that a learner who asks
    /// for new numbers rarely sees the same ones, few enough to keep the page small.
    public static let shippedVariants = 16
}

extension Question {
    /// Variants 0…count−1 of a computed question under `seed` (the course's), in order; a question that is not
    /// computed is its only variant.
    public func variants(count: Int = Computed.shippedVariants, seed: UInt64) -> [Question] {
        guard let redraw = computed?.redraw else { return [self] }
        return (0..<count).map { redraw.draw(Computed.variantSeed(id: id, seed: seed, index: $0)) }
    }
}
