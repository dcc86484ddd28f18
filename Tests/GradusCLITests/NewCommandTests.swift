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

    @Test("Writes the same neutral skeleton in every language, in its own words; check points only at its placeholders; then refuses to overwrite")
    func newLesson() throws {
        let root = try Self.workspace(templates: true)
        let lessons = root.appendingPathComponent("content/lessons")
        let run = CLIRun(["new", "lesson", "02-vanishing-gradient"], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err == ["pt", "de", "en"].map { "Created content/lessons/02-vanishing-gradient.\($0).md\n" }.joined())
        let expected = [
            "pt": ("Nova lição", "Primeira seção", "Escreva a lição aqui.", "Escreva aqui uma afirmação verdadeira."),
            "de": ("Neue Lektion", "Erster Abschnitt", "Schreib hier die Lektion.", "Schreib hier eine wahre Aussage."),
            "en": ("New lesson", "First section", "Write the lesson here.", "Write a true statement here."),
        ]
        for (language, words) in expected {
            let text = try String(contentsOf: lessons.appendingPathComponent("02-vanishing-gradient.\(language).md"), encoding: .utf8)
            let stamp = language == "pt" ? "" : text.split(separator: "\n").first { $0.hasPrefix("source: [") }.map { $0 + "\n" } ?? "(no stamp)"
            #expect(text == "---\ntitle: \"\(words.0)\"\nsummary: \"\"\n\(stamp)---\n## \(words.1) {#vanishing-gradient}\n\n\(words.2)\n\n"
                    + "::: quiz true-false\nid: vanishing-gradient/statement\nanswer: true\n### \(words.3)\n:::\n", "\(text)")
        }
        let check = CLIRun(["check"], in: root)
        #expect(check.status == 0, "\(check.out)")
        // The fixture's own lesson has findings of its own; the new one has only its two placeholders a language.
        let found = check.out.split(separator: "\n").filter { $0.contains("02-vanishing-gradient") }
        // The report goes by file; the translations have one more front matter line (their stamp).
        #expect(found == [("de", 8), ("en", 8), ("pt", 7)].flatMap { language, line in
            let words = expected[language]!
            return ["content/lessons/02-vanishing-gradient.\(language).md:\(line):1: warning: '\(words.2)' is the text "
                    + "'gradus new lesson' wrote for you to replace; write the lesson's own here",
                    "content/lessons/02-vanishing-gradient.\(language).md:\(line + 5):1: warning: '\(words.3)' is the text "
                    + "'gradus new lesson' wrote for you to replace; write the lesson's own here"].map { Substring($0) }
        }, "\(check.out)")
        let pt = lessons.appendingPathComponent("02-vanishing-gradient.pt.md")
        try "---\ntitle: Escrita\n---\nTexto do autor.\n".write(to: pt, atomically: true, encoding: .utf8)
        let again = CLIRun(["new", "lesson", "02-vanishing-gradient"], in: root)
        #expect(again.status == 1)
        #expect(try String(contentsOf: pt, encoding: .utf8) == "---\ntitle: Escrita\n---\nTexto do autor.\n")
    }

    @Test("An existing file blocks every file of the lesson: nothing is written")
    func existingFile() throws {
        let root = try Self.workspace()
        let lessons = root.appendingPathComponent("content/lessons")
        let content = root.appendingPathComponent("content")
        let course = try ContentLoader(root: content, displayRoot: "content").load()
        try "mine\n".write(to: lessons.appendingPathComponent("02-depth.en.md"), atomically: true, encoding: .utf8)
        #expect(throws: LessonSkeleton.Refusal.self) {
            try LessonSkeleton(root: content, displayRoot: "content") { _ in
                LessonSkeleton.Words(title: "T", heading: "H", text: "X", statement: "S")
            }.create("02-depth", course: course)
        }
        #expect(try String(contentsOf: lessons.appendingPathComponent("02-depth.en.md"), encoding: .utf8) == "mine\n")
        for language in ["pt", "de"] {
            #expect(!FileManager.default.fileExists(atPath: lessons.appendingPathComponent("02-depth.\(language).md").path))
        }
    }

    static let refused: [([String], Int32)] = [
        (["new", "lesson", "vanishing"], 64), (["new", "lesson", "02-Vanishing"], 64),
        (["new", "lesson"], 64), (["new", "chapter", "02-x"], 64),
    ]

    @Test("A name that is not NN-slug, or a missing name, is refused", arguments: refused)
    func badNames(arguments: [String], status: Int32) throws {
        let root = try Self.workspace()
        #expect(CLIRun(arguments, in: root).status == status)
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/lessons").path).count == 3)
    }
}
