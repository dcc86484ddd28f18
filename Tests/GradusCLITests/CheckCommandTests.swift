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

    @Test("The real course has no errors; once stamped, no warnings either")
    func realCourse() throws {
        let root = try Self.workspace(TestEnvironment.packageRoot, ["content", "templates"])
        let first = CLIRun(["check"], in: root)
        #expect(first.status == 0)
        #expect(!first.out.contains(": error: "), "\(first.out)")
        let stamped = CLIRun(["check", "--update-stamps"], in: root)
        #expect(stamped.status == 0)
        #expect(stamped.out == "gradus check: 0 errors, 0 warnings\n", "\(stamped.out)")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path))
    }

    @Test("--update-stamps changes only the source line, and a later change to the original names its section")
    func stamps() throws {
        let root = try Self.workspace(TestEnvironment.packageRoot, ["content", "templates"])
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

    @Test("An unknown --format is a usage error")
    func badFormat() {
        let run = CLIRun(["check", "--format", "xml"])
        #expect(run.status == 64)
        #expect(run.err.contains("invalid value 'xml' for --format"))
    }
}
