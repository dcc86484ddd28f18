import GradusTestSupport
import Testing
@testable import GradusQuiz

@Suite("GIFT export")
struct GIFTWriterTests {
    static let hostile = "a~b=c#d{e}f:g\\h"
    let questions = [
        Question(id: "l/q1", kind: .single,
                 prompt: QuizText(runs: [.text("Why is "), .math("\\sigma'(z) \\le 1/4"), .text(" {really}?")], html: ""),
                 options: [.init(text: QuizText(stringLiteral: hostile), isCorrect: false, why: "Because: ~no~."),
                           .init(text: QuizText(runs: [.strong("bold"), .text(" & "), .code("x=1")], html: ""), isCorrect: true)],
                 explanation: QuizText(runs: [.text("First."), .paragraphBreak, .text("Second #2.")], html: ""),
                 origin: "x:1:1"),
        Question(id: "l/q2", kind: .multiple, prompt: "Pick three", options: [
            .init(text: "a", isCorrect: true), .init(text: "b", isCorrect: true, why: "yes"),
            .init(text: "c", isCorrect: false, why: "no"), .init(text: "d", isCorrect: true),
        ], explanation: "", origin: "x:2:1"),
        Question(id: "name:with{specials}", kind: .trueFalse, prompt: "Sigmoid saturates.",
                 options: [.init(text: "True", isCorrect: false), .init(text: "False", isCorrect: true)],
                 explanation: "It does not = it does.", origin: "x:3:1"),
    ]

    @Test("Every field escapes ~ = # { } : and backslash, so the file reads back to the same texts")
    func roundTrip() throws {
        let quiz = Quiz(lessonSlug: "vanishing", lessonTitle: "Vanishing: {gradients}", language: "en", questions: questions)
        let gift = GIFTWriter.write([quiz], courseTitle: "Course")
        let read = try GIFTReader.read(gift)
        #expect(read.count == 3)
        #expect(read.map(\.category) == Array(repeating: "$course$/vanishing", count: 3))
        #expect(read.map(\.name) == ["l/q1", "l/q2", "name:with{specials}"])
        #expect(read.allSatisfy { $0.format == "html" })
        let first = read[0]
        #expect(first.text == "Why is \\(\\sigma'(z) \\le 1/4\\) {really}?")
        #expect(first.answers == [
            .init(text: "a~b=c#d{e}f:g\\h", weight: 0, feedback: "Because: ~no~."),
            .init(text: "<strong>bold</strong> &amp; <code>x=1</code>", weight: 100, feedback: nil),
        ])
        #expect(first.generalFeedback == "First.<br><br>Second #2.")
    }

    @Test("Multiple answers share 100% among the right options; wrong ones take -100%")
    func weights() throws {
        let read = try GIFTReader.read(GIFTWriter.write([Quiz(lessonSlug: "l", lessonTitle: "T", language: "en",
                                                              questions: questions)], courseTitle: "C"))
        let multiple = read[1]
        #expect(multiple.answers.map(\.weight) == [33.33333, 33.33333, -100, 33.33333])
        #expect(multiple.answers.map(\.feedback) == [nil, "yes", "no", nil])
        #expect(read[2].truth == false)
        #expect(read[2].generalFeedback == "It does not = it does.")
        #expect(GIFTWriter.percent(50) == "50")
        #expect(GIFTWriter.percent(100.0 / 8) == "12.5")
        #expect(GIFTWriter.percent(100.0 / 7) == "14.28571")
    }

    @Test("No special character is left unescaped in any field")
    func escaping() {
        #expect(GIFTWriter.escape(Self.hostile) == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h")
        #expect(GIFTWriter.escape("two\nlines") == "two\\nlines")
    }
}
