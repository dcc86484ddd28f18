import Foundation
import Testing
import GradusTestSupport
import GradusContent
@testable import GradusCLI

@Suite("gradus new lesson")
struct NewCommandTests {
    /// The frozen one-lesson course beside the tests, with the real templates, in a fresh folder.
    static func workspace(templates: Bool = false) throws -> URL {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lesson-one")
        let root = try CheckCommandTests.workspace(fixture, ["content"])
        if templates {
            try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                             to: root.appendingPathComponent("templates"))
        }
        return root
    }

    func headings(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map(String.init)
            .filter { $0.hasPrefix("## ") }
    }

    @Test("Writes one file per language with front matter and the latest lesson's sections, then refuses to overwrite")
    func newLesson() throws {
        let root = try Self.workspace(templates: true)
        let lessons = root.appendingPathComponent("content/lessons")
        let run = CLIRun(["new", "lesson", "02-vanishing-gradient"], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err == ["pt", "de", "en"].map { "Created content/lessons/02-vanishing-gradient.\($0).md\n" }.joined())
        for language in ["pt", "de", "en"] {
            let new = lessons.appendingPathComponent("02-vanishing-gradient.\(language).md")
            let old = lessons.appendingPathComponent("01-backpropagation.\(language).md")
            let text = try String(contentsOf: new, encoding: .utf8)
            #expect(text.hasPrefix("---\ntitle: Vanishing gradient\nsummary: \"\"\n---\n"))
            #expect(try headings(new) == headings(old))
            #expect(try headings(new).allSatisfy { $0.hasSuffix("}") })
        }
        let pt = lessons.appendingPathComponent("02-vanishing-gradient.pt.md")
        try "---\ntitle: Escrita\n---\nTexto do autor.\n".write(to: pt, atomically: true, encoding: .utf8)
        let again = CLIRun(["new", "lesson", "02-vanishing-gradient"], in: root)
        #expect(again.status == 1)
        #expect(try String(contentsOf: pt, encoding: .utf8) == "---\ntitle: Escrita\n---\nTexto do autor.\n")
        let check = CLIRun(["check"], in: root)
        #expect(!check.out.contains(": error: "), "\(check.out)")
    }

    @Test("An existing file blocks every file of the lesson: nothing is written")
    func existingFile() throws {
        let root = try Self.workspace()
        let lessons = root.appendingPathComponent("content/lessons")
        let content = root.appendingPathComponent("content")
        let course = try ContentLoader(root: content, displayRoot: "content").load()
        try "mine\n".write(to: lessons.appendingPathComponent("02-depth.en.md"), atomically: true, encoding: .utf8)
        #expect(throws: LessonSkeleton.Refusal.self) {
            try LessonSkeleton(root: content, displayRoot: "content").create("02-depth", course: course)
        }
        #expect(try String(contentsOf: lessons.appendingPathComponent("02-depth.en.md"), encoding: .utf8) == "mine\n")
        for language in ["pt", "de"] {
            #expect(!FileManager.default.fileExists(atPath: lessons.appendingPathComponent("02-depth.\(language).md").path))
        }
    }

    static let refused: [([String], Int32)] = [
        (["new", "lesson", "vanishing"], 1), (["new", "lesson", "02-Vanishing"], 1),
        (["new", "lesson"], 64), (["new", "chapter", "02-x"], 64),
    ]

    @Test("A name that is not NN-slug, or a missing name, is refused", arguments: refused)
    func badNames(arguments: [String], status: Int32) throws {
        let root = try Self.workspace()
        #expect(CLIRun(arguments, in: root).status == status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/lessons").path).count == 3)
    }
}
