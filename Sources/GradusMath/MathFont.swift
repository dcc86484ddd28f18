/// The alphabets of TeX's math font commands, mapped to Unicode's Mathematical Alphanumeric Symbols
/// (U+1D400–U+1D7FF and the older letters such as ℝ that fill its holes). MathML Core renders only
/// `mathvariant="normal"`, so styled letters are written as these characters, which also work in a terminal.
enum MathFont: Equatable, Sendable {
    case roman, bold, italic, boldItalic, script, doubleStruck, sansSerif, monospace

    /// `scalar` in this alphabet; characters the alphabet lacks (punctuation, Greek in `\mathbb`) are
    /// returned unchanged.
    func map(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        let value = scalar.value
        let upper = value >= 0x41 && value <= 0x5A, lower = value >= 0x61 && value <= 0x7A
        let digit = value >= 0x30 && value <= 0x39
        let greekUpper = value >= 0x391 && value <= 0x3A9 && value != 0x3A2
        let greekLower = value >= 0x3B1 && value <= 0x3C9
        if let exception = exceptions[scalar] { return exception }
        func at(_ base: UInt32, _ index: UInt32) -> Unicode.Scalar { Unicode.Scalar(base + index)! }
        switch self {
        case .roman:
            return scalar
        case .bold, .italic, .boldItalic:
            let latin: UInt32 = self == .bold ? 0x1D400 : self == .italic ? 0x1D434 : 0x1D468
            let greek: UInt32 = self == .bold ? 0x1D6A8 : self == .italic ? 0x1D6E2 : 0x1D71C
            if upper { return at(latin, value - 0x41) }
            if lower { return at(latin + 26, value - 0x61) }
            if digit && self == .bold { return at(0x1D7CE, value - 0x30) }
            if greekUpper { return at(greek, value - 0x391) }
            if greekLower { return at(greek + 26, value - 0x3B1) }
            return scalar
        case .script:
            if upper { return at(0x1D49C, value - 0x41) }
            if lower { return at(0x1D4B6, value - 0x61) }
            return scalar
        case .doubleStruck:
            if upper { return at(0x1D538, value - 0x41) }
            if lower { return at(0x1D552, value - 0x61) }
            if digit { return at(0x1D7D8, value - 0x30) }
            return scalar
        case .sansSerif:
            if upper { return at(0x1D5A0, value - 0x41) }
            if lower { return at(0x1D5BA, value - 0x61) }
            if digit { return at(0x1D7E2, value - 0x30) }
            return scalar
        case .monospace:
            if upper { return at(0x1D670, value - 0x41) }
            if lower { return at(0x1D68A, value - 0x61) }
            if digit { return at(0x1D7F6, value - 0x30) }
            return scalar
        }
    }

    /// Letters that Unicode encoded before the mathematical block, which leaves holes in their place.
    private var exceptions: [Unicode.Scalar: Unicode.Scalar] {
        switch self {
        case .italic: return ["h": "ℎ"]
        case .script:
            return ["B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ",
                    "e": "ℯ", "g": "ℊ", "o": "ℴ"]
        case .doubleStruck:
            return ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        default: return [:]
        }
    }
}
