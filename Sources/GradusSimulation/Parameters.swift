/// A parameter's value: a whole number, a real number, a word from a fixed set, or a flag.
public enum ParameterValue: Hashable, Sendable, CustomStringConvertible {
    case integer(Int)
    case real(Double)
    case choice(String)
    case flag(Bool)

    public var description: String {
        switch self {
        case .integer(let n): return String(n)
        case .real(let x): return NumberFormat.plain(x)
        case .choice(let s): return s
        case .flag(let b): return b ? "true" : "false"
        }
    }
}

/// One documented parameter of a simulation: its kind, allowed values and default.
public struct ParameterSpec: Sendable {
    public enum Kind: Sendable {
        case integer(ClosedRange<Int>)
        case real(ClosedRange<Double>)
        case choice([String])
        case flag
    }

    public var key: String
    public var kind: Kind
    public var defaultValue: ParameterValue
    public var help: String

    public init(_ key: String, _ kind: Kind, default defaultValue: ParameterValue, help: String) {
        self.key = key
        self.kind = kind
        self.defaultValue = defaultValue
        self.help = help
    }

    /// Parses `text` as a value of this parameter, or says what is allowed.
    public func parse(_ text: String) -> Result<ParameterValue, ParameterError> {
        switch kind {
        case .integer(let range):
            guard let n = Int(text), range.contains(n) else {
                return .failure(ParameterError("invalid value '\(text)' for \(key): expected a whole number from \(range.lowerBound) to \(range.upperBound)"))
            }
            return .success(.integer(n))
        case .real(let range):
            guard let x = Double(text), x.isFinite, range.contains(x) else {
                return .failure(ParameterError("invalid value '\(text)' for \(key): expected a number from \(NumberFormat.plain(range.lowerBound)) to \(NumberFormat.plain(range.upperBound))"))
            }
            return .success(.real(x))
        case .choice(let options):
            guard options.contains(text) else {
                return .failure(ParameterError("invalid value '\(text)' for \(key): expected one of \(options.joined(separator: ", "))"))
            }
            return .success(.choice(text))
        case .flag:
            switch text {
            case "true": return .success(.flag(true))
            case "false": return .success(.flag(false))
            default: return .failure(ParameterError("invalid value '\(text)' for \(key): expected true or false"))
            }
        }
    }

    /// `depth=10 (whole number 1…100)`-style description for `--list` and errors.
    public var synopsis: String {
        let allowed: String
        switch kind {
        case .integer(let r): allowed = "\(r.lowerBound)…\(r.upperBound)"
        case .real(let r): allowed = "\(NumberFormat.plain(r.lowerBound))…\(NumberFormat.plain(r.upperBound))"
        case .choice(let options): allowed = options.joined(separator: "|")
        case .flag: allowed = "true|false"
        }
        return "\(key)=\(defaultValue) (\(allowed)): \(help)"
    }
}

/// A bad parameter name or value, phrased for the user.
public struct ParameterError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The parameters a run received, each already validated against its spec.
public struct Parameters: Sendable {
    public var values: [(key: String, value: ParameterValue)]

    public func integer(_ key: String) -> Int {
        guard case .integer(let n)? = value(key) else { preconditionFailure("\(key) is not an integer parameter") }
        return n
    }

    public func real(_ key: String) -> Double {
        switch value(key) {
        case .real(let x)?: return x
        case .integer(let n)?: return Double(n)
        default: preconditionFailure("\(key) is not a real parameter")
        }
    }

    public func choice(_ key: String) -> String {
        guard case .choice(let s)? = value(key) else { preconditionFailure("\(key) is not a choice parameter") }
        return s
    }

    public func flag(_ key: String) -> Bool {
        guard case .flag(let b)? = value(key) else { preconditionFailure("\(key) is not a flag parameter") }
        return b
    }

    func value(_ key: String) -> ParameterValue? { values.first { $0.key == key }?.value }
}
