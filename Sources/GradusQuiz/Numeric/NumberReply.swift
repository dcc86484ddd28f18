import Foundation

/// Reads a number as a learner types it: `0.25`, `-3`, `−3`, `2.5e-1`, `1/4`, and `0,25` where the language
/// writes a decimal comma. Anything else is a reply in the wrong form (a hint, not a wrong answer).
public enum NumberReply: Hashable, Sendable {
    case number(Double)
    /// Not a number in an accepted form.
    case wrongForm

    public var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }

    /// `decimalSeparator` is the language's mark (from its words); a point is always accepted too. Group
    /// separators are not: `1,000` would read as one in English and as 1 in German.
    public static func parse(_ text: String, decimalSeparator: String) -> NumberReply {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let parts = trimmed.split(separator: "/", omittingEmptySubsequences: false)
        switch parts.count {
        case 1:
            return decimal(parts[0], comma: decimalSeparator == ",").map(NumberReply.number) ?? .wrongForm
        case 2:
            guard let top = decimal(parts[0].trimmingCharacters(in: .whitespaces)[...], comma: decimalSeparator == ","),
                  let bottom = decimal(parts[1].trimmingCharacters(in: .whitespaces)[...], comma: decimalSeparator == ","),
                  bottom != 0 else { return .wrongForm }
            return .number(top / bottom)
        default:
            return .wrongForm
        }
    }

    /// A signed decimal with an optional exponent, as bytes: `[sign] digits [mark digits] [e [sign] digits]`,
    /// at least one digit before the exponent.
    private static func decimal(_ text: Substring, comma: Bool) -> Double? {
        var normal = ""
        var index = text.unicodeScalars.startIndex
        let scalars = text.unicodeScalars
        func peek() -> Unicode.Scalar? { index < scalars.endIndex ? scalars[index] : nil }
        if let sign = peek(), sign == "-" || sign == "−" || sign == "+" {
            if sign != "+" { normal.append("-") }
            index = scalars.index(after: index)
        }
        var digits = 0, sawMark = false
        while let c = peek() {
            if c.properties.numericType == .decimal, let d = c.properties.numericValue, c.isASCII {
                normal.append(String(Int(d)))
                digits += 1
            } else if (c == "." || (comma && c == ",")) && !sawMark {
                sawMark = true
                normal.append(".")
            } else {
                break
            }
            index = scalars.index(after: index)
        }
        guard digits > 0 else { return nil }
        if let e = peek(), e == "e" || e == "E" {
            normal.append("e")
            index = scalars.index(after: index)
            if let sign = peek(), sign == "-" || sign == "−" || sign == "+" {
                normal.append(sign == "+" ? "+" : "-")
                index = scalars.index(after: index)
            }
            var exponentDigits = 0
            while let c = peek(), c.isASCII, c.properties.numericType == .decimal {
                normal.unicodeScalars.append(c)
                exponentDigits += 1
                index = scalars.index(after: index)
            }
            guard exponentDigits > 0, exponentDigits <= 4 else { return nil }
        }
        guard index == scalars.endIndex, let value = Double(normal), value.isFinite else { return nil }
        return value
    }
}
