/// A parsed Markdown document: an arena of nodes with byte ranges into one buffer. Cheap to copy; immutable.
public struct MarkdownDocument: Sendable {
    let tree: MarkdownTree

    init(tree: MarkdownTree) { self.tree = tree }

    /// The options it was parsed with.
    public var options: MarkdownOptions { tree.options }

    /// The document node (kind `.document`, position 1:1).
    public var root: MarkdownNode { MarkdownNode(tree: tree, index: 0) }

    /// The top-level blocks.
    public var children: MarkdownChildren { root.children }

    /// Every block and inline node in document order (pre-order), without recursion.
    public var allNodes: [MarkdownNode] {
        var out: [MarkdownNode] = []
        var cursor = root.firstChild
        while let node = cursor {
            out.append(node)
            if let first = node.firstChild { cursor = first; continue }
            var up: MarkdownNode? = node
            cursor = nil
            while let u = up, u.index != 0 {
                if let next = u.nextSibling { cursor = next; break }
                up = u.parent
            }
        }
        return out
    }
}

/// A view of one node of a `MarkdownDocument`. Holds the document alive; two views are equal when they name
/// the same node of the same document.
public struct MarkdownNode: Sendable, Hashable {
    let tree: MarkdownTree
    /// The node's index in the document's arena (stable; usable as a dictionary key within one document).
    public let index: Int

    init(tree: MarkdownTree, index: Int) {
        self.tree = tree
        self.index = index
    }

    public static func == (a: MarkdownNode, b: MarkdownNode) -> Bool { a.tree === b.tree && a.index == b.index }
    public func hash(into hasher: inout Hasher) { hasher.combine(index) }

    var raw: RawNode { tree.nodes[index] }
    /// The node's detail (zeroed when it has none).
    var detail: NodeDetail { tree.nodes.detailOrEmpty(index) }
    private func node(_ i: Int32) -> MarkdownNode? { i < 0 ? nil : MarkdownNode(tree: tree, index: Int(i)) }

    /// What this node is.
    public var kind: MarkdownNodeKind { raw.kind }
    /// The parent, nil for the document.
    public var parent: MarkdownNode? { node(raw.parent) }
    public var firstChild: MarkdownNode? { node(raw.firstChild) }
    public var lastChild: MarkdownNode? { node(raw.lastChild) }
    public var nextSibling: MarkdownNode? { node(raw.next) }
    public var previousSibling: MarkdownNode? { node(raw.prev) }
    /// The children in order.
    public var children: MarkdownChildren { MarkdownChildren(tree: tree, first: raw.firstChild) }

    /// Where the node starts in the source: 1-based line, 1-based column in Unicode scalars (a tab counts as
    /// one). A block starts at its first character after container prefixes (`> `, list indentation); an
    /// inline node at its first source character: the `[` of a link, the `!` of an image, the `<` of an
    /// autolink or raw HTML, the first `$` of math, the first backtick of a code span, the delimiters of
    /// emphasis that it used, the backslash of an escape, the `&` of an entity, the trailing spaces (else the
    /// line ending) of a line break. Inside the spaces that a partially consumed tab became (§2.2) the column
    /// is approximate: it lands on the tab or just after it. Never nil for a node of a parsed document.
    /// O(1) for a block; for an inline, a binary search over the document's line table and a count of the
    /// scalars before it on its line (at most 4 KiB of bytes).
    public var position: SourcePosition? {
        if kind.isBlock { return SourcePosition(line: Int(detail.line), column: Int(raw.column)) }
        return tree.position(ofContentOffset: Int(raw.column))
    }

    /// Where the character at 1-based `line` and `column` (Unicode scalars) of this node's `literal` came
    /// from in the source, e.g. for an error that a TeX parser found inside inline math. A column past the
    /// end of its line stops at that line's end. Nil for blocks, and for inlines whose literal is not a
    /// slice of the source (an entity's decoded text, a code span that spans lines).
    public func position(ofLiteralLine line: Int, column: Int) -> SourcePosition? {
        switch kind {
        case .text, .code, .inlineHTML, .inlineMath: break
        default: return nil
        }
        guard line >= 1, column >= 1, raw.s0 <= raw.e0, raw.e0 <= tree.contentEnd else { return nil }
        let bytes = tree.bytes
        var i = Int(raw.s0)
        let end = Int(raw.e0)
        for _ in 1..<line {
            while i < end && bytes[i] != 0x0A { i += 1 }
            guard i < end else { return nil }
            i += 1
        }
        var c = 1
        while c < column && i < end && bytes[i] != 0x0A {
            i += 1
            while i < end && bytes[i] & 0xC0 == 0x80 { i += 1 }
            c += 1
        }
        return tree.position(ofContentOffset: i)
    }

    // MARK: - Kind-specific accessors (nil or a neutral value for other kinds)

    /// Heading level 1…6.
    public var headingLevel: Int? { kind == .heading ? Int(raw.flags) : nil }
    /// The explicit `{#id}` of a heading (lesson dialect).
    public var explicitID: String? {
        guard kind == .heading else { return nil }
        let d = detail
        return d.e1 > d.s1 ? tree.string(d.s1, d.e1) : nil
    }
    /// The heading's final id, unique in the document: the explicit id, else the slug of its text with -1, -2…
    /// suffixes (lesson dialect only; nil in CommonMark).
    public var headingID: String? { kind == .heading && tree.options.lesson ? tree.string(raw.s0, raw.e0) : nil }

    /// Whether a list is ordered.
    public var isOrdered: Bool { kind == .list && raw.flags & RawNode.ordered != 0 }
    /// An ordered list's start number (1 for bullet lists).
    public var listStart: Int { kind == .list ? Int(detail.s1) : 1 }
    /// Whether a list is tight (its paragraphs render without `<p>`).
    public var isTight: Bool { kind == .list && raw.flags & RawNode.tight != 0 }
    /// A task list item's state (lesson dialect); nil for an ordinary item.
    public var taskState: TaskState? {
        guard kind == .listItem else { return nil }
        return raw.flags == 1 ? .unchecked : raw.flags == 2 ? .checked : nil
    }

    /// A code block's info string (after unescaping), "" when none; nil for other kinds.
    public var info: String? { kind == .codeBlock ? tree.string(detail.s1, detail.e1) : nil }
    /// Whether a code block was fenced.
    public var isFenced: Bool { kind == .codeBlock && raw.flags != 0 }
    /// The literal text of a code block, HTML block, code span, raw inline HTML or text node; the TeX of math.
    public var literal: String? {
        switch kind {
        case .codeBlock, .htmlBlock, .code, .inlineHTML, .text, .mathBlock, .inlineMath:
            return tree.string(raw.s0, raw.e0)
        default: return nil
        }
    }
    /// The TeX source of a math node (without the dollars).
    public var tex: String? { kind == .mathBlock || kind == .inlineMath ? tree.string(raw.s0, raw.e0) : nil }
    /// True for `$$…$$` (display) math, inline or block.
    public var isDisplayMath: Bool { kind == .mathBlock || (kind == .inlineMath && raw.flags != 0) }

    /// A link's, image's or autolink's destination (unescaped, not yet percent-encoded).
    public var destination: String? {
        kind == .link || kind == .image || kind == .autolink ? tree.string(raw.s0, raw.e0) : nil
    }
    /// A link's or image's title, nil when it has none.
    public var title: String? {
        (kind == .link || kind == .image) && raw.bits & RawNode.hasTitle != 0 ? tree.string(detail.s1, detail.e1) : nil
    }

    /// The column alignments of a table.
    public var tableAlignments: [TableAlignment] {
        guard kind == .table else { return [] }
        let d = detail
        return (d.s1..<d.e1).map { TableAlignment(rawValue: tree.bytes[Int($0)]) ?? .none }
    }
    /// Whether a table row is the header row (or a cell is in it).
    public var isHeader: Bool { (kind == .tableRow || kind == .tableCell) && raw.flags & 0x100 != 0 }
    /// A table cell's alignment.
    public var cellAlignment: TableAlignment {
        kind == .tableCell ? TableAlignment(rawValue: UInt8(raw.flags & 0xff)) ?? .none : .none
    }

    /// A directive's name (`quiz` in `::: quiz not-mentioned`).
    public var directiveName: String? { kind == .directive ? tree.string(detail.s1, detail.value) : nil }
    /// A directive's argument string after the name, trimmed (`not-mentioned`), "" when none.
    public var directiveArguments: String? { kind == .directive ? tree.string(detail.value, detail.e1) : nil }
    /// Whether a `:::` line closed this directive (false when it runs to the end of its container or file).
    public var isDirectiveClosed: Bool { kind == .directive && tree.closedDirectives.contains(Int32(index)) }
    /// A directive's leading `key: value` lines, in order.
    public var directiveParameters: [DirectiveParameter] {
        guard kind == .directive else { return [] }
        return (Int(raw.s0)..<Int(raw.e0)).map { i in
            let p = tree.parameters[i]
            return DirectiveParameter(key: tree.string(p.keyStart, p.keyEnd),
                                      value: tree.string(p.valueStart, p.valueEnd),
                                      position: SourcePosition(line: Int(p.line), column: Int(p.column)))
        }
    }
}

/// The children of a node, walked through the sibling links.
public struct MarkdownChildren: Sequence, Sendable {
    let tree: MarkdownTree
    let first: Int32

    public struct Iterator: IteratorProtocol {
        let tree: MarkdownTree
        var current: Int32
        public mutating func next() -> MarkdownNode? {
            guard current >= 0 else { return nil }
            defer { current = tree.nodes[Int(current)].next }
            return MarkdownNode(tree: tree, index: Int(current))
        }
    }

    public func makeIterator() -> Iterator { Iterator(tree: tree, current: first) }
    /// The number of children (walks them).
    public var count: Int { reduce(0) { n, _ in n + 1 } }
    public var isEmpty: Bool { first < 0 }
}
