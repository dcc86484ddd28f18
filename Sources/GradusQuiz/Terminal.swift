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

    func bold(_ text: String) -> String { styled ? "\u{1B}[1m\(text)\u{1B}[22m" : text }
    func green(_ text: String) -> String { styled ? "\u{1B}[32m\(text)\u{1B}[39m" : text }
    func red(_ text: String) -> String { styled ? "\u{1B}[31m\(text)\u{1B}[39m" : text }
    func code(_ text: String) -> String { styled ? "\u{1B}[36m\(text)\u{1B}[39m" : text }
}

/// Quiz text for the terminal: strong text in bold (on a styled terminal), emphasis in bold too (terminals
/// render italics unevenly), code in cyan, math through `math` (TeX → Unicode).
public enum InlineText {
    public static func render(_ text: QuizText, terminal: Terminal, math: (String) -> String) -> String {
        text.runs.map { run in
            switch run {
            case .text(let s): return s
            case .code(let s): return terminal.code(s)
            case .strong(let s), .emphasis(let s): return terminal.bold(s)
            case .math(let tex): return math(tex)
            case .paragraphBreak: return "\n"
            }
        }.joined()
    }
}
