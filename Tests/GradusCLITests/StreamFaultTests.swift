import Foundation
import Testing
import GradusTestSupport

/// Output that cannot be written (here to /dev/full, a device that is always full) ends a command with status 1
/// and one line on standard error, never a crash report.
@Suite("Standard streams that refuse writes")
struct StreamFaultTests {
    @Test("A full standard output: status 1 and 'cannot write to standard output', for help, simulate and check")
    func fullStandardOutput() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let shell = try #require(TestEnvironment.tool("sh"))
        let course = TestEnvironment.packageRoot.path
        for arguments in ["--help", "simulate activation-derivatives", "check --root '\(course)'"] {
            let run = try runProcess(shell, ["-c", "exec '\(binary.path)' \(arguments) > /dev/full"])
            #expect(run.status == 1, "\(arguments): \(run.status)")
            #expect(run.stderrText == "gradus: error: cannot write to standard output: No space left on device\n", "\(arguments)")
        }
    }

    @Test("A full standard error as well: status 1 and nothing else")
    func fullStandardError() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let shell = try #require(TestEnvironment.tool("sh"))
        let run = try runProcess(shell, ["-c", "exec '\(binary.path)' nonsense > /dev/full 2> /dev/full"])
        #expect(run.status == 1)
    }

    @Test("Too few file descriptors (ulimit -n 8): status 1, the reason, and the previous site unchanged")
    func fewDescriptors() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let shell = try #require(TestEnvironment.tool("sh"))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-fds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try runProcess(shell, ["-c", "cd '\(home.path)' && '\(binary.path)' init c --lang en && cd c && '\(binary.path)' build"]).status == 0)
        let page = home.appendingPathComponent("c/_site/en/getting-started/index.html")
        let before = try Data(contentsOf: page)
        try (try String(contentsOf: home.appendingPathComponent("c/content/lessons/01-getting-started.en.md"), encoding: .utf8) + "\nMore.\n")
            .write(to: home.appendingPathComponent("c/content/lessons/01-getting-started.en.md"), atomically: true, encoding: .utf8)
        let run = try runProcess(shell, ["-c", "cd '\(home.path)/c' && ulimit -n 8 && exec '\(binary.path)' build"])
        #expect(run.status == 1, "\(run.stderrText)")
        #expect(run.stderrText.contains("Too many open files"), "\(run.stderrText)")
        #expect(try Data(contentsOf: page) == before)
    }
}
