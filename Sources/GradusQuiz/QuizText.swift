/// A piece of quiz text in the two forms it is shown in: HTML for the site (math already as MathML) and styled
/// runs for the terminal (math as TeX, turned into Unicode there).
public struct QuizText: Hashable, Sendable, ExpressibleByStringLiteral {
    public enum Run: Hashable, Sendable {
        case text(String)
        case strong(String)
        case emphasis(String)
        case code(String)
        case math(String)
        /// A break between paragraphs.
        case paragraphBreak
    }

    public var runs: [Run]
    public var html: String

    public init(runs: [Run], html: String) {
        self.runs = runs
        self.html = html
    }

    public init(stringLiteral value: String) {
        self.init(runs: value.isEmpty ? [] : [.text(value)], html: Self.escape(value))
    }

    /// The words without styling, math as its TeX source: for search, matching and plain exports.
    public var plain: String {
        runs.map { run in
            switch run {
            case .text(let s), .strong(let s), .emphasis(let s), .code(let s): return s
            case .math(let tex): return tex
            case .paragraphBreak: return "\n\n"
            }
        }.joined()
    }

    public var isEmpty: Bool { plain.allSatisfy(\.isWhitespace) }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
