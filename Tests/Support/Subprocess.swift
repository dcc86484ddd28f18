import Foundation

/// What a finished child process printed and how it ended.
public struct ProcessResult: Sendable {
    public var status: Int32
    public var stdout: Data
    public var stderr: Data
    public var stdoutText: String { String(decoding: stdout, as: UTF8.self) }
    public var stderrText: String { String(decoding: stderr, as: UTF8.self) }
}

/// Runs `executable` with `arguments`, feeding `input` on standard input, and waits for it.
/// Output is drained on background threads so a chatty child never blocks on a full pipe.
public func runProcess(_ executable: URL, _ arguments: [String], input: Data = Data(),
                       environment: [String: String]? = nil, in directory: URL? = nil) throws -> ProcessResult {
    let process = Process()
    process.executableURL = executable
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let directory { process.currentDirectoryURL = directory }
    let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    let out = Drain(stdout.fileHandleForReading), err = Drain(stderr.fileHandleForReading)
    stdin.fileHandleForWriting.write(input)
    try? stdin.fileHandleForWriting.close()
    process.waitUntilExit()
    return ProcessResult(status: process.terminationStatus, stdout: out.wait(), stderr: err.wait())
}

/// Reads a pipe to its end on a background thread, so that a child filling both pipes never blocks.
final class Drain: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        DispatchQueue.global().async {
            self.data = handle.readDataToEndOfFile()
            self.done.signal()
        }
    }

    func wait() -> Data {
        done.wait()
        return data
    }
}
