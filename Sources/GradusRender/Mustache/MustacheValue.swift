/// The data a Mustache template renders: a JSON value whose objects keep their key order.
///
/// Build one from JSON with `init(json:name:)` or from Swift literals:
/// `let page: MustacheValue = ["title": "Backpropagation", "lessons": [["slug": "intro", "number": 1]]]`.
public enum MustacheValue: Equatable, Sendable {
    case null
    case bool(Bool)
    /// Every number is a Double; integral values render without a fraction (`85`, not `85.0`).
    case number(Double)
    case string(String)
    case list([MustacheValue])
    case object(MustacheObject)

    /// Whether a section renders for this value: `null`, `false`, `0`, NaN, `""` and `[]` are falsey, as
    /// JavaScript's `!!data` that the Mustache spec names; everything else (objects included) is truthy.
    public var isTruthy: Bool {
        switch self {
        case .null: return false
        case .bool(let value): return value
        case .number(let value): return value != 0 && !value.isNaN
        case .string(let value): return !value.isEmpty
        case .list(let items): return !items.isEmpty
        case .object: return true
        }
    }

    /// The text an interpolation tag shows before escaping: strings as they are, numbers as
    /// `MustacheValue.format(_:)`, booleans as `true`/`false`, null as nothing, lists as their items'
    /// texts joined by commas (as mustache.js does), objects as nothing.
    public var text: String {
        switch self {
        case .null, .object: return ""
        case .bool(let value): return value ? "true" : "false"
        case .number(let value): return MustacheValue.format(value)
        case .string(let value): return value
        case .list(let items): return items.map(\.text).joined(separator: ",")
        }
    }

    /// Formats a number as JavaScript's `String(x)` does, which is what Mustache implementations and the
    /// spec expect: integers without a fraction (`85`), others in the shortest form that reads back to the
    /// same Double (`1.21`, `0.00001`), exponent notation only below 1e-6 or from 1e21 on (`1e-7`, `1e+21`).
    public static func format(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return "0" }
        if Swift.abs(value) < 1e15, value == value.rounded(.towardZero) { return String(Int64(value)) }
        // Swift's description is the shortest round-tripping form; take its digits and exponent.
        var description = Swift.abs(value).description
        var exponent = 0
        if let e = description.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(description[description.index(after: e)...])!
            description = String(description[..<e])
        }
        let parts = description.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(parts[0])
        let fractionPart = parts.count > 1 ? String(parts[1]) : ""
        var digits = integerPart + fractionPart
        var pointPosition = integerPart.count + exponent   // decimal point sits after this many digits
        let leadingZeros = digits.prefix(while: { $0 == "0" }).count
        digits.removeFirst(leadingZeros)
        pointPosition -= leadingZeros
        while digits.last == "0" { digits.removeLast() }
        let sign = value < 0 ? "-" : ""
        let k = digits.count, n = pointPosition
        if k <= n && n <= 21 {
            return sign + digits + String(repeating: "0", count: n - k)
        } else if 0 < n && n <= 21 {
            return sign + digits.prefix(n) + "." + digits.dropFirst(n)
        } else if -6 < n && n <= 0 {
            return sign + "0." + String(repeating: "0", count: -n) + digits
        }
        let mantissa = k == 1 ? digits : digits.prefix(1) + "." + digits.dropFirst(1)
        let e = n - 1
        return sign + mantissa + "e" + (e < 0 ? "-" : "+") + String(Swift.abs(e))
    }
}

// MARK: - Literals

extension MustacheValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral,
    ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .number(Double(value)) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: MustacheValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, MustacheValue)...) { self = .object(MustacheObject(elements)) }
}
