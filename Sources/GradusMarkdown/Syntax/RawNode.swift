/// One node of the arena. Links are indices into `MarkdownTree.nodes` (-1 for none); strings are byte ranges
/// into `MarkdownTree.bytes`. What each payload field holds depends on the kind (see `MarkdownNode`).
struct RawNode {
    var kind: MarkdownNodeKind
    var bits: UInt8 = 0
    var parent: Int32 = -1
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    var prev: Int32 = -1
    /// A block's position; an inline's is the content offset of its first source character, in `column`
    /// (`line` stays 0), mapped through `MarkdownTree.lines` when asked.
    var line: Int32 = 0
    var column: Int32 = 0
    /// Primary string: literal, content (until the inline phase), destination, TeX, a heading's final id;
    /// a directive's parameter index range.
    var s0: Int32 = 0, e0: Int32 = 0
    /// Secondary string: title, info string, explicit heading id, table alignments, a directive's name and
    /// arguments (split at `flags`); a list's start number in `s1`.
    var s1: Int32 = 0, e1: Int32 = 0
    /// Kind-specific: heading level, list flags, task state, cell alignment, directive name end, …
    var flags: Int32 = 0

    init(kind: MarkdownNodeKind) { self.kind = kind }
}

extension RawNode {
    // `bits` during and after parsing.
    static let detached: UInt8 = 1
    static let lastLineBlank: UInt8 = 2
    static let lastLineChecked: UInt8 = 4
    static let hasTitle: UInt8 = 8
    static let listSettled: UInt8 = 32

    // `flags` of a list.
    static let ordered: Int32 = 1
    static let tight: Int32 = 2
}

/// The parsed document's storage: immutable once parsing ends, shared by every `MarkdownNode` view.
final class MarkdownTree: Sendable {
    let nodes: [RawNode]
    let bytes: [UInt8]
    let parameters: [RawParameter]
    /// Where block content came from, sorted by offset (see `BlockParser+LineTable.swift`).
    let lines: [LineEntry]
    /// Where the inline phase's decoded bytes start in `bytes`: offsets below it are block content.
    let contentEnd: Int32
    let options: MarkdownOptions

    init(nodes: [RawNode], bytes: [UInt8],
         parameters: [RawParameter],
         lines: [LineEntry], contentEnd: Int32,
         options: MarkdownOptions) {
        self.nodes = nodes
        self.bytes = bytes
        self.parameters = parameters
        self.lines = lines
        self.contentEnd = contentEnd
        self.options = options
    }

    /// The source position of content byte `offset` (see `LineTable`).
    func position(ofContentOffset offset: Int) -> SourcePosition? {
        bytes.withUnsafeBufferPointer { bytes in
            lines.withUnsafeBufferPointer { LineTable.position(of: offset, in: $0, bytes: bytes) }
        }
    }

    func string(_ start: Int32, _ end: Int32) -> String {
        if start >= end { return "" }
        return bytes.withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(start)..<Int(end)]), as: UTF8.self)
        }
    }
}

/// A directive parameter line as byte ranges.
struct RawParameter: Sendable {
    var keyStart: Int32, keyEnd: Int32, valueStart: Int32, valueEnd: Int32
    var line: Int32, column: Int32
}
