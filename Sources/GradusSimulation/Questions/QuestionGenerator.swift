/// A recipe for a question with fresh numbers: it draws its values from a seed and computes the answer on
/// GradusEngine, with the same operations the lessons teach, so the key is never a separately typed formula.
/// A lesson uses one through `::: quiz computed` with `generator: NAME`; its `{name}` placeholders are filled
/// with the drawn values, formatted in the reader's language.
public struct QuestionGenerator: Sendable {
    /// A value the generator draws, for `gradus quiz --generators` and for checking placeholders.
    public struct Value: Sendable {
        public var name: String
        /// What it is, in a few words (English: the listing is for authors).
        public var help: String
        /// The values it takes, as the listing shows them (`-2 … 2 in steps of 0.1`).
        public var range: String

        public init(_ name: String, help: String, range: String) {
            self.name = name
            self.help = help
            self.range = range
        }
    }

    /// One variant: the values shown and the answer.
    public struct Draw: Sendable, Equatable {
        /// A value to show; `decimals` nil means four significant digits (a computed intermediate).
        public struct Shown: Sendable, Equatable {
            public var name: String
            public var value: Double
            public var decimals: Int?

            public init(_ name: String, _ value: Double, decimals: Int? = nil) {
                self.name = name
                self.value = value
                self.decimals = decimals
            }
        }

        /// Every placeholder value, drawn ones first (already rounded to what is shown), then intermediates.
        public var shown: [Shown]
        public var answer: Double
        /// Wrong answers a learner who half-understood would compute (a forgotten factor, a swapped ratio),
        /// for a computed multiple-choice question; distinct from the answer and from each other.
        public var distractors: [Double]

        public init(shown: [Shown], answer: Double, distractors: [Double]) {
            self.shown = shown
            self.answer = answer
            self.distractors = distractors
        }

        public subscript(name: String) -> Double? { shown.first { $0.name == name }?.value }
    }

    public var name: String
    /// One sentence for the listing.
    public var summary: String
    /// The placeholders it fills besides `{answer}`: drawn values and intermediates.
    public var values: [Value]
    /// The relative tolerance a reply is graded with unless the author gives one: room for a learner who
    /// rounds the intermediate steps.
    public var relativeTolerance: Double
    /// Deterministic: the same seed gives the same draw, bit for bit.
    public var draw: @Sendable (UInt64) -> Draw

    public init(name: String, summary: String, values: [Value], relativeTolerance: Double,
                draw: @escaping @Sendable (UInt64) -> Draw) {
        self.name = name
        self.summary = summary
        self.values = values
        self.relativeTolerance = relativeTolerance
        self.draw = draw
    }
}

/// Every question generator Gradus knows, by name, in the order `gradus quiz --generators` lists them.
public struct QuestionGenerators: Sendable {
    public var generators: [QuestionGenerator]

    public init(_ generators: [QuestionGenerator]) { self.generators = generators }

    public subscript(name: String) -> QuestionGenerator? { generators.first { $0.name == name } }

    public var names: [String] { generators.map(\.name) }
}
