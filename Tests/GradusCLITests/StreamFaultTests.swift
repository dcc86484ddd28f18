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
}
