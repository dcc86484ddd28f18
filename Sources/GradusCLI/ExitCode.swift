/// Exit codes, as DESIGN.md fixes them (BSD sysexits for usage and data errors).
public enum ExitCode: Int32, Sendable {
    case success = 0
    /// Any other failure: a quiz below its pass mark, a busy port, an I/O error.
    case failure = 1
    /// Unknown command or option, missing or malformed value.
    case usage = 64
    /// Content or template error, printed as `path:line:column: error: message`.
    case content = 65
    /// Interrupted by Ctrl-C (128 + SIGINT, as a shell reports a process killed by it).
    case interrupted = 130
    /// `gradus serve` stopped by SIGTERM, after cleaning up (128 + SIGTERM).
    case terminated = 143
    /// `gradus serve` stopped because its terminal closed (SIGHUP), after cleaning up (128 + SIGHUP).
    case hungUp = 129
}
