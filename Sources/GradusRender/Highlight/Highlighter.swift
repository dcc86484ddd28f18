/// A small build-time syntax highlighter for the languages the lessons show: Swift, Python and shell. It marks
/// keywords, strings, comments, numbers and type names with classes the stylesheet colours (light and dark);
/// anything else is escaped text. One linear pass; unknown languages are left to the default rendering.
struct Highlighter {
    struct Grammar {
        var keywords: Set<String>
        var builtins: Set<String>
        /// Line comment opener (`//`, `#`).
        var lineComment: String
        var blockComments: Bool
        var tripleQuotes: Bool
        /// Capitalised identifiers are types (Swift).
        var capitalisedTypes: Bool
        /// `$VAR` and `${VAR}` are variables (shell).
        var dollarVariables: Bool
    }

    static let swift = Grammar(
        keywords: ["let", "var", "func", "return", "if", "else", "for", "in", "while", "guard", "struct", "class", "enum",
                   "case", "switch", "default", "import", "public", "private", "static", "try", "throws", "throw", "do",
                   "catch", "true", "false", "nil", "self", "init", "mutating", "inout", "where", "extension", "protocol",
                   "break", "continue", "repeat", "as", "is", "some", "any", "async", "await", "defer", "fileprivate", "internal"],
        builtins: ["print", "min", "max", "abs", "zip", "stride", "sqrt", "exp", "log", "tanh", "pow"],
        lineComment: "//", blockComments: true, tripleQuotes: true, capitalisedTypes: true, dollarVariables: false)

    static let python = Grammar(
        keywords: ["def", "return", "if", "elif", "else", "for", "in", "while", "import", "from", "as", "class", "with",
                   "try", "except", "finally", "raise", "lambda", "yield", "pass", "break", "continue", "and", "or", "not",
                   "is", "None", "True", "False", "global", "nonlocal", "assert", "del", "async", "await"],
        builtins: ["print", "range", "len", "min", "max", "abs", "sum", "zip", "enumerate", "float", "int", "list", "dict",
                   "torch", "np", "nn"],
        lineComment: "#", blockComments: false, tripleQuotes: true, capitalisedTypes: false, dollarVariables: false)

    static let shell = Grammar(
        keywords: ["if", "then", "else", "elif", "fi", "for", "in", "do", "done", "while", "case", "esac", "function",
                   "export", "local", "return", "set"],
        builtins: ["echo", "cd", "swift", "gradus", "git", "apt-get", "pip", "python3", "cat", "ls", "mkdir"],
        lineComment: "#", blockComments: false, tripleQuotes: false, capitalisedTypes: false, dollarVariables: true)

    /// The grammar named by a code block's info string, if Gradus highlights that language.
    static func grammar(for info: String) -> Grammar? {
        switch info.split(separator: " ").first.map({ $0.lowercased() }) ?? "" {
        case "swift": return swift
        case "python", "py", "python3": return python
        case "sh", "bash", "shell", "console", "zsh": return shell
        default: return nil
        }
    }

    var grammar: Grammar

    /// The code as HTML spans (`k` keyword, `b` builtin, `t` type, `s` string, `c` comment, `n` number, `v` variable).
    func highlight(_ code: String) -> String {
        let chars = Array(code.unicodeScalars)
        var out = ""
        out.reserveCapacity(code.utf8.count * 2)
        var i = 0
        func starts(_ text: String, at index: Int) -> Bool {
            var j = index
            for scalar in text.unicodeScalars {
                guard j < chars.count, chars[j] == scalar else { return false }
                j += 1
            }
            return true
        }
        func span(_ cls: String, _ from: Int, _ to: Int) {
            out += "<span class=\"\(cls)\">"
            escape(chars[from..<to], into: &out)
            out += "</span>"
        }
        while i < chars.count {
            let c = chars[i]
            if starts(grammar.lineComment, at: i) {
                var j = i
                while j < chars.count, chars[j] != "\n" { j += 1 }
                span("c", i, j)
                i = j
            } else if grammar.blockComments, starts("/*", at: i) {
                var j = i + 2
                while j < chars.count, !starts("*/", at: j) { j += 1 }
                j = min(chars.count, j + 2)
                span("c", i, j)
                i = j
            } else if grammar.tripleQuotes, starts("\"\"\"", at: i) || starts("'''", at: i) {
                let quote = String(String.UnicodeScalarView(chars[i..<i + 3]))
                var j = i + 3
                while j < chars.count, !starts(quote, at: j) { j += chars[j] == "\\" ? 2 : 1 }
                j = min(chars.count, j + 3)
                span("s", i, j)
                i = j
            } else if c == "\"" || c == "'" {
                var j = i + 1
                while j < chars.count, chars[j] != c, chars[j] != "\n" { j += chars[j] == "\\" ? 2 : 1 }
                j = min(chars.count, j + 1)
                span("s", i, j)
                i = j
            } else if grammar.dollarVariables, c == "$" {
                var j = i + 1
                if j < chars.count, chars[j] == "{" {
                    while j < chars.count, chars[j] != "}" { j += 1 }
                    j = min(chars.count, j + 1)
                } else {
                    while j < chars.count, isIdentifier(chars[j]) { j += 1 }
                }
                span("v", i, j)
                i = j
            } else if isDigit(c), i == 0 || !isIdentifier(chars[i - 1]) {
                var j = i
                while j < chars.count, isIdentifier(chars[j]) || chars[j] == "." && j + 1 < chars.count && isDigit(chars[j + 1]) {
                    j += 1
                }
                span("n", i, j)
                i = j
            } else if isIdentifierStart(c) {
                var j = i
                while j < chars.count, isIdentifier(chars[j]) || (grammar.dollarVariables && chars[j] == "-") { j += 1 }
                let word = String(String.UnicodeScalarView(chars[i..<j]))
                if grammar.keywords.contains(word) {
                    span("k", i, j)
                } else if grammar.builtins.contains(word) {
                    span("b", i, j)
                } else if grammar.capitalisedTypes, c.properties.isUppercase {
                    span("t", i, j)
                } else {
                    escape(chars[i..<j], into: &out)
                }
                i = j
            } else {
                escape(chars[i..<i + 1], into: &out)
                i += 1
            }
        }
        return out
    }

    private func isDigit(_ c: Unicode.Scalar) -> Bool { c >= "0" && c <= "9" }
    private func isIdentifierStart(_ c: Unicode.Scalar) -> Bool { c == "_" || c.properties.isAlphabetic }
    private func isIdentifier(_ c: Unicode.Scalar) -> Bool { isIdentifierStart(c) || isDigit(c) }

    private func escape(_ scalars: ArraySlice<Unicode.Scalar>, into out: inout String) {
        for scalar in scalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(scalar)
            }
        }
    }
}
