import GradusMarkdown

/// The sections of an original lesson and a short hash of each, as written in a translation's `source:` key.
///
/// A section is the part of the body that starts at a level-2 heading outside directives, up to the next one; the
/// part before the first such heading is the section `_`. A section is named by its heading's id. Its hash is
/// FNV-1a (64 bits, folded to 32, eight lowercase hex digits) of its lines with trailing spaces removed and
/// trailing blank lines dropped, so reflowing whitespace at line ends does not count as a change.
public struct SectionStamp: Hashable, Sendable, CustomStringConvertible {
    /// Section names with their hashes, in the original's order.
    public var sections: [(name: String, hash: String)]

    public init(sections: [(name: String, hash: String)]) { self.sections = sections }

    /// The stamp of a lesson body, parsed in the lesson dialect.
    public init(body: String) {
        let document = Markdown.parse(body, options: MarkdownOptions(dialect: .lesson))
        self.init(body: body, document: document)
    }

    /// The stamp of `body`, whose parse is `document`.
    public init(body: String, document: MarkdownDocument) {
        var starts: [(line: Int, name: String)] = [(1, "_")]
        let inside = document.nodesInsideDirectives
        for node in document.allNodes where node.kind == .heading && node.headingLevel == 2 && !inside.contains(node.index) {
            guard let line = node.position?.line, let id = node.headingID else { continue }
            starts.append((line, id))
        }
        // Split on the scalar U+000A: as Characters, "\r\n" is one grapheme and would not split.
        let lines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { Substring($0) }
        var sections: [(String, String)] = []
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1].line - 1 : lines.count
            let slice = start.line <= end ? Array(lines[(start.line - 1)..<min(end, lines.count)]) : []
            sections.append((start.name, Self.hash(slice)))
        }
        self.sections = sections
    }

    /// Reads the value of a `source:` key: a list of `name=hash` items. Nil when it is not one.
    public init?(_ value: FrontMatterValue) {
        guard let items = value.list else { return nil }
        var sections: [(String, String)] = []
        for item in items {
            guard let text = item.string, let equals = text.lastIndex(of: "=") else { return nil }
            sections.append((String(text[..<equals]), String(text[text.index(after: equals)...])))
        }
        self.sections = sections
    }

    /// The front matter value: `[_=1a2b3c4d, chain-rule=5e6f7a8b]`.
    public var description: String { "[" + sections.map { "\($0.name)=\($0.hash)" }.joined(separator: ", ") + "]" }

    /// The names of the sections of `self` (the original now) whose hash differs from `recorded`, or that
    /// `recorded` lacks, in the original's order; then those of `recorded` that the original no longer has.
    public func changes(since recorded: SectionStamp) -> [String] {
        var changed: [String] = []
        for section in sections where recorded.sections.first(where: { $0.name == section.name })?.hash != section.hash {
            changed.append(section.name)
        }
        for section in recorded.sections where !sections.contains(where: { $0.name == section.name }) {
            changed.append(section.name)
        }
        return changed
    }

    public static func == (a: SectionStamp, b: SectionStamp) -> Bool { a.description == b.description }
    public func hash(into hasher: inout Hasher) { hasher.combine(description) }

    // MARK: - Hashing

    static func hash(_ lines: [Substring]) -> String {
        var trimmed = lines.map { line in line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed() }
        while let last = trimmed.last, last.isEmpty { trimmed.removeLast() }
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for (index, line) in trimmed.enumerated() {
            if index > 0 { value = (value ^ 0x0A) &* 0x0000_0100_0000_01B3 }
            for byte in String(line).utf8 { value = (value ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        }
        let folded = UInt32(truncatingIfNeeded: value ^ (value >> 32))
        let hex = String(folded, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

extension MarkdownDocument {
    /// The indices of the nodes that lie inside a `:::` directive (a quiz's heading is not a section of the
    /// lesson). One pass in document order, where a parent comes before its children, so that asking about
    /// every heading stays linear even under thousands of nested directives.
    var nodesInsideDirectives: Set<Int> {
        var inside = Set<Int>()
        for node in allNodes {
            if let parent = node.parent, parent.kind == .directive || inside.contains(parent.index) {
                inside.insert(node.index)
            }
        }
        return inside
    }
}
