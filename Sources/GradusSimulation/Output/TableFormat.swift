/// The output formats of `gradus simulate`.
public enum TableFormat: String, CaseIterable, Sendable {
    case text, markdown, csv, json

    /// Writes `table` in this format; labels follow `language`, and numbers in text and markdown are written with
    /// `separators` (JSON and CSV keep the plain form a program reads back).
    public func render(_ table: Table, language: String, separators: NumberFormat.Separators) -> String {
        switch self {
        case .text: return TableWriter.text(table, language: language, separators: separators)
        case .markdown: return TableWriter.markdown(table, language: language, separators: separators)
        case .csv: return TableWriter.csv(table)
        case .json: return TableWriter.json(table, language: language)
        }
    }
}

enum TableWriter {
    static func text(_ table: Table, language: String, separators: NumberFormat.Separators) -> String {
        let header = table.columns.map { $0.label.text(language) }
        let body = table.rows.map { $0.map { cell(for: $0, language: language, separators: separators) } }
        var widths = header.map(\.unicodeScalars.count)
        for row in body { for (i, text) in row.enumerated() { widths[i] = max(widths[i], text.unicodeScalars.count) } }
        func line(_ cells: [String], numeric: [Bool]) -> String {
            cells.enumerated().map { i, text in
                let pad = String(repeating: " ", count: widths[i] - text.unicodeScalars.count)
                return numeric[i] ? pad + text : text + pad
            }.joined(separator: "  ").trimmedRight + "\n"
        }
        let numeric = table.columns.indices.map { i in
            table.rows.allSatisfy { if case .number = $0[i] { return true } else { return false } }
        }
        var output = table.title.text(language) + "\n\n"
        output += line(header, numeric: numeric)
        output += widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        for row in body { output += line(row, numeric: numeric) }
        return output
    }

    static func markdown(_ table: Table, language: String, separators: NumberFormat.Separators) -> String {
        func escape(_ text: String) -> String { text.replacingOccurrences(of: "|", with: "\\|") }
        let numeric = table.columns.indices.map { i in
            table.rows.allSatisfy { if case .number = $0[i] { return true } else { return false } }
        }
        var output = "| " + table.columns.map { escape($0.label.text(language)) }.joined(separator: " | ") + " |\n"
        output += "|" + numeric.map { $0 ? " ---: |" : " --- |" }.joined() + "\n"
        for row in table.rows {
            output += "| " + row.map { escape(cell(for: $0, language: language, separators: separators)) }.joined(separator: " | ") + " |\n"
        }
        return output
    }

    static func csv(_ table: Table) -> String {
        func quote(_ text: String) -> String {
            text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
                ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
        }
        var output = table.columns.map { quote($0.key) }.joined(separator: ",") + "\n"
        for row in table.rows {
            output += row.map { cell -> String in
                switch cell {
                case .number(let x): return NumberFormat.plain(x)
                case .text(let t): return quote(t.en)
                }
            }.joined(separator: ",") + "\n"
        }
        return output
    }

    static func json(_ table: Table, language: String) -> String {
        var output = "{\"simulation\": \(JSON.string(table.simulation)), \"title\": \(JSON.string(table.title.text(language)))"
        output += ", \"seed\": " + (table.seed.map { String($0) } ?? "null")
        output += ", \"params\": {" + table.parameters.map { key, value in
            let encoded: String
            switch value {
            case .integer(let n): encoded = String(n)
            case .real(let x): encoded = JSON.number(x)
            case .choice(let s): encoded = JSON.string(s)
            case .flag(let b): encoded = b ? "true" : "false"
            }
            return "\(JSON.string(key)): \(encoded)"
        }.joined(separator: ", ") + "}"
        output += ", \"columns\": [" + table.columns.map {
            "{\"key\": \(JSON.string($0.key)), \"label\": \(JSON.string($0.label.text(language)))}"
        }.joined(separator: ", ") + "]"
        output += ", \"rows\": [" + table.rows.map { row in
            "[" + row.map { cell -> String in
                switch cell {
                case .number(let x): return JSON.number(x)
                case .text(let t): return JSON.string(t.text(language))
                }
            }.joined(separator: ", ") + "]"
        }.joined(separator: ", ") + "]}\n"
        return output
    }

    static func cell(for cell: Table.Cell, language: String, separators: NumberFormat.Separators) -> String {
        switch cell {
        case .number(let x): return NumberFormat.display(x, separators: separators)
        case .text(let t): return t.text(language)
        }
    }
}

/// Minimal JSON encoding of strings and numbers (non-finite numbers as strings, which JSON has no numbers for).
enum JSON {
    static func number(_ x: Double) -> String {
        x.isFinite ? NumberFormat.plain(x) : "\"\(NumberFormat.plain(x))\""
    }

    static func string(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count)
                    + String(scalar.value, radix: 16)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

extension String {
    var trimmedRight: String {
        var s = Substring(self)
        while s.last == " " { s = s.dropLast() }
        return String(s)
    }
}
