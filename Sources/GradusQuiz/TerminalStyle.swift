/// How text is dressed for one terminal: whether escape codes may be written and the width to wrap at. Pure
/// values, so the session's state machine can format without touching the terminal.
public struct TerminalStyle: Hashable, Sendable {
    public var styled: Bool
    public var width: Int

    public init(styled: Bool, width: Int = 80) {
        self.styled = styled
        self.width = width
    }

    func bold(_ text: String) -> String { styled ? "\u{1B}[1m\(text)\u{1B}[22m" : text }
    func green(_ text: String) -> String { styled ? "\u{1B}[32m\(text)\u{1B}[39m" : text }
    func red(_ text: String) -> String { styled ? "\u{1B}[31m\(text)\u{1B}[39m" : text }
    func code(_ text: String) -> String { styled ? "\u{1B}[36m\(text)\u{1B}[39m" : text }

    /// Quiz text: strong and emphasis in bold (terminals render italics unevenly), code in cyan, math through
    /// `math` (TeX → Unicode), paragraph breaks as line breaks. Control characters from the course are shown as
    /// `\u{1B}`: only the quiz's own styling reaches the terminal as codes.
    func render(_ text: QuizText, math: (String) -> String) -> String {
        text.runs.map { run in
            switch run {
            case .text(let s): return s.escapingControls
            case .code(let s): return code(s.escapingControls)
            case .strong(let s), .emphasis(let s): return bold(s.escapingControls)
            case .math(let tex): return math(tex).escapingControls
            case .paragraphBreak: return "\n"
            }
        }.joined()
    }

    /// One line (or paragraph) wrapped to the width, continuation lines indented by `indent`, and a newline.
    func line(_ text: String, indent: Int = 0) -> String {
        TextWrap.wrap(text, width: width, indent: indent) + "\n"
    }
}
