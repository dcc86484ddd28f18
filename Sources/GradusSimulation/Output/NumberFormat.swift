import Foundation

/// How numbers are written: exactly for machines (JSON, CSV), briefly and in the reader's style for people.
public enum NumberFormat {
    /// The shortest text that reads back as the same Double; whole numbers without a fraction. Non-finite
    /// values are `NaN`, `Infinity`, `-Infinity`.
    public static func plain(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// Four significant digits (powers of ten, `3.1·10⁻⁶`, outside 0.001…10⁶), with the decimal separator of
    /// `language` (a comma in pt and de). Non-finite values are `NaN`, `∞`, `−∞`.
    public static func display(_ x: Double, language: String) -> String {
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
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return decimalSeparator(language) == "," ? text.replacingOccurrences(of: ".", with: ",") : text
    }

    /// `-6` → `⁻⁶`: exponents written as people write them, not as programs do.
    static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        return (n < 0 ? "⁻" : "") + String(abs(n)).map { digits[Int(String($0))!] }
    }

    public static func decimalSeparator(_ language: String) -> String {
        ["pt", "de", "fr", "es", "it", "nl"].contains(language) ? "," : "."
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains("."), !text.contains("e") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }
}
