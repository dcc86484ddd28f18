import Foundation

/// How numbers are written: exactly for machines (JSON, CSV), briefly and in the reader's style for people.
public enum NumberFormat {
    /// The marks a language writes numbers with, taken from the theme's words (`decimal_separator`,
    /// `thousands_separator`), so that a new language brings its own.
    public struct Separators: Hashable, Sendable {
        public var decimal: String
        /// Between groups of three digits of the whole part, from five digits on (10 000, not 1 000).
        public var thousands: String

        public init(decimal: String, thousands: String) {
            self.decimal = decimal
            self.thousands = thousands
        }

        /// A point and no grouping: the form a program reads back.
        public static let plain = Separators(decimal: ".", thousands: "")
    }

    /// The shortest text that reads back as the same Double; whole numbers without a fraction. Non-finite
    /// values are `NaN`, `Infinity`, `-Infinity`.
    public static func plain(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// Four significant digits (powers of ten, `3.1·10⁻⁶`, outside 0.001…10⁶), with `separators`. Non-finite
    /// values are `NaN`, `∞`, `−∞`.
    public static func display(_ x: Double, separators: Separators) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "∞" : "−∞" }
        var text: String
        let magnitude = abs(x)
        if x == x.rounded(), magnitude < 1e6 {
            text = String(Int64(x))
        } else if magnitude >= 1e-3 && magnitude < 1e6 {
            // Four significant digits, more when rounding would show a whole number the value is not (tanh(6) ≠ 1).
            // At least as many digits as the integer part has, or %g would switch to an exponent (2.853e+04).
            var digits = max(4, Int((magnitude + 0.5).rounded(.down)).description.count)
            repeat {
                text = trimZeros(String(format: "%.\(digits)g", x))
                digits += 1
            } while !text.contains(".") && digits <= 8
        } else {
            let parts = String(format: "%.3e", x).split(separator: "e")
            let exponent = Int(parts[1])!
            text = trimZeros(String(parts[0])) + "·10" + superscript(exponent)
        }
        let negative = text.hasPrefix("-")
        if negative { text.removeFirst() }
        return (negative ? "−" : "") + separated(text, separators)
    }

    /// `-6` → `⁻⁶`: exponents written as people write them, not as programs do.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    /// `12345.6` (unsigned, as `%g` writes it) with the reader's marks. The whole part is grouped only from five
    /// digits on, as the SI and most style guides do, so four-digit values (1000 steps) keep their usual form.
    static func separated(_ text: String, _ separators: Separators) -> String {
        let point = text.firstIndex(of: ".") ?? text.endIndex
        var whole = String(text[..<point])
        if whole.count >= 5, whole.allSatisfy({ $0 >= "0" && $0 <= "9" }), !separators.thousands.isEmpty {
            var grouped = ""
            for (index, digit) in whole.enumerated() {
                if index > 0, (whole.count - index) % 3 == 0 { grouped += separators.thousands }
                grouped.append(digit)
            }
            whole = grouped
        }
        return point == text.endIndex ? whole : whole + separators.decimal + text[text.index(after: point)...]
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }
}
