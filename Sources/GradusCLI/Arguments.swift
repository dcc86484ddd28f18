import GradusContent

/// One option a command accepts, as a row of its table.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable, Equatable {
        /// `--list`: present or absent.
        case flag
        /// `--seed N` or `--seed=N`; the last one given wins.
        case value(placeholder: String)
        /// `--set KEY=VALUE`, given any number of times.
        case repeated(placeholder: String)
    }

    public var name: String
    public var kind: Kind
    public var help: String

    public init(_ name: String, _ kind: Kind = .flag, help: String) {
        self.name = name
        self.kind = kind
        self.help = help
    }
}

/// What a command line parsed into: flags seen, option values in the order given, and positional words.
public struct ParsedArguments: Sendable, Equatable {
    public var flags: Set<String> = []
    public var values: [String: [String]] = [:]
    public var positionals: [String] = []

    public func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// The last value given for `option`, or nil.
    public func value(_ option: String) -> String? { values[option]?.last }

    /// Every value given for a repeated option, in order.
    public func all(_ option: String) -> [String] { values[option] ?? [] }

    /// The value of `option` as an integer in `range`, or nil when absent; a malformed value is a usage error.
    public func integer(_ option: String, in range: ClosedRange<Int> = Int.min...Int.max) throws(UsageError) -> Int? {
        guard let text = value(option) else { return nil }
        guard let number = Int(text), range.contains(number) else {
            let bounds = range.upperBound == Int.max ? "an integer ≥ \(range.lowerBound)"
                : "an integer from \(range.lowerBound) to \(range.upperBound)"
            throw UsageError("invalid value '\(text.escapingControls)' for --\(option)", hint: "expected \(bounds)")
        }
        return number
    }

    /// The value of `option`, which must be one of `choices`; a different one is a usage error naming them.
    public func choice(_ option: String, of choices: [String]) throws(UsageError) -> String? {
        guard let text = value(option) else { return nil }
        guard choices.contains(text) else {
            throw UsageError("invalid value '\(text.escapingControls)' for --\(option)",
                             hint: (nearest(text, in: choices).map { "did you mean '\($0)'? " } ?? "")
                                 + "valid values: \(choices.joined(separator: ", "))")
        }
        return text
    }
}

/// A problem with how a command was invoked; exits 64 with a one-line message and a hint.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var hint: String

    public init(_ message: String, hint: String = "") {
        self.message = message
        self.hint = hint
    }

    public var description: String { hint.isEmpty ? message : "\(message) (\(hint))" }
}

/// Parses `arguments` (without the program and command names) against an option table.
/// Accepts `--name value` and `--name=value`; `--` ends options; a lone `-` is a positional.
public func parseArguments(_ arguments: [String], options: [OptionSpec], command: String,
                           maxPositionals: Int) throws(UsageError) -> ParsedArguments {
    var parsed = ParsedArguments()
    var index = 0
    var optionsEnded = false
    while index < arguments.count {
        let word = arguments[index]
        index += 1
        guard !optionsEnded, word.hasPrefix("-"), word != "-" else {
            parsed.positionals.append(word)
            continue
        }
        if word == "--" {
            optionsEnded = true
            continue
        }
        guard word.hasPrefix("--") else {
            throw UsageError("unknown option '\(word.escapingControls)' for 'gradus \(command)'",
                             hint: "options are spelled with two dashes; see 'gradus \(command) --help'")
        }
        let body = word.dropFirst(2)
        let name = String(body.prefix { $0 != "=" })
        let inline: String? = body.contains("=") ? String(body.drop { $0 != "=" }.dropFirst()) : nil
        guard let spec = options.first(where: { $0.name == name }) else {
            let names = options.map(\.name)
            let hint = nearest(name, in: names).map { "did you mean '--\($0)'?" }
                ?? "see 'gradus \(command) --help'"
            throw UsageError("unknown option '--\(name.escapingControls)' for 'gradus \(command)'", hint: hint)
        }
        switch spec.kind {
        case .flag:
            if inline != nil { throw UsageError("option '--\(name)' takes no value") }
            parsed.flags.insert(name)
        case .value(let placeholder), .repeated(let placeholder):
            let value: String
            if let inline {
                value = inline
            } else if index < arguments.count, !arguments[index].hasPrefix("--") {
                value = arguments[index]
                index += 1
            } else {
                throw UsageError("missing value for '--\(name)'", hint: "expected --\(name) \(placeholder)")
            }
            parsed.values[name, default: []].append(value)
        }
    }
    if parsed.positionals.count > maxPositionals {
        let extra = parsed.positionals[maxPositionals]
        throw UsageError("unexpected argument '\(extra.escapingControls)' for 'gradus \(command)'",
                         hint: "see 'gradus \(command) --help'")
    }
    return parsed
}
