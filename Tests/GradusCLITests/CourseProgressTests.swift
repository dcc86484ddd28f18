import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

/// Each course keeps its learners' progress apart, and the single progress file of earlier versions is carried over.
@Suite("Progress per course")
struct CourseProgressTests {
    static func records(_ url: URL) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        return try #require(object["questions"] as? [String: [String: Any]])
    }

    @Test("Two courses with a lesson of the same name and the same question ids keep separate progress")
    func separate() throws {
        let home = try makeScratchFolder("gradus-progress")
        let environment = ["XDG_DATA_HOME": home.appendingPathComponent("data").path, "LANG": "C.UTF-8"]
        #expect(CLIRun(["init", "a"], in: home).status == 0)
        #expect(CLIRun(["init", "b"], in: home).status == 0)
        let answered = CLIRun(["quiz", "--answers", "a,a,0.25,a,0.25,a"], in: home.appendingPathComponent("a"), environment: environment)
        #expect(answered.status == 0, "\(answered.err)")
        let list = CLIRun(["quiz", "--list"], in: home.appendingPathComponent("b"), environment: environment)
        #expect(list.out.contains("(6 questions, 0 answered"), "\(list.out)")
        let courses = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("data/gradus/courses").path)
        #expect(courses.count == 1, "only the course that was answered has a file")
    }

    @Test("The shared progress file of earlier versions gives its records to the first course that has their lessons, once, and is kept aside")
    func adopted() throws {
        let home = try makeScratchFolder("gradus-progress")
        let data = home.appendingPathComponent("data")
        let environment = ["XDG_DATA_HOME": data.path, "LANG": "C.UTF-8"]
        #expect(CLIRun(["init", "a"], in: home).status == 0)
        let shared = data.appendingPathComponent("gradus/progress.json")
        try FileManager.default.createDirectory(at: shared.deletingLastPathComponent(), withIntermediateDirectories: true)
        let old = """
        {"format": "gradus-progress", "version": 1, "questions": {
          "getting-started/computed": {"lesson": "getting-started", "box": 3, "due": "2026-01-01T00:00:00Z", "seen": 2,
            "first_try_right": 2, "last": "2025-12-01T00:00:00Z"},
          "other/q1": {"lesson": "other", "box": 1, "due": "2026-01-01T00:00:00Z", "seen": 1, "first_try_right": 0,
            "last": "2025-12-01T00:00:00Z"}}}
        """
        try Data(old.utf8).write(to: shared)
        let first = CLIRun(["quiz", "--list"], in: home.appendingPathComponent("a"), environment: environment)
        #expect(first.err.contains("was moved from \(shared.path)"), "\(first.err)")
        let folder = data.appendingPathComponent("gradus/courses")
        let id = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first)
        let records = try Self.records(folder.appendingPathComponent("\(id)/progress.json"))
        #expect(Set(records.keys) == ["getting-started/computed"])
        #expect(records["getting-started/computed"]?["seen"] as? Int == 2)
        #expect(!FileManager.default.fileExists(atPath: shared.path))
        #expect(try String(contentsOf: URL(fileURLWithPath: shared.path + ".migrated"), encoding: .utf8) == old, "kept aside as it was")
        let second = CLIRun(["quiz", "--list"], in: home.appendingPathComponent("a"), environment: environment)
        #expect(!second.err.contains("moved"), "moved once")
        // A new course with a lesson of the same name starts afresh.
        #expect(CLIRun(["init", "b"], in: home).status == 0)
        let other = CLIRun(["quiz", "--list"], in: home.appendingPathComponent("b"), environment: environment)
        #expect(other.out.contains("(6 questions, 0 answered"), "\(other.out)")
    }
}
