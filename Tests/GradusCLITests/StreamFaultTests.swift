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

    /// How many descriptors a build needs varies with the machine (threads, libraries), so the limit goes up from
    /// 6 to 16: each run either builds or fails as the system's fault (status 1) with the site as it was; none is a
    /// usage error or a crash, and at least one limit is too low.
    @Test("Too few file descriptors (ulimit -n 6 to 16): status 1 with the site as it was, or a build; never torn")
    func fewDescriptors() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let shell = try #require(TestEnvironment.tool("sh"))
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-fds-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        #expect(try runProcess(shell, ["-c", "cd '\(home.path)' && '\(binary.path)' init c --lang en && cd c && '\(binary.path)' build"]).status == 0)
        let lesson = home.appendingPathComponent("c/content/lessons/01-getting-started.en.md")
        let page = home.appendingPathComponent("c/_site/en/getting-started/index.html")
        var refused = 0
        for limit in 6...16 {
            let current = try Data(contentsOf: page)
            try (try String(contentsOf: lesson, encoding: .utf8) + "\nMore \(limit).\n").write(to: lesson, atomically: true, encoding: .utf8)
            let run = try runProcess(shell, ["-c", "cd '\(home.path)/c' && ulimit -n \(limit) && exec '\(binary.path)' build"])
            // Below some limit the program cannot even be loaded; that is the dynamic linker's refusal, not Gradus'.
            if run.stderrText.contains("shared librar") { continue }
            let now = try String(contentsOf: page, encoding: .utf8)
            if run.status == 0 {
                #expect(now.contains("More \(limit)."), "limit \(limit): built")
            } else {
                refused += 1
                #expect(run.status == 1, "limit \(limit): \(run.status) \(run.stderrText)")
                #expect(run.stderrText.hasPrefix("gradus: error: "), "limit \(limit): \(run.stderrText)")
                #expect(Data(now.utf8) == current, "limit \(limit): the previous site stays")
            }
        }
        #expect(refused > 0, "some limit is too low for a build")
        // A low soft limit under a higher hard one is raised, and the build goes on.
        let soft = try runProcess(shell, ["-c", "cd '\(home.path)/c' && ulimit -S -n 10 && exec '\(binary.path)' build"])
        #expect(soft.status == 0, "\(soft.stderrText)")
    }
}
