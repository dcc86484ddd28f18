/// The quiz's view of a terminal: closures for output and input, so sessions run without a TTY in tests.
public struct Terminal: Sendable {
    public var write: @Sendable (String) -> Void
    /// One line of input without its newline; nil at end of input (Ctrl-D).
    public var readLine: @Sendable () -> String?
    /// Whether bold and colour escape codes may be written (a TTY without NO_COLOR).
    public var styled: Bool
    /// Columns to wrap at.
    public var width: Int

    public init(write: @escaping @Sendable (String) -> Void, readLine: @escaping @Sendable () -> String?,
                styled: Bool, width: Int = 80) {
        self.write = write
        self.readLine = readLine
        self.styled = styled
        self.width = width
    }

    /// Whether a terminal may be styled: only a TTY, and never when `NO_COLOR` is set to anything non-empty
    /// (no-color.org), or when `TERM` is `dumb`.
    public static func allowsStyle(isTTY: Bool, environment: [String: String]) -> Bool {
        guard isTTY else { return false }
        if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    public var style: TerminalStyle { TerminalStyle(styled: styled, width: width) }
}
