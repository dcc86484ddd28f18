import Foundation

/// The key of a numeric question: a value and how far a reply may be from it.
public struct NumericAnswer: Hashable, Sendable {
    public enum Tolerance: Hashable, Sendable {
        /// |reply − value| ≤ this.
        case absolute(Double)
        /// |reply − value| ≤ this × |value| (0.01 is 1 %).
        case relative(Double)
    }

    /// Without a tolerance an answer must match to about nine significant digits, so that `0.1 + 0.2` and
    /// `0.3` are the same answer but `0.3333` is not `1/3`.
    public static let defaultTolerance = Tolerance.relative(1e-9)

    public var value: Double
    public var tolerance: Tolerance

    public init(value: Double, tolerance: Tolerance = NumericAnswer.defaultTolerance) {
        self.value = value
        self.tolerance = tolerance
    }

    /// The largest distance from `value` that is still right.
    public var allowance: Double {
        switch tolerance {
        case .absolute(let t): return t
        case .relative(let p): return p * abs(value)
        }
    }

    /// Whether `reply` is right. The bound is widened by a few units in the last place so that a reply exactly
    /// on it (0.251 for 0.25 ± 0.001, where binary arithmetic makes the difference 0.0010000000000000009) counts.
    public func accepts(_ reply: Double) -> Bool {
        guard reply.isFinite, value.isFinite else { return reply == value }
        let slack = 4 * (abs(value).ulp + abs(reply).ulp)
        return abs(reply - value) <= allowance + slack
    }

    /// Reads the author's `answer:` value: `V`, `V ± T` or `V ± P%` (`+-` and `+/-` for `±`). Numbers use a
    /// point; a fraction (`1/4`) and an exponent (`2.5e-1`) are allowed.
    public static func parse(_ text: String) -> Result<NumericAnswer, NumericAnswerError> {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var valueText = Substring(trimmed), toleranceText: Substring? = nil
        for mark in ["±", "+/-", "+-"] {
            if let range = trimmed.range(of: mark) {
                valueText = trimmed[..<range.lowerBound]
                toleranceText = trimmed[range.upperBound...]
                break
            }
        }
        guard let value = NumberReply.parse(String(valueText), decimalSeparator: ".").number else {
            return .failure(NumericAnswerError("answer '\(text)' is not a number; write 'answer: 0.25', 'answer: 0.25 ± 0.001' "
                                               + "or 'answer: 0.25 ± 1%'"))
        }
        guard var toleranceText = toleranceText.map({ $0.trimmingCharacters(in: .whitespaces) }) else {
            return .success(NumericAnswer(value: value))
        }
        let percent = toleranceText.hasSuffix("%")
        if percent { toleranceText.removeLast() }
        guard let amount = NumberReply.parse(toleranceText, decimalSeparator: ".").number, amount >= 0 else {
            return .failure(NumericAnswerError("the tolerance in answer '\(text)' is not a number ≥ 0; write '± 0.001' "
                                               + "(absolute) or '± 1%' (relative)"))
        }
        if percent && amount >= 100 {
            return .failure(NumericAnswerError("a relative tolerance of \(toleranceText)% accepts any sign; use less than 100%"))
        }
        return .success(NumericAnswer(value: value, tolerance: percent ? .relative(amount / 100) : .absolute(amount)))
    }
}

/// Why an author's `answer:` could not be read, with the forms that are valid.
public struct NumericAnswerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
