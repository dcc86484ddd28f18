import Foundation
import Testing
import GradusTestSupport

/// The progress file survives a kill at any moment: the real binary is killed with SIGKILL at varied delays while
/// it records answers, and the file is then always absent or a whole, readable progress file; the next run removes
/// the temporaries the killed ones left.
@Suite("Progress file under SIGKILL")
struct QuizProgressKillTests {
    static let root = TestEnvironment.packageRoot
    static let binary = root.appendingPathComponent(".build/debug/gradus")
    /// The frozen one-lesson fixture: two questions.
    static let content = root.appendingPathComponent("Tests/GradusCLITests/Fixtures/lesson-one/content").path

    @Test("A kill mid-session never leaves a partial progress file")
    func killed() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the debug binary first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("progress.json")
        var whole = 0
        for round in 0..<16 {
            let process = Process()
            process.executableURL = Self.binary
            process.arguments = ["quiz", "--content", Self.content, "--lang", "en",
                                 "--answers", "a,b", "--progress", file.path]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            Thread.sleep(forTimeInterval: Double(round % 8) * 0.02)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            guard let data = FileManager.default.contents(atPath: file.path) else { continue }
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any],
                                      "round \(round): the file is not whole JSON")
            #expect(object["version"] as? Int == 1)
            whole += 1
        }
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0 != "progress.json" && $0 != ".progress.json.lock" && !$0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty, "no file other than the progress file, its lock and an interrupted temporary")
        // Temporaries of killed writers, in the old and the new naming, and one of another progress file.
        for name in [".progress.json.4242.tmp", ".progress.json.4242.9f3a.tmp", ".other.json.4242.tmp"] {
            try Data("{".utf8).write(to: folder.appendingPathComponent(name))
        }
        // Finally a run that completes: the file has both questions, each seen at least once.
        let run = try runProcess(Self.binary, ["quiz", "--content", Self.content,
                                               "--lang", "en", "--answers", "a,b", "--progress", file.path])
        #expect(run.status == 0)
        let final = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect((final["questions"] as? [String: Any])?.count == 2)
        let temporaries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".tmp") }
        #expect(temporaries == [".other.json.4242.tmp"], "the next run removes its file's temporaries, and only those")
        _ = whole
    }
}
