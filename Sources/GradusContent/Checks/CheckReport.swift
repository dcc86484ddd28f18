/// The findings of `gradus check`, deduplicated and in source order, printed as text or JSON (docs/check.md).
public struct CheckReport: Sendable {
    public var diagnostics: [Diagnostic]

    /// Keeps the first of equal diagnostics (a warning of loading reaches the check through several stages) and
    /// sorts by path, line, column, then errors before warnings, then message.
    public init(_ diagnostics: [Diagnostic]) {
        var seen: Set<Diagnostic> = []
        self.diagnostics = diagnostics.filter { seen.insert($0).inserted }.sorted {
            ($0.location.path, $0.location.line, $0.location.column, $0.severity == .error ? 0 : 1, $0.message)
                < ($1.location.path, $1.location.line, $1.location.column, $1.severity == .error ? 0 : 1, $1.message)
        }
    }

    public var errors: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warnings: Int { diagnostics.count - errors }

    /// One `path:line:column: severity: message` line per finding.
    public var text: String { diagnostics.map { $0.formatted + "\n" }.joined() }

    /// `2 errors, 1 warning`.
    public var summary: String {
        "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")"
    }

    /// A JSON array of `{"path", "line", "column", "severity", "message"}` objects, one per line, keys in that order.
    public var json: String {
        if diagnostics.isEmpty { return "[]\n" }
        let items = diagnostics.map { d in
            "  {\"path\": \(Self.quoted(d.location.path)), \"line\": \(d.location.line), \"column\": \(d.location.column), "
                + "\"severity\": \"\(d.severity.rawValue)\", \"message\": \(Self.quoted(d.message))}"
        }
        return "[\n" + items.joined(separator: ",\n") + "\n]\n"
    }

    /// `text` as a JSON string (RFC 8259 §7): quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
