/// Compiles Mustache source into `MustacheNode`s in one pass over its UTF-8 bytes.
///
/// The scanner cuts the source into lines of tokens (text and tags); when a line ends, the standalone rule
/// decides whether its whitespace and newline are dropped, then the line's tokens become nodes. Sections are
/// matched with an explicit stack. Delimiters are at most `maximumDelimiterLength` bytes, so scanning is
/// O(n · that) = O(n).
struct MustacheParser {
    static let maximumDelimiterLength = 32
    /// Name lookups walk the context stack, so nesting is bounded to keep rendering linear in the template.
    static let maximumSectionDepth = 100

    let source: [UInt8]
    let name: String
    private(set) var text: [UInt8] = []
    private(set) var nodes: [MustacheNode] = []

    private var open: [UInt8] = Array("{{".utf8)
    private var close: [UInt8] = Array("}}".utf8)
    /// The current line's tokens, not yet turned into nodes.
    private var line: [Token] = []
    /// Open sections: the index of the opening node, its name, and the tag's offset.
    private var sections: [(node: Int, name: MustacheName, offset: Int)] = []

    init(source: [UInt8], name: String) {
        self.source = source
        self.name = name
    }

    private enum Kind: Equatable {
        case variable(escaped: Bool), section, inverted, close, comment, partial, delimiter
        /// Mustache spec: section, inverted, end-section, comment, partial and set-delimiter tags may stand
        /// alone on a line; interpolation tags never do.
        var mayStandAlone: Bool {
            if case .variable = self { return false }
            return true
        }
    }

    private enum Token {
        case text(Range<Int>)
        case tag(Kind, content: String, offset: Int)
    }

    // MARK: - Scanning

    mutating func parse() throws(MustacheError) {
        var position = 0
        var textStart = 0
        let count = source.count
        while position < count {
            let byte = source[position]
            if byte == UInt8(ascii: "\n") {
                position += 1
                line.append(.text(textStart..<position))
                textStart = position
                try endLine()
            } else if byte == open[0] && matches(open, at: position) {
                if textStart < position { line.append(.text(textStart..<position)) }
                position = try scanTag(at: position)
                textStart = position
            } else {
                position += 1
            }
        }
        if textStart < count { line.append(.text(textStart..<count)) }
        if !line.isEmpty { try endLine() }
        if let innermost = sections.last {
            throw error("section '\(innermost.name.raw)' is never closed; add {{/\(innermost.name.raw)}}",
                        at: innermost.offset)
        }
    }

    private func matches(_ delimiter: [UInt8], at position: Int) -> Bool {
        guard position + delimiter.count <= source.count else { return false }
        for k in 0..<delimiter.count where source[position + k] != delimiter[k] { return false }
        return true
    }

    /// The offset of the first occurrence of `pattern` at or after `start`, or nil.
    private func find(_ pattern: [UInt8], from start: Int) -> Int? {
        var position = start
        while position + pattern.count <= source.count {
            if source[position] == pattern[0] && matches(pattern, at: position) { return position }
            position += 1
        }
        return nil
    }

    /// Reads the tag starting at `start` (at its opening delimiter), appends it to the line, and returns the
    /// offset just after it.
    private mutating func scanTag(at start: Int) throws(MustacheError) -> Int {
        let contentStart = start + open.count
        let sigil = contentStart < source.count ? source[contentStart] : nil
        let closing: [UInt8]
        let kind: Kind
        var from = contentStart + 1
        switch sigil {
        case UInt8(ascii: "{"): kind = .variable(escaped: false); closing = [UInt8(ascii: "}")] + close
        case UInt8(ascii: "&"): kind = .variable(escaped: false); closing = close
        case UInt8(ascii: "#"): kind = .section; closing = close
        case UInt8(ascii: "^"): kind = .inverted; closing = close
        case UInt8(ascii: "/"): kind = .close; closing = close
        case UInt8(ascii: "!"): kind = .comment; closing = close
        case UInt8(ascii: ">"): kind = .partial; closing = close
        case UInt8(ascii: "="): kind = .delimiter; closing = [UInt8(ascii: "=")] + close
        case UInt8(ascii: "$"), UInt8(ascii: "<"):
            throw error("template inheritance ({{$name}}, {{<name}}) is not supported; use partials", at: start)
        default: kind = .variable(escaped: true); closing = close; from = contentStart
        }
        guard let end = find(closing, from: from) else {
            let expected = String(decoding: closing, as: UTF8.self)
            throw error("tag is never closed; expected '\(expected)'", at: start)
        }
        let content = String(decoding: source[from..<end], as: UTF8.self)
        if kind == .delimiter { try setDelimiters(content, at: start) }
        line.append(.tag(kind, content: content, offset: start))
        return end + closing.count
    }

    /// Mustache spec, delimiters: `{{=<% %>=}}` sets two delimiters separated by whitespace, neither
    /// containing whitespace or `=`.
    private mutating func setDelimiters(_ content: String, at offset: Int) throws(MustacheError) {
        let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" })
        guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
            throw error("set-delimiter tag needs two delimiters separated by whitespace, as in {{=<% %>=}}",
                        at: offset)
        }
        guard parts.allSatisfy({ $0.utf8.count <= MustacheParser.maximumDelimiterLength }) else {
            throw error("delimiters are limited to \(MustacheParser.maximumDelimiterLength) bytes", at: offset)
        }
        open = Array(parts[0].utf8)
        close = Array(parts[1].utf8)
    }

    // MARK: - Lines

    /// Applies the standalone rule to the finished line and turns its tokens into nodes.
    /// Mustache spec: a tag that may stand alone and is the only tag on its line, with nothing but spaces and
    /// tabs around it, takes the whole line with it, its newline included; a partial keeps the whitespace
    /// before it as indentation.
    private mutating func endLine() throws(MustacheError) {
        defer { line.removeAll(keepingCapacity: true) }
        var tagIndex: Int?
        var standalone = true
        for (index, token) in line.enumerated() {
            switch token {
            case .tag(let kind, _, _):
                if tagIndex != nil || !kind.mayStandAlone { standalone = false }
                tagIndex = index
            case .text(let range):
                if !isBlank(range, last: index == line.count - 1) { standalone = false }
            }
            if !standalone { break }
        }
        if standalone, let tagIndex, case .tag(let kind, let content, let offset) = line[tagIndex] {
            var indent: [UInt8] = []
            if tagIndex > 0, case .text(let range) = line[0] { indent = Array(source[range]) }
            try emit(kind, content: content, offset: offset, indent: indent)
            return
        }
        nodes.append(.lineStart)
        for token in line {
            switch token {
            case .text(let range):
                let start = text.count
                text.append(contentsOf: source[range])
                if case .text(let previous)? = nodes.last, previous.upperBound == start {
                    nodes[nodes.count - 1] = .text(previous.lowerBound..<text.count)
                } else {
                    nodes.append(.text(start..<text.count))
                }
            case .tag(let kind, let content, let offset):
                try emit(kind, content: content, offset: offset, indent: [])
            }
        }
    }

    /// Whether `range` is only spaces and tabs, ending (when it is the line's last token) with an optional
    /// CRLF or LF.
    private func isBlank(_ range: Range<Int>, last: Bool) -> Bool {
        var end = range.upperBound
        if last && end > range.lowerBound && source[end - 1] == UInt8(ascii: "\n") {
            end -= 1
            if end > range.lowerBound && source[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        }
        return source[range.lowerBound..<end].allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
    }

    private mutating func emit(_ kind: Kind, content: String, offset: Int, indent: [UInt8]) throws(MustacheError) {
        switch kind {
        case .comment, .delimiter:
            return
        case .variable(let escaped):
            nodes.append(.variable(try parseName(content, offset: offset), escaped: escaped, offset: offset))
        case .section, .inverted:
            let name = try parseName(content, offset: offset)
            guard sections.count < MustacheParser.maximumSectionDepth else {
                throw error("sections nest deeper than \(MustacheParser.maximumSectionDepth) levels; "
                            + "move the inner part into a partial or flatten the data", at: offset)
            }
            sections.append((nodes.count, name, offset))
            nodes.append(.section(name, inverted: kind == .inverted, end: -1, offset: offset))
        case .close:
            let name = try parseName(content, offset: offset)
            guard let opened = sections.popLast() else {
                throw error("{{/\(name.raw)}} closes a section that was never opened", at: offset)
            }
            guard opened.name.raw == name.raw else {
                let (line, column) = location(of: opened.offset)
                throw error("{{/\(name.raw)}} does not match the open section '\(opened.name.raw)' "
                            + "(opened at \(line):\(column)); close it with {{/\(opened.name.raw)}} first",
                            at: offset)
            }
            guard case .section(let openName, let inverted, _, let openOffset) = nodes[opened.node] else {
                fatalError("section stack points at a node that is not a section")
            }
            nodes[opened.node] = .section(openName, inverted: inverted, end: nodes.count, offset: openOffset)
            nodes.append(.sectionEnd)
        case .partial:
            let partial = trimmed(content)
            guard !partial.isEmpty, !partial.contains(where: \.isWhitespace) else {
                throw error("partial tag needs a name without spaces, as in {{> header}}", at: offset)
            }
            nodes.append(.partial(partial, indent: indent, offset: offset))
        }
    }

    /// Mustache spec: a tag's content is a non-whitespace sequence, padded by optional whitespace; `.` or
    /// dot-separated keys.
    private func parseName(_ content: String, offset: Int) throws(MustacheError) -> MustacheName {
        let raw = trimmed(content)
        guard !raw.isEmpty else { throw error("empty tag; expected a name such as {{title}}", at: offset) }
        if let newline = raw.firstIndex(where: \.isNewline) {
            // An unclosed tag runs on to the next closing delimiter; quote only its first line.
            let opening = String(decoding: open, as: UTF8.self), closing = String(decoding: close, as: UTF8.self)
            throw error("tag '\(opening)\(raw[..<newline])' is not closed on its line; add '\(closing)' after the name",
                        at: offset)
        }
        guard !raw.contains(where: \.isWhitespace) else {
            throw error("name '\(raw)' contains whitespace", at: offset)
        }
        if raw == "." { return MustacheName(raw: raw, parts: []) }
        let parts = raw.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !parts.contains(where: \.isEmpty) else {
            throw error("name '\(raw)' has an empty part; write keys joined by single dots, as in page.title",
                        at: offset)
        }
        return MustacheName(raw: raw, parts: parts)
    }

    private func trimmed(_ content: String) -> String {
        let scalars = content.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })!
        return String(scalars[first...last])
    }

    private func location(of offset: Int) -> (Int, Int) {
        let located = MustacheError(name: name, source: source, offset: offset, message: "")
        return (located.line, located.column)
    }

    private func error(_ message: String, at offset: Int) -> MustacheError {
        MustacheError(name: name, source: source, offset: offset, message: message)
    }
}
