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
        Console(out: { text in FileHandle.standardOutput.write(Data(text.utf8)) },
                err: { text in FileHandle.standardError.write(Data(text.utf8)) },
                readLine: { standardInputLine() },
                readAll: { FileHandle.standardInput.readDataToEndOfFile() },
                write: { data in FileHandle.standardOutput.write(data) },
                isTerminal: isatty(STDOUT_FILENO) == 1,
                environment: ProcessInfo.processInfo.environment,
                directory: URL(fileURLWithPath: FileManager.default.currentDirectoryPath))
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
                FileHandle.standardError.write(Data(("gradus: warning: " + tooLongMessage(bytes: bytes) + "\n").utf8))
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
