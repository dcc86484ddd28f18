import Foundation
import Testing
import GradusTestSupport

/// `gradus quiz` killed with SIGKILL while it saves the progress file after each answer: the file always parses,
/// keeps every record it had, and holds every answer that the quiz had moved past before the kill.
@Suite("Faults during a quiz", .serialized)
struct FaultQuizTests {
    static let questions = 30
    static let oldRecords = 2_000

    /// A one-lesson course of 30 true-false statements with ids q00…q29.
    static func course() throws -> URL {
        let root = try makeScratchFolder("gradus-quiz-kill")
        let lessons = root.appendingPathComponent("content/lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try "languages: [en]\ndefault: en\n".write(to: root.appendingPathComponent("content/course.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Q\ndescription: Kills.\n---\nHi.\n"
            .write(to: root.appendingPathComponent("content/course.en.md"), atomically: true, encoding: .utf8)
        var lesson = "---\ntitle: Many\n---\n## Start {#start}\n\nText.\n\n"
        for index in 0..<questions {
            lesson += "::: quiz true-false\nid: q\(String(format: "%02d", index))\nanswer: true\n### Statement \(index) holds.\n:::\n\n"
        }
        try lesson.write(to: lessons.appendingPathComponent("01-many.en.md"), atomically: true, encoding: .utf8)
        return root
    }

    /// A progress file with 2 000 records of other questions, so that each save writes a few hundred kilobytes.
    static func oldProgress() throws -> Data {
        var records: [String: Any] = [:]
        for index in 0..<oldRecords {
            records["old/q\(index)"] = ["box": 1, "due": "2026-01-02T00:00:00Z", "first_try_right": 1,
                                         "last": "2026-01-01T00:00:00Z", "lesson": "old", "seen": 1]
        }
        return try JSONSerialization.data(withJSONObject: ["format": "gradus-progress", "version": 1, "questions": records])
    }

    /// The question records of the progress file, read by Foundation's JSON parser (not Gradus' own).
    static func records(_ url: URL) throws -> [String: Any] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
        #expect(object["format"] as? String == "gradus-progress")
        return try #require(object["questions"] as? [String: Any])
    }

    @Test("SIGKILL at 50 random moments of a quiz leaves a progress file that parses with every answer before the kill")
    func killDuringQuiz() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let root = try Self.course()
        let progress = root.appendingPathComponent("progress.json")
        let old = try Self.oldProgress()
        let answers = Array(repeating: "a", count: Self.questions).joined(separator: ",")
        let arguments = ["quiz", "--answers", answers, "--progress", progress.path]
        // A whole run, to spread the kills over its length.
        try old.write(to: progress)
        let started = Date()
        let full = try runProcess(binary, arguments, in: root)
        let seconds = Date().timeIntervalSince(started)
        try #require(full.status == 0, "\(full.stderrText)")
        let complete = try Self.records(progress)
        #expect(complete.count == Self.oldRecords + Self.questions)
        var generator = SystemRandomNumberGenerator()
        var savedCounts: [Int] = []
        for attempt in 1...50 {
            try old.write(to: progress)
            let process = Process()
            process.executableURL = binary
            process.arguments = arguments
            process.currentDirectoryURL = root
            let out = Pipe()
            process.standardOutput = out
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(UInt32(Double.random(in: 0...(seconds * 1.1), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            // "Question k of 30" is printed after the answers to questions 1…k−1 were saved.
            let shown = (1...Self.questions).last { printed.contains("Question \($0) of \(Self.questions)\n") } ?? 0
            let records = try Self.records(progress)
            let new = records.keys.filter { !$0.hasPrefix("old/") }
            let kept = records.count - new.count
            #expect(kept == Self.oldRecords, "kill \(attempt): old records lost")
            #expect(new.count >= max(shown - 1, 0), "kill \(attempt): \(shown) questions shown, \(new.count) saved")
            #expect(new.count <= shown, "kill \(attempt): more saved than shown")
            savedCounts.append(new.count)
            let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix(".tmp") }
            if !leftovers.isEmpty { try leftovers.forEach { try FileManager.default.removeItem(at: root.appendingPathComponent($0)) } }
        }
        print("FaultQuizTests: 50 kills over \(String(format: "%.2f", seconds * 1.1)) s; answers saved per kill: \(savedCounts)")
    }
}
