import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

@Suite("gradus export-quiz")
struct ExportQuizCommandTests {
    /// A frozen one-lesson course (a copy of lesson 01), so the expectations do not move as the real course grows.
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lesson-one/content").path

    @Test("GIFT reads back: every question by id, one right answer each, per-option and general feedback")
    func gift() throws {
        let run = CLIRun(["export-quiz", "--content", Self.content, "--format", "gift", "--lang", "en"])
        #expect(run.status == 0, "\(run.err)")
        let questions = try GIFTReader.read(run.out)
        #expect(questions.map(\.name) == ["backpropagation/chain-rule-product", "backpropagation/sigmoid-bound"])
        #expect(questions.allSatisfy { $0.category == "$course$/backpropagation" })
        let first = questions[0]
        #expect(first.text == "What does backpropagation multiply to get \\(\\partial L / \\partial w\\)?")
        #expect(first.answers.map(\.weight) == [0, 100, 0])
        #expect(first.answers[1].text == "The local derivatives along the path from \\(w\\) to the loss.")
        #expect(first.answers[2].feedback == "The last layer gives only the first factor, \\(\\partial L / \\partial a\\).")
        #expect(questions[1].answers[0].text == "\\(1/4\\), at \\(z = 0\\).")
        #expect(questions.allSatisfy { $0.generalFeedback?.isEmpty == false })
    }

    @Test("JSON model: every question with its options, correctness and reasons; --out writes the same bytes")
    func json() throws {
        let run = CLIRun(["export-quiz", "--content", Self.content, "--format", "json", "--lang", "de"])
        #expect(run.status == 0, "\(run.err)")
        let object = try #require(JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
        let lessons = try #require(object["lessons"] as? [[String: Any]])
        #expect(lessons.map { $0["slug"] as? String } == ["backpropagation"])
        let questions = try #require(lessons[0]["questions"] as? [[String: Any]])
        #expect(questions.count == 2)
        let options = try #require(questions[1]["options"] as? [[String: Any]])
        #expect(options.map { $0["correct"] as? Bool } == [true, false, false])
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-export-\(UUID().uuidString).json")
        let written = CLIRun(["export-quiz", "--content", Self.content, "--format", "json", "--lang", "de", "--out", out.path])
        #expect(written.status == 0)
        #expect(try String(contentsOf: out, encoding: .utf8) == run.out)
    }

    @Test("A missing or unknown format is a usage error")
    func format() {
        #expect(CLIRun(["export-quiz", "--content", Self.content]).status == 64)
        #expect(CLIRun(["export-quiz", "--content", Self.content, "--format", "xml"]).status == 64)
    }
}
