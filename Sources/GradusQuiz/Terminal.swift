/// The quiz's view of a terminal: closures for output and input, so sessions run without a TTY in tests.
public struct Terminal: Sendable {
    public var write: @Sendable (String) -> Void
    /// One line of input without its newline; nil at end of input (Ctrl-D).
    public var readLine: @Sendable () -> String?
    /// Whether bold and colour escape codes may be written (a TTY without NO_COLOR).
    public var styled: Bool

    public init(write: @escaping @Sendable (String) -> Void, readLine: @escaping @Sendable () -> String?, styled: Bool) {
        self.write = write
        self.readLine = readLine
        self.styled = styled
    }

    func bold(_ text: String) -> String { styled ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    func green(_ text: String) -> String { styled ? "\u{1B}[32m\(text)\u{1B}[0m" : text }
    func red(_ text: String) -> String { styled ? "\u{1B}[31m\(text)\u{1B}[0m" : text }
}

/// Quiz text for the terminal: strong and emphasis in bold (on a styled terminal), code as is, math through
/// `math` (TeX → Unicode).
public enum InlineText {
    public static func render(_ text: QuizText, terminal: Terminal, math: (String) -> String) -> String {
        text.runs.map { run in
            switch run {
            case .text(let s), .code(let s): return s
            case .strong(let s), .emphasis(let s): return terminal.bold(s)
            case .math(let tex): return math(tex)
            case .paragraphBreak: return "\n"
            }
        }.joined()
    }
}
