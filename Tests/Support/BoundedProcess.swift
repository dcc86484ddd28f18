import Foundation

/// How a child process run under limits ended: its result, the wall time, and whether the time limit killed it.
public struct BoundedResult: Sendable {
    public var result: ProcessResult
    /// Wall-clock seconds from launch to exit.
    public var seconds: Double
    /// True when the child outlived its time limit and was killed with SIGKILL.
    public var timedOut: Bool
    /// True when the child died of a signal (a crash, a stack overflow, the time limit's kill).
    public var signaled: Bool
}

/// Runs `executable` with at most `memoryMB` megabytes of address space (`ulimit -v`, so an allocation beyond it
/// fails instead of swapping the machine) and at most `seconds` of wall time (then SIGKILL).
/// `/bin/sh` applies the limit and then `exec`s the executable, so the result is the executable's own.
public func runBounded(_ executable: URL, _ arguments: [String], memoryMB: Int, seconds: Double,
                       in directory: URL? = nil, input: Data = Data()) throws -> BoundedResult {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "ulimit -v \(memoryMB * 1024) && exec \"$0\" \"$@\"", executable.path] + arguments
    if let directory { process.currentDirectoryURL = directory }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    let started = Date()
    try process.run()
    let out = Drain(stdout.fileHandleForReading), err = Drain(stderr.fileHandleForReading)
    let killed = KillFlag()
    let pid = process.processIdentifier
    let timer = DispatchWorkItem { killed.set(); kill(pid, SIGKILL) }
    DispatchQueue.global().asyncAfter(deadline: .now() + seconds, execute: timer)
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    timer.cancel()
    let elapsed = Date().timeIntervalSince(started)
    return BoundedResult(result: ProcessResult(status: process.terminationStatus, stdout: out.wait(), stderr: err.wait()),
                         seconds: elapsed, timedOut: killed.value,
                         signaled: process.terminationReason == .uncaughtSignal)
}

private final class KillFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    func set() { lock.lock(); flag = true; lock.unlock() }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}

/// The debug binary that `swift test` builds, or nil when it is missing.
public enum GradusBinary {
    public static var debug: URL? {
        let url = TestEnvironment.packageRoot.appendingPathComponent(".build/debug/gradus")
        return FileManager.default.isExecutableFile(atPath: url.path) ? url : nil
    }
}

/// A fresh, empty folder under the temporary directory.
public func makeScratchFolder(_ prefix: String) throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}
