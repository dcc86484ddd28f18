import Foundation
import Synchronization
import Testing
import GradusTestSupport

/// The real `gradus serve` (the debug binary) as a child process in a copy of the course, started through bash
/// so that `ulimit -n` applies to it alone; `exec` keeps the process id, so /proc and signals reach the server.
final class ServeProcess: Sendable {
    let port: UInt16
    let workspace: URL
    private let process: Process
    private let errors = Collected()

    var pid: Int32 { process.processIdentifier }
    var isRunning: Bool { process.isRunning }
    /// What the server printed on standard error so far.
    var stderr: String { errors.text }

    /// Starts the server with at most `descriptors` open files and waits (up to 60 s) for its "Serving" line.
    init(descriptors: Int) throws {
        let binary = try #require(GradusBinary.debug, "swift build builds .build/debug/gradus")
        workspace = try makeScratchFolder("gradus-serve-fault")
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent(folder),
                                             to: workspace.appendingPathComponent(folder))
        }
        let process = Process()
        self.process = process
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", "ulimit -n \(descriptors) && exec \"$0\" serve --port 0", binary.path]
        process.currentDirectoryURL = workspace
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        let printed = Collected()
        for (pipe, collected) in [(out, printed), (err, self.errors)] {
            pipe.fileHandleForReading.readabilityHandler = { (handle: FileHandle) in
                let data = handle.availableData
                if data.isEmpty { handle.readabilityHandler = nil } else { collected.append(data) }
            }
        }
        try process.run()
        let serving = waitUntil(seconds: 60) { printed.text.contains("\n") || !process.isRunning }
        let line = printed.text
        guard serving, let port = line.split(separator: ":").last?.split(separator: "/").first.flatMap({ UInt16($0) }) else {
            process.terminate()
            throw ServeProcessError(message: "gradus serve did not start: \(line) \(self.errors.text)")
        }
        self.port = port
    }

    /// The temporary folder the server built its site into.
    var site: URL? {
        let prefix = "gradus-serve-\(pid)-"
        let names = (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory())) ?? []
        return names.first { $0.hasPrefix(prefix) }.map { URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent($0) }
    }

    /// How many descriptors the server has open now.
    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/fd").count) ?? -1
    }

    /// Sends `signal` and waits (up to 20 s, then SIGKILL) for the exit; returns the exit status.
    @discardableResult
    func stop(_ signal: Int32 = SIGINT) -> Int32 {
        guard process.isRunning else { return process.terminationStatus }
        kill(pid, signal)
        if !waitUntil(seconds: 20, { !process.isRunning }) { kill(pid, SIGKILL) }
        process.waitUntilExit()
        return process.terminationStatus
    }
}

/// Text that a pipe's reader thread appends to and the test reads.
final class Collected: Sendable {
    private let storage = Mutex("")
    var text: String { storage.withLock { $0 } }
    func append(_ data: Data) { append(String(decoding: data, as: UTF8.self)) }
    func append(_ text: String) { storage.withLock { $0 += text } }
}

struct ServeProcessError: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
