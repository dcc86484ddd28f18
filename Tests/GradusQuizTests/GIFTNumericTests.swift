import GradusTestSupport
import Testing
@testable import GradusQuiz

@Suite("GIFT export of numeric and computed questions")
struct GIFTNumericTests {
    static let peak = Question(id: "l/peak", kind: .numeric, prompt: "Largest σ′?", options: [], explanation: "At z = 0.",
                               origin: "x:1:1", numeric: NumericAnswer(value: 0.25, tolerance: .absolute(0.001)))

    /// Variant for seed s: "Double x?" with x = s mod 9 + 1, the key 2x within 1 %.
    static let doubled: Question = {
        @Sendable func variant(_ seed: UInt64) -> Question {
            let x = Double(seed % 9 + 1)
            return Question(id: "l/double", kind: .numeric, prompt: QuizText(stringLiteral: "Double \(Int(x))?"), options: [],
                            explanation: "", origin: "x:2:1", numeric: NumericAnswer(value: 2 * x, tolerance: .relative(0.01)),
                            computed: Computed(generator: "double", values: [.init(name: "x", text: "\(Int(x))")],
                                               redraw: .init(key: "l/double", draw: variant)))
        }
        return variant(Computed.variantSeed(id: "l/double", seed: 1, index: 0))
    }()

    @Test("A numeric question is Moodle's numerical question; a relative tolerance becomes its width")
    func numeric() throws {
        #expect(GIFTWriter.write(Self.peak) == "::l/peak::[html]Largest σ′? {#0.25:0.001\n####At z \\= 0.\n}")
        let relative = Question(id: "r", kind: .numeric, prompt: "Q", options: [], explanation: "", origin: "",
                                numeric: NumericAnswer(value: -40, tolerance: .relative(0.05)))
        let read = try GIFTReader.read(GIFTWriter.write(relative))
        #expect(read.first?.numeric?.value == -40 && read.first?.numeric?.tolerance == 2)
        let percent = Question(id: "p", kind: .numeric, prompt: "Q", options: [], explanation: "", origin: "",
                               numeric: NumericAnswer(value: 2.019, tolerance: .relative(0.01)))
        #expect(GIFTWriter.write(percent).contains("{#2.019:0.02019\n"), "not 0.020190000000000003")
    }

    @Test("A computed question becomes its 16 variants in a category of its own, the next question back in the lesson's")
    func computed() throws {
        let quiz = Quiz(lessonSlug: "basics", lessonTitle: "Basics", language: "en", questions: [Self.doubled, Self.peak])
        let read = try GIFTReader.read(GIFTWriter.write([quiz], courseTitle: "C", seed: 1))
        #expect(read.count == 17)
        #expect(read.prefix(16).allSatisfy { $0.category == "$course$/basics/l-double" })
        #expect(read.prefix(16).map(\.name) == (1...16).map { "l/double-v\($0)" })
        let variants = Self.doubled.variants(seed: 1)
        for (question, variant) in zip(read.prefix(16), variants) {
            #expect(question.text == variant.prompt.plain)
            #expect(question.numeric?.value == variant.numeric?.value)
            #expect(question.numeric?.tolerance == variant.numeric?.allowance)
        }
        #expect(read[0].text == Self.doubled.prompt.plain, "the first variant is the one the site shows first")
        #expect(read[16].category == "$course$/basics" && read[16].name == "l/peak")
    }
}
