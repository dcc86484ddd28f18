/// One token of TeX math: a command, a character, or one of TeX's special characters.
struct TeXToken: Equatable {
    enum Kind: Equatable {
        /// `\name` (letters) or `\x` (one non-letter, e.g. `\\`, `\{`, `\,`); the name has no backslash.
        case command(String)
        /// Any other character, spaces excluded.
        case character(Unicode.Scalar)
        /// `{`
        case open
        /// `}`
        case close
        /// `^`
        case superscript
        /// `_`
        case `subscript`
        /// `&`
        case alignment
        /// The end of the source.
        case end
    }

    var kind: Kind
    /// Scalar offset of the token's first character.
    var offset: Int
    var line: Int
    var column: Int
}

/// Cuts TeX math into tokens, one at a time, over the source's Unicode scalars. Whitespace is skipped (math
/// mode ignores it) and `%` starts a comment to the end of the line. O(n) over the whole source.
struct TeXLexer {
    let scalars: [Unicode.Scalar]
    private(set) var position = 0
    private var line = 1
    private var column = 1

    init(_ source: String) {
        scalars = Array(source.unicodeScalars)
    }

    /// The next token; `.end` forever at the end of the source.
    mutating func next() -> TeXToken {
        skipSpacesAndComments()
        let start = (offset: position, line: line, column: column)
        func token(_ kind: TeXToken.Kind) -> TeXToken {
            TeXToken(kind: kind, offset: start.offset, line: start.line, column: start.column)
        }
        guard position < scalars.count else { return token(.end) }
        let scalar = advance()
        switch scalar {
        case "\\":
            guard position < scalars.count else { return token(.command("")) }
            if isLetter(scalars[position]) {
                var name = String.UnicodeScalarView()
                while position < scalars.count, isLetter(scalars[position]) { name.append(advance()) }
                return token(.command(String(name)))
            }
            let symbol = advance()
            return token(.command(String(symbol)))
        case "{": return token(.open)
        case "}": return token(.close)
        case "^": return token(.superscript)
        case "_": return token(.subscript)
        case "&": return token(.alignment)
        default: return token(.character(scalar))
        }
    }

    /// Whether the character right after the last token (no spaces skipped) is an ASCII digit.
    var nextCharacterIsDigit: Bool {
        position < scalars.count && scalars[position] >= "0" && scalars[position] <= "9"
    }

    /// Skips spaces and comments; then consumes `scalar` and returns true if it comes next.
    mutating func skip(_ scalar: Unicode.Scalar) -> Bool {
        skipSpacesAndComments()
        guard position < scalars.count, scalars[position] == scalar else { return false }
        advance()
        return true
    }

    /// Reads a balanced `{…}` group as raw text, for `\text`, `\operatorname` and environment names.
    /// Inner braces group without showing, as in TeX. Inside, `\,` is a thin space, `\:` and `\;` a
    /// four-per-em space, `\ ` a space, `\!` nothing, and `\` with another non-letter yields that character
    /// (`\{`, `\%`, `\_`); `\` followed by letters is returned in `command` so the caller can report it.
    /// Returns nil when the next non-space character is not `{`.
    mutating func readRawGroup() -> RawGroup? {
        skipSpacesAndComments()
        guard position < scalars.count, scalars[position] == "{" else { return nil }
        let open = (line: line, column: column)
        advance()
        var text = String.UnicodeScalarView()
        var depth = 0
        while position < scalars.count {
            let (commandLine, commandColumn) = (line, column)
            let scalar = advance()
            switch scalar {
            case "{":
                depth += 1
            case "}":
                if depth == 0 { return RawGroup(text: String(text), unclosedAt: nil, command: nil) }
                depth -= 1
            case "\\":
                guard position < scalars.count else { break }
                if isLetter(scalars[position]) {
                    var name = "\\"
                    while position < scalars.count, isLetter(scalars[position]) { name.unicodeScalars.append(advance()) }
                    return RawGroup(text: String(text), unclosedAt: nil,
                                    command: (name, commandLine, commandColumn))
                }
                switch advance() {
                case ",": text.append("\u{2009}")
                case ":", ";": text.append("\u{2005}")
                case "!": break
                case " ", "\n", "\t": text.append(" ")
                case let other: text.append(other)
                }
            default:
                text.append(scalar)
            }
        }
        return RawGroup(text: String(text), unclosedAt: open, command: nil)
    }

    struct RawGroup {
        var text: String
        /// Where the unclosed `{` was, when the source ended first.
        var unclosedAt: (line: Int, column: Int)?
        /// A `\command` found inside, which raw text does not support.
        var command: (name: String, line: Int, column: Int)?
    }

    // MARK: - Helpers

    private func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
    }

    @discardableResult
    private mutating func advance() -> Unicode.Scalar {
        let scalar = scalars[position]
        position += 1
        if scalar == "\n" {
            line += 1
            column = 1
        } else {
            column += 1
        }
        return scalar
    }

    private mutating func skipSpacesAndComments() {
        while position < scalars.count {
            let scalar = scalars[position]
            if scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" {
                advance()
            } else if scalar == "%" {
                while position < scalars.count, scalars[position] != "\n" { advance() }
            } else {
                return
            }
        }
    }
}
