import GradusEngine

extension QuestionGenerator {
    /// A generator whose draw calls `attempt` until it returns a variant (nil: a degenerate case, such as a
    /// gradient too small to read) whose answer and distractors are all distinct. The attempts share one random
    /// stream started at the seed, so the result is still a function of the seed. The stream is salted with the
    /// name: two generators given the same seed (two questions of a page) do not start from the same numbers.
    init(name: String, summary: String, values: [Value], relativeTolerance: Double,
         attempt: @escaping @Sendable (inout Generator) -> Draw?) {
        let salt = QuestionGenerator.fnv1a(name)
        self.init(name: name, summary: summary, values: values, relativeTolerance: relativeTolerance) { seed in
            var generator = Generator(seed: seed ^ salt)
            for _ in 0..<10_000 {
                if let draw = attempt(&generator),
                   QuestionGenerator.distinct([draw.answer] + draw.distractors, relativeTolerance: relativeTolerance) {
                    return draw
                }
            }
            preconditionFailure("question generator \(name) rejected 10 000 draws")
        }
    }

    /// True when the numbers are finite and each pair differs by more than three tolerances relative to the
    /// larger: a learner who rounds within the tolerance never lands on a distractor, nor on two at once.
    static func distinct(_ numbers: [Double], relativeTolerance: Double) -> Bool {
        guard numbers.allSatisfy(\.isFinite) else { return false }
        for (index, a) in numbers.enumerated() {
            for b in numbers[(index + 1)...]
            where !(abs(a - b) > 3 * relativeTolerance * max(abs(a), abs(b))) { return false }
        }
        return true
    }

    /// The 64-bit FNV-1a hash of the text's UTF-8 bytes: stable across runs and platforms, unlike `Hasher`.
    static func fnv1a(_ text: String) -> UInt64 {
        text.utf8.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x0000_0100_0000_01b3 }
    }
}

extension QuestionGenerator.Value {
    /// A value computed from the drawn ones, for the explanation.
    static func computed(_ name: String, help: String) -> Self { .init(name, help: help, range: "computed") }
}
