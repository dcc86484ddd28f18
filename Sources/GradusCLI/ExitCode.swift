/// Exit codes (docs/errors.md): BSD sysexits for usage and data errors.
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// Any other failure: a quiz below its pass mark, a busy port, an I/O error.
    case failure = 1
    /// Unknown command or option, missing or malformed value.
    case usage = 64
    /// Content or template error, printed as `path:line:column: error: message`.
    case content = 65
    /// Interrupted by Ctrl-C.
    case interrupted = 130
}
