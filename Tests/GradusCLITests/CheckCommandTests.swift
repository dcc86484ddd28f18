import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

@Suite("gradus check")
struct CheckCommandTests {
    static let fixtures = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusContentTests/Fixtures")

    /// A fresh folder holding a copy of `folders` of `source`, so a test may change them.
    static func workspace(_ source: URL, _ folders: [String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in folders {
            try FileManager.default.copyItem(at: source.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
        return root
    }

    static func fixture(_ name: String) throws -> (root: URL, expected: String) {
        let source = fixtures.appendingPathComponent(name)
        let expected = try String(contentsOf: source.appendingPathComponent("expected.txt"), encoding: .utf8)
        return (try workspace(source, ["content", "templates"]), expected)
    }

    // Each line of expected.txt is one problem planted in the fixture (one of each kind), read and confirmed by hand.
    @Test("A course with one problem of each kind gives exactly the expected report and exits 65")
    func everyKind() throws {
        let (root, expected) = try Self.fixture("check-course")
        let run = CLIRun(["check"], in: root)
        #expect(run.status == 65)
        #expect(run.out == expected)
        #expect(run.err.isEmpty)
    }

    @Test("Front matter and slug errors stop the lessons but not the templates: every one is reported")
    func loadErrors() throws {
        let (root, expected) = try Self.fixture("check-load")
        let run = CLIRun(["check"], in: root)
        #expect(run.status == 65)
        #expect(run.out == expected)
    }

    @Test("--format json prints one object per finding, the same findings as the text, summary on stderr")
    func json() throws {
        let (root, expected) = try Self.fixture("check-course")
        let run = CLIRun(["check", "--format", "json"], in: root)
        #expect(run.status == 65)
        let array = try #require(try JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [[String: Any]])
        let lines = array.map { item in
            "\(item["path"]!):\(item["line"]!):\(item["column"]!): \(item["severity"]!): \(item["message"]!)\n"
        }
        #expect(lines.joined() + "gradus check: 9 errors, 10 warnings\n" == expected)
        #expect(array.allSatisfy { Set($0.keys) == ["path", "line", "column", "severity", "message"] })
        #expect(run.err == "gradus check: 9 errors, 10 warnings\n")
    }

    /// The course never ships broken: any error or warning of `gradus check` on the real course fails the tests.
    @Test("The real course, as committed, has no errors and no warnings, and checking writes no site")
    func realCourse() throws {
        let root = try Self.workspace(TestEnvironment.packageRoot, ["content", "templates"])
        let run = CLIRun(["check"], in: root)
        #expect(run.status == 0)
        #expect(run.out == "gradus check: 0 errors, 0 warnings\n", "\(run.out)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path))
    }

    @Test("--update-stamps changes only the source line, and a later change to the original names its section")
    func stamps() throws {
        // The frozen one-lesson course, so the expectations do not move with the real course.
        let root = try NewCommandTests.workspace(templates: true)
        let lessons = root.appendingPathComponent("content/lessons")
        let german = lessons.appendingPathComponent("01-backpropagation.de.md")
        let before = try String(contentsOf: german, encoding: .utf8)
        #expect(CLIRun(["check", "--update-stamps"], in: root).status == 0)
        let after = try String(contentsOf: german, encoding: .utf8)
        var beforeLines = before.split(separator: "\n", omittingEmptySubsequences: false)
        var afterLines = after.split(separator: "\n", omittingEmptySubsequences: false)
        let added = try #require(afterLines.firstIndex { $0.hasPrefix("source: [") })
        #expect(afterLines.remove(at: added).contains("chain-rule="))
        #expect(afterLines == beforeLines)
        // The stamp goes just before the closing '---' of the front matter.
        beforeLines = afterLines
        #expect(beforeLines[added] == "---")

        let original = lessons.appendingPathComponent("01-backpropagation.pt.md")
        let text = try String(contentsOf: original, encoding: .utf8)
        try text.replacingOccurrences(of: "Cada fator é local", with: "Cada fator é apenas local")
            .write(to: original, atomically: true, encoding: .utf8)
        let run = CLIRun(["check"], in: root)
        #expect(run.status == 0)
        let stale = run.out.split(separator: "\n").filter { $0.contains("stale translation") }
        #expect(stale.count == 2)
        #expect(stale.allSatisfy { $0.hasSuffix("changed in section 'chain-rule'; update it here, then run 'gradus check --update-stamps'") })
        #expect(CLIRun(["check", "--update-stamps"], in: root).out == "gradus check: 0 errors, 0 warnings\n")
        let restamped = try String(contentsOf: german, encoding: .utf8)
        #expect(restamped.split(separator: "\n").filter { $0.hasPrefix("source:") }.count == 1)
    }

    @Test("A broken link, bad math and an image without alt text are reported at their own line:column")
    func inlinePositions() throws {
        let root = try FaultMessagesTests.workspace()
        try "---\ntitle: X\n---\nSome text,\nthen [a link](#nowhere).\n\n> quoted é ![](x.png)\n>\t- and $x^$\n"
            .write(to: root.appendingPathComponent("content/lessons/09-x.en.md"), atomically: true, encoding: .utf8)
        let run = CLIRun(["check"], in: root)
        #expect(run.status == 65)
        let found = run.out.split(separator: "\n").filter { $0.hasPrefix("content/lessons/09-x.en.md:") }
            .filter { $0.contains("broken link") || $0.contains("in math") || $0.contains("alt text") }
        #expect(found == [
            "content/lessons/09-x.en.md:5:6: error: broken link '#nowhere': no heading with id 'nowhere' on this page",
            "content/lessons/09-x.en.md:7:12: warning: image without alt text; describe it in the brackets: ![what it shows](…)",
            "content/lessons/09-x.en.md:8:11: error: in math: '^' needs an argument, as in x^{2}",
        ], "\(run.out)")
    }

    @Test("One run reports every problem of the course: a lesson without a title hides nothing in other files or the templates")
    func everyProblemInOneRun() throws {
        let root = try FaultMessagesTests.workspace()
        let lessons = root.appendingPathComponent("content/lessons")
        func edit(_ path: String, _ change: (String) -> String) throws {
            let url = root.appendingPathComponent(path)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }
        try edit("content/lessons/01-first.en.md") { $0.replacingOccurrences(of: "title:", with: "titel:") }
        try edit("content/lessons/02-second.de.md") { $0 + "\n[hier](#nirgends)\n" }
        try "---\ntitle: X\n---\n::: quiz true-flase\nanswer: true\n### S\n:::\n"
            .write(to: lessons.appendingPathComponent("09-x.de.md"), atomically: true, encoding: .utf8)
        try edit("templates/partials/header.mustache") { $0 + "{{> partials/nope}}\n" }
        let run = CLIRun(["check"], in: root)
        #expect(run.status == 65)
        let errors = run.out.split(separator: "\n").map(String.init).filter { $0.contains(": error: ") }
        let linkLine = try Self.lineCount(lessons.appendingPathComponent("02-second.de.md"))
        let partialLine = try Self.lineCount(root.appendingPathComponent("templates/partials/header.mustache"))
        let expected = ["content/lessons/01-first.en.md:1:1: error: missing key 'title'",
                        "content/lessons/02-second.de.md:\(linkLine):1: error: broken link '#nirgends'",
                        "content/lessons/09-x.de.md:4:1: error: unknown quiz kind 'true-flase'",
                        "templates/partials/header.mustache:\(partialLine):1: error: no partial named 'partials/nope'"]
        #expect(errors.count == expected.count, "\(run.out)")
        for prefix in expected { #expect(errors.contains { $0.hasPrefix(prefix) }, "\(prefix) in \(run.out)") }
        #expect(!run.out.contains("lesson 'first' has no en translation"), "a false missing-translation cascade: \(run.out)")
    }

    /// The number of the file's last line (it ends with a newline).
    static func lineCount(_ url: URL) throws -> Int {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false).count - 1
    }

    @Test("Languages without a profile of function words are named once, at course.yml, and their lessons are skipped")
    func unprofiledLanguages() throws {
        let root = try FrenchCourseTests.course()
        let content = root.appendingPathComponent("content")
        try "languages: [fr, nl, sv]\ndefault: fr\n".write(to: content.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        let words = try String(contentsOf: root.appendingPathComponent("templates/i18n/fr.json"), encoding: .utf8)
        for code in ["nl", "sv"] {
            try "---\ntitle: \(code)\n---\n".write(to: content.appendingPathComponent("course.\(code).md"), atomically: true, encoding: .utf8)
            try words.write(to: root.appendingPathComponent("templates/i18n/\(code).json"), atomically: true, encoding: .utf8)
            // An English paragraph would be flagged in a profiled language; here it is not judged at all.
            try ("---\ntitle: Eerste\n---\n## Start {#start}\n\nThe gradient that reaches the first layers of a deep "
                 + "network is often so small that their weights hardly move at all during training.\n")
                .write(to: content.appendingPathComponent("lessons/01-first.\(code).md"), atomically: true, encoding: .utf8)
        }
        let run = CLIRun(["check"], in: root)
        let profiles = run.out.split(separator: "\n").filter { $0.contains("profile") }
        #expect(profiles == ["content/course.yml:1:1: warning: Gradus has no profile of the function words of 'nl', 'sv', "
                             + "so their lessons are not checked for paragraphs in another language "
                             + "(profiles: de, en, es, fr, it, pt)"])
        #expect(!run.out.contains("reads as"), "\(run.out)")
    }

    @Test("An unknown --format is a usage error")
    func badFormat() {
        let run = CLIRun(["check", "--format", "xml"])
        #expect(run.status == 64)
        #expect(run.err.contains("invalid value 'xml' for --format"))
    }
}
