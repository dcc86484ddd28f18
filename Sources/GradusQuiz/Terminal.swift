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

/// Inline Markdown for the terminal: `**strong**` and `*emphasis*` in bold, `` `code` `` as is, `$math$` through
/// `math` (TeX → Unicode), backslash escapes resolved. Links keep their text.
public enum InlineText {
    public static func render(_ markdown: String, terminal: Terminal, math: (String) -> String) -> String {
        var output = ""
        var characters = Array(markdown)
        var i = 0
        var boldOpen = false
        func take(_ closing: Character, from start: Int) -> (String, Int)? {
            var j = start
            while j < characters.count {
                if characters[j] == closing { return (String(characters[start..<j]), j + 1) }
                j += 1
            }
            return nil
        }
        characters = characters.map { $0 == "\n" ? " " : $0 }
        while i < characters.count {
            let c = characters[i]
            if c == "\\", i + 1 < characters.count, characters[i + 1].isPunctuation || characters[i + 1].isSymbol {
                output.append(characters[i + 1])
                i += 2
            } else if c == "`", let (code, next) = take("`", from: i + 1) {
                output += code
                i = next
            } else if c == "$", let (tex, next) = take("$", from: i + 1), !tex.isEmpty {
                output += math(tex)
                i = next
            } else if c == "*" || c == "_", i + 1 < characters.count, characters[i + 1] == c {
                if terminal.styled { output += boldOpen ? "\u{1B}[0m" : "\u{1B}[1m" }
                boldOpen.toggle()
                i += 2
            } else if c == "*" {
                i += 1
            } else {
                output.append(c)
                i += 1
            }
        }
        if boldOpen && terminal.styled { output += "\u{1B}[0m" }
        return output
    }
}
