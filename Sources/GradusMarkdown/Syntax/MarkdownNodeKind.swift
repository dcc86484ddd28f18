/// The kind of a node of the Markdown tree: CommonMark 0.31.2's blocks and inlines, plus the lesson dialect's
/// tables, math and directives.
public enum MarkdownNodeKind: UInt8, Sendable, Hashable {
    // Blocks.
    case document, blockQuote, list, listItem, codeBlock, htmlBlock, paragraph, heading, thematicBreak
    /// A GFM table (lesson dialect); its children are `tableRow`s, the first one the header.
    case table, tableRow, tableCell
    /// `$$…$$` on lines of its own (lesson dialect).
    case mathBlock
    /// A `::: name args` container (lesson dialect).
    case directive
    // Inlines.
    case text, softBreak, hardBreak, code, emphasis, strong, strikethrough, link, image, autolink, inlineHTML
    /// `$…$` or `$$…$$` inside a paragraph (lesson dialect); `isDisplayMath` tells which.
    case inlineMath

    /// True for block nodes.
    public var isBlock: Bool { rawValue <= MarkdownNodeKind.directive.rawValue }
}

/// The alignment of a GFM table column, from its delimiter row (`:--`, `:-:`, `--:`).
public enum TableAlignment: UInt8, Sendable, Hashable {
    case none, left, center, right
}

/// The state of a GFM task list item (`- [ ]`, `- [x]`).
public enum TaskState: Sendable, Hashable {
    case unchecked, checked
}
