/// One node of the arena, 40 bytes. Links are indices into `MarkdownTree.nodes` (-1 for none); strings are
/// byte ranges into `MarkdownTree.bytes`. What each payload field holds depends on the kind (see `MarkdownNode`).
/// What only blocks and titled links need (a block's line, a second string, a 32-bit value) lives in a
/// `NodeDetail` that `aux` points at, so that the million inline nodes of a large document stay small.
struct RawNode {
    var kind: MarkdownNodeKind
    var bits: UInt8 = 0
    /// Kind-specific: heading level, list flags, task state, fenced code, table row/cell header and alignment,
    /// display math, email autolink.
    var flags: UInt16 = 0
    var parent: Int32 = -1
    var firstChild: Int32 = -1
    var lastChild: Int32 = -1
    var next: Int32 = -1
    var prev: Int32 = -1
    /// A block's column (its line is in its detail); an inline's content offset of its first source
    /// character, mapped through `MarkdownTree.lines` when asked.
    var column: Int32 = 0
    /// Primary string: literal, content (until the inline phase), destination, TeX, a heading's final id;
    /// a directive's parameter index range.
    var s0: Int32 = 0, e0: Int32 = 0
    /// The index of the node's `NodeDetail`, -1 for none (every block has one, a link or image with a title).
    var aux: Int32 = -1

    init(kind: MarkdownNodeKind) { self.kind = kind }
}

/// The part of a node that few nodes need.
struct NodeDetail {
    /// A block's line.
    var line: Int32 = 0
    /// Secondary string: title, info string, explicit heading id, table alignments, a directive's name and
    /// arguments (split at `value`); a list's start number in `s1`.
    var s1: Int32 = 0, e1: Int32 = 0
    /// A directive's name end.
    var value: Int32 = 0
}

extension RawNode {
    // `bits` during and after parsing.
    static let detached: UInt8 = 1
    static let lastLineBlank: UInt8 = 2
    static let lastLineChecked: UInt8 = 4
    static let hasTitle: UInt8 = 8
    static let listSettled: UInt8 = 32

    // `flags` of a list.
    static let ordered: UInt16 = 1
    static let tight: UInt16 = 2
}

/// The parsed document's storage: immutable once parsing ends, shared by every `MarkdownNode` view.
final class MarkdownTree: Sendable {
    let nodes: NodeArena
    let bytes: [UInt8]
    let parameters: [RawParameter]
    /// Where block content came from, sorted by offset (see `BlockParser+LineTable.swift`).
    let lines: [LineEntry]
    /// Where the inline phase's decoded bytes start in `bytes`: offsets below it are block content.
    let contentEnd: Int32
    let options: MarkdownOptions
    /// The directives a `:::` line closed.
    let closedDirectives: Set<Int32>

    init(nodes: NodeArena, bytes: [UInt8],
         parameters: [RawParameter],
         lines: [LineEntry], contentEnd: Int32,
         options: MarkdownOptions, closedDirectives: Set<Int32> = []) {
        self.closedDirectives = closedDirectives
        self.nodes = nodes
        self.bytes = bytes
        self.parameters = parameters
        self.lines = lines
        self.contentEnd = contentEnd
        self.options = options
    }

    deinit { nodes.deallocate() }

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
