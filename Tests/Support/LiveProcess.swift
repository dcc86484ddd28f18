import Foundation

/// A child process driven line by line: input written while it runs, its output collected as it comes, so that a
/// test can wait for a prompt before it answers. (`runProcess` feeds all input at once and waits for the end.)
public final class LiveProcess: @unchecked Sendable {
    public let process = Process()
    private let input = Pipe(), output = Pipe(), errors = Pipe()
    private let lock = NSLock()
    private var outText = Data(), errText = Data()
    private let done = DispatchGroup()

    /// Starts `executable` with `arguments` in `directory`.
    public init(_ executable: URL, _ arguments: [String], in directory: URL? = nil) throws {
        // A child that exits early closes its input; writing then must fail, not kill the test runner.
        signal(SIGPIPE, SIG_IGN)
        process.executableURL = executable
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        collect(output.fileHandleForReading) { self.outText.append($0) }
        collect(errors.fileHandleForReading) { self.errText.append($0) }
    }

    public var pid: Int32 { process.processIdentifier }
    public var stdout: String { lock.lock(); defer { lock.unlock() }; return String(decoding: outText, as: UTF8.self) }
    public var stderr: String { lock.lock(); defer { lock.unlock() }; return String(decoding: errText, as: UTF8.self) }

    /// Writes `data` to the child's standard input (blocks while the pipe is full and the child is not reading);
    /// false when the child has closed it.
    @discardableResult
    public func write(_ data: Data) -> Bool { (try? input.fileHandleForWriting.write(contentsOf: data)) != nil }

    public func closeInput() { try? input.fileHandleForWriting.close() }

    /// Waits until standard output (or `inErrors`: standard error) contains `text`, at most `timeout` seconds.
    @discardableResult
    public func wait(for text: String, inErrors: Bool = false, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if (inErrors ? stderr : stdout).contains(text) { return true }
            usleep(1_000)
        }
        return false
    }

    /// Closes standard input, waits for the exit and for the output to be read to its end; returns the status.
    @discardableResult
    public func finish() -> Int32 {
        closeInput()
        process.waitUntilExit()
        done.wait()
        return process.terminationStatus
    }

    private func collect(_ handle: FileHandle, _ append: @escaping @Sendable (Data) -> Void) {
        done.enter()
        Thread.detachNewThread {
            while true {
                let data = handle.availableData
                if data.isEmpty { break }
                self.lock.lock()
                append(data)
                self.lock.unlock()
            }
            self.done.leave()
        }
    }
}
