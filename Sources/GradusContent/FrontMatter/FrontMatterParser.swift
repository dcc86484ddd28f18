/// Reads the YAML subset of front matter and `course.yml`: `key: value` lines whose values are strings (plain,
/// "double-" or 'single-quoted'), numbers, booleans, flow lists `[a, b]` or block lists of `- item` lines;
/// `#` comments and blank lines. Anything else is a located error, never a guess.
public struct FrontMatterParser: Sendable {
    public var path: String

    public init(path: String) { self.path = path }

    /// Parses `lines`, the first of which is line `firstLine` of the file (1-based).
    public func parse(_ lines: [Substring], firstLine: Int) -> (FrontMatter, [Diagnostic]) {
        var entries: [FrontMatterEntry] = []
        var diagnostics: [Diagnostic] = []
        var openList: Int? = nil  // index in entries of a key whose block list is being read
        var openItems: [FrontMatterValue] = []  // its items so far, set into the entry when the list ends
        var keys: Set<String> = []
        /// Block lists grow here, not in the entry (whose array would be copied at every item).
        func closeList() {
            if let index = openList { entries[index].value = .list(openItems) }
            openList = nil
            openItems = []
        }
        for (offset, raw) in lines.enumerated() {
            let lineNumber = firstLine + offset
            let line = stripComment(raw)
            let trimmed = line.trimmingSpaces
            if trimmed.isEmpty { continue }
            let indent = line.prefix { $0 == " " }.count
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                guard openList != nil else {
                    diagnostics.append(.error(at: at(lineNumber, indent + 1),
                                              "list item outside a list; write it under a 'key:' line"))
                    continue
                }
                openItems.append(scalar(trimmed.dropFirst(1).trimmingSpaces, lineNumber, indent + 3, &diagnostics))
                continue
            }
            closeList()
            guard indent == 0 else {
                diagnostics.append(.error(at: at(lineNumber, 1), "unexpected indentation; front matter keys start at column 1"))
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                diagnostics.append(.error(at: at(lineNumber, 1), "expected 'key: value', found '\(trimmed)'"))
                continue
            }
            let key = String(line[..<colon]).trimmingSpaces
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                diagnostics.append(.error(at: at(lineNumber, 1), "invalid key '\(key)'; keys are letters, digits, '_' and '-'"))
                continue
            }
            guard keys.insert(key).inserted else {
                diagnostics.append(.error(at: at(lineNumber, 1), "duplicate key '\(key)'"))
                continue
            }
            let rest = line[line.index(after: colon)...]
            let valueText = rest.trimmingSpaces
            let valueColumn = line.distance(from: line.startIndex, to: colon) + 2
                + rest.prefix { $0 == " " }.count
            let value: FrontMatterValue
            if valueText.isEmpty {
                value = .list([])
                openList = entries.count
            } else {
                value = scalarOrFlowList(valueText, lineNumber, valueColumn, &diagnostics)
            }
            entries.append(FrontMatterEntry(key: key, value: value, location: at(lineNumber, 1)))
        }
        closeList()
        return (FrontMatter(entries: entries), diagnostics)
    }

    // MARK: - Values

    private func scalarOrFlowList(_ text: String, _ line: Int, _ column: Int,
                                  _ diagnostics: inout [Diagnostic]) -> FrontMatterValue {
        guard text.hasPrefix("[") else { return scalar(text, line, column, &diagnostics) }
        guard text.hasSuffix("]") else {
            diagnostics.append(.error(at: at(line, column), "unclosed list; end it with ']'"))
            return .list([])
        }
        let inner = text.dropFirst().dropLast()
        if inner.trimmingSpaces.isEmpty { return .list([]) }
        var items: [FrontMatterValue] = []
        var current = ""
        var quote: Character? = nil
        for character in inner {
            if let q = quote {
                current.append(character)
                if character == q { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
                current.append(character)
            } else if character == "," {
                items.append(scalar(current.trimmingSpaces, line, column, &diagnostics))
                current = ""
            } else {
                current.append(character)
            }
        }
        items.append(scalar(current.trimmingSpaces, line, column, &diagnostics))
        return .list(items)
    }

    private func scalar(_ text: String, _ line: Int, _ column: Int, _ diagnostics: inout [Diagnostic]) -> FrontMatterValue {
        if let first = text.first, first == "\"" || first == "'" {
            guard text.count >= 2, text.last == first else {
                diagnostics.append(.error(at: at(line, column), "unclosed quote in \(text); end it with \(first)"))
                return .string(String(text.dropFirst()))
            }
            let inner = String(text.dropFirst().dropLast())
            return .string(first == "\"" ? unescapeDoubleQuoted(inner) : inner.replacingOccurrences(of: "''", with: "'"))
        }
        switch text {
        case "true", "True", "yes": return .bool(true)
        case "false", "False", "no": return .bool(false)
        default: break
        }
        if let number = Double(text), text.first.map({ $0.isNumber || $0 == "-" || $0 == "+" }) == true {
            return .number(number)
        }
        return .string(text)
    }

    private func unescapeDoubleQuoted(_ text: String) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                switch character {
                case "n": result.append("\n")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    /// Removes a `#` comment that starts a line or follows a space, outside quotes.
    private func stripComment(_ line: Substring) -> Substring {
        var quote: Character? = nil
        var previous: Character = " "
        for index in line.indices {
            let character = line[index]
            if let q = quote {
                if character == q { quote = nil }
            } else if character == "\"" || character == "'" {
                if previous == " " || previous == "[" || previous == "," || previous == ":" { quote = character }
            } else if character == "#", previous == " " || previous == "\t" {
                return line[..<index]
            }
            previous = character
        }
        return line
    }

    private func at(_ line: Int, _ column: Int) -> SourceLocation {
        SourceLocation(path: path, line: line, column: column)
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    var trimmingSpaces: String {
        // Spaces, tabs and CRs are single UTF-8 bytes that no other scalar's bytes can be: trimming the bytes cuts
        // where trimming the scalars does, without walking the text scalar by scalar.
        let trimmed = utf8.withContiguousStorageIfAvailable { bytes -> String in
            let isSpace = { (byte: UInt8) in byte == 0x20 || byte == 0x09 || byte == 0x0D }
            guard let start = bytes.firstIndex(where: { !isSpace($0) }) else { return "" }
            let end = bytes.lastIndex(where: { !isSpace($0) })!
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start...end]), as: UTF8.self)
        }
        if let trimmed { return trimmed }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" }) else { return "" }
        let end = scalars.lastIndex(where: { $0 != " " && $0 != "\t" && $0 != "\r" })!
        return String(String.UnicodeScalarView(scalars[start...end]))
    }
}
