import Foundation

/// The process's streams and surroundings, passed in so that every command runs in-process in the tests.
public struct Console: Sendable {
    /// Writes to standard output.
    public var out: @Sendable (String) -> Void
    /// Writes to standard error.
    public var err: @Sendable (String) -> Void
    /// Reads one line of standard input without its newline; nil at end of input.
    public var readLine: @Sendable () -> String?
    /// Reads all of standard input as bytes.
    public var readAll: @Sendable () -> Data
    /// Writes bytes to standard output as they are.
    public var write: @Sendable (Data) -> Void
    /// Whether standard output is a terminal (colours, prompts).
    public var isTerminal: Bool
    public var environment: [String: String]
    /// The folder relative paths are resolved against.
    public var directory: URL

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void,
                readLine: @escaping @Sendable () -> String? = { nil },
                readAll: @escaping @Sendable () -> Data = { Data() },
                write: (@Sendable (Data) -> Void)? = nil, isTerminal: Bool = false,
                environment: [String: String] = [:], directory: URL) {
        self.out = out
        self.err = err
        self.readLine = readLine
        self.readAll = readAll
        self.write = write ?? { data in out(String(decoding: data, as: UTF8.self)) }
        self.isTerminal = isTerminal
        self.environment = environment
        self.directory = directory
    }

    /// The real process: standard streams, its environment and working directory.
    public static var process: Console {
        Console(out: { text in writeAll(STDOUT_FILENO, Data(text.utf8)) },
                err: { text in writeAll(STDERR_FILENO, Data(text.utf8)) },
                readLine: { standardInputLine() },
                readAll: { FileHandle.standardInput.readDataToEndOfFile() },
                write: { data in writeAll(STDOUT_FILENO, data) },
                isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment,
                directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
    }

    /// Writes all of `data` to a standard stream. A stream that cannot take it (a full disk, a closed terminal)
    /// ends the process with status 1, saying so on standard error when that one still works: Foundation's
    /// `FileHandle.write` would crash instead. (Whatever the command finished before, a written site or saved
    /// answers, stays done.)
    static func writeAll(_ fd: Int32, _ data: Data) {
        let failed: Int32? = data.withUnsafeBytes { buffer -> Int32? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return nil
        }
        guard let failed else { return }
        if fd != STDERR_FILENO {
            let message = "gradus: error: cannot write to standard output: \(String(cString: strerror(failed)))\n"
            _ = message.withCString { Glibc.write(STDERR_FILENO, $0, strlen($0)) }
        }
        exit(1)
    }

    /// Standard input, read in bounded chunks: one reader for the process, as its buffer holds input read ahead.
    private static let standardInput = LineReader(fd: STDIN_FILENO)

    /// The next line of standard input that is not too long; a longer one is skipped with a warning.
    private static func standardInputLine() -> String? {
        while true {
            switch standardInput.next() {
            case .text(let line):
                return line
            case .end:
                return nil
            case .tooLong(let bytes):
                writeAll(STDERR_FILENO, Data(("gradus: warning: " + tooLongMessage(bytes: bytes) + "\n").utf8))
            }
        }
    }

    /// The warning for a skipped input line of `bytes` bytes.
    static func tooLongMessage(bytes: Int) -> String {
        "ignored an input line of \(bytes) bytes; lines are limited to \(LineReader.defaultLimit) bytes"
    }

    /// Resolves a path given on the command line against `directory`.
    public func url(_ path: String) -> URL {
        path.hasPrefix("/") ? URL(fileURLWithPath: path) : directory.appendingPathComponent(path)
    }
}
