import Foundation

/// Numbers as the quiz shows them to a learner: the language's decimal mark, a true minus sign, and few digits,
/// since a key of 0.0123456789012 reads as well as 0.01235 and the tolerance covers the rest.
public enum QuizNumber {
    /// The shortest form that reads back as `x` when it has at most six significant digits, else four
    /// significant digits; exponents as `2.5e-7`, which a learner can type back.
    public static func text(_ x: Double, decimalSeparator: String) -> String {
        guard x.isFinite else { return x.isNaN ? "NaN" : (x > 0 ? "∞" : "−∞") }
        var text: String
        if x == x.rounded(), abs(x) < 1e15 {
            text = String(Int64(x))
        } else {
            text = "\(x)"
            let digits = text.filter(\.isNumber).drop { $0 == "0" }
            if digits.count > 6 || text.contains("e") {
                text = String(format: "%.4g", x)
                if let e = text.firstIndex(of: "e") {
                    let exponent = Int(text[text.index(after: e)...]) ?? 0
                    text = trimZeros(String(text[..<e])) + "e" + String(exponent)
                } else {
                    text = trimZeros(text)
                }
            }
        }
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text.replacingOccurrences(of: ".", with: decimalSeparator)
    }

    private static func trimZeros(_ text: String) -> String {
        guard text.contains(".") else { return text }
        var result = Substring(text)
        while result.hasSuffix("0") { result = result.dropLast() }
        if result.hasSuffix(".") { result = result.dropLast() }
        return String(result)
    }
}
