/// GradusMarkdown: a CommonMark 0.31.2 parser over UTF-8 bytes, with Gradus' lesson dialect and an HTML renderer.
///
/// ## Entry points
/// ```swift
/// let html: [UInt8] = Markdown.html(bytes, options: MarkdownOptions(dialect: .commonmark, unsafe: true))
/// let doc: MarkdownDocument = Markdown.parse(source)            // String or [UInt8]; lesson dialect by default
/// let doc = data.withUnsafeBytes { Markdown.parse($0.bindMemory(to: UInt8.self)) }  // bytes in place
/// HTMLRenderer().render(doc) { chunk in write(chunk) }          // streamed in chunks of up to 64 KiB
/// ```
/// `MarkdownOptions.dialect` is `.lesson` (default: CommonMark + GFM tables, task lists and strikethrough,
/// `$…$`/`$$…$$` math, `::: name args` directives, heading ids) or `.commonmark` (strict 0.31.2). Raw HTML and
/// javascript:/vbscript:/file:/non-image data: URLs are dropped unless `unsafe` is true. Parsing never fails:
/// every input is some document.
///
/// ## The tree
/// A `MarkdownDocument` is an arena of nodes; `MarkdownNode` is a cheap view of one (`kind`, `children`,
/// `parent`, `firstChild`, `nextSibling`, …). Every node has `position` (1-based line, 1-based column
/// counting Unicode scalars): a block's first character, an inline's first source character (the `[` of a
/// link, the `!` of an image, the `$` of math); `position(ofLiteralLine:column:)` maps a place inside an
/// inline's literal (a TeX error in math) back to the source. Kind-specific accessors return nil on other kinds:
/// - heading: `headingLevel`, `explicitID` (`{#id}`), `headingID` (final unique id, lesson dialect)
/// - list: `isOrdered`, `listStart`, `isTight`; listItem: `taskState` (nil / .checked / .unchecked)
/// - codeBlock: `info`, `literal`, `isFenced`; htmlBlock, inlineHTML, code, text: `literal`
/// - table: `tableAlignments`; tableRow/tableCell: `isHeader`; tableCell: `cellAlignment`, inline children
/// - mathBlock / inlineMath: `tex`, `isDisplayMath`
/// - directive: `directiveName`, `directiveArguments`, `directiveParameters` (each with its position),
///   and its Markdown body as children
/// - link / image / autolink: `destination`, `title`; their text as inline children
/// - blockQuote, thematicBreak, emphasis, strong, strikethrough, softBreak, hardBreak: structure only
///
/// ## Rendering
/// `HTMLRenderer(hooks:)` renders a whole document (`render(_ document:)`) or one node and its subtree
/// (`render(_ node:)`, `renderChildren(of:)`; `html(_:)`/`htmlOfChildren(_:)` for Strings) into one byte buffer,
/// or a whole document chunk by chunk into a sink (`render(_:into:)`, each chunk whole UTF-8 sequences).
/// `HTMLHooks` can replace directives (`directive`: given the node and a closure rendering its body), math
/// (`math`: TeX, display?), code blocks (`codeBlock`: info, code), append to headings (`headingAnchor`), and
/// rewrite link/image destinations (`link`). Headings carry `id="…"` in the lesson dialect. `node.plainText` is
/// the concatenated text of a node's inlines (for search and terminals).
///
/// ## Fidelity
/// Output is cmark's byte for byte: all 652 examples of the 0.31.2 spec, and Debian's cmark 0.30.2 on the
/// differential corpus except where 0.31 changed the rules. Like cmark, lazy continuation lines keep their
/// leading whitespace, a thematic break stays open until the next block, and a list's looseness is settled when
/// a new block is added beside it. cmark 0.30.2 forgets a later closing backtick run once an earlier run of the
/// same length closed a span after an unmatched opener; Gradus follows the spec there.
///
/// ## Performance
/// Everything is bytes: the block phase copies leaf content into the document's one buffer, the inline phase
/// makes nodes that are byte ranges of it, the renderer escapes eight bytes at a time into a 64 KiB chunk. Nodes
/// are 40-byte structs in one arena (`NodeArena`) linked by index, written in place; large buffers ask for
/// transparent huge pages (`HugePages`). Benchmarks/markdown.sh measures it against cmark and pulldown-cmark.
///
/// ## Guarantees
/// Time is linear in the input on hostile inputs (deep nesting, long delimiter runs, unclosed brackets,
/// huge reference tables); nothing recurses on the input's nesting except the directive hook, which recurses
/// once per nested directive that it renders.
public enum Markdown {
    /// Parses `source` (UTF-8 bytes) into a document.
    public static func parse(_ source: [UInt8], options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        source.withUnsafeBufferPointer { parse($0, options: options) }
    }

    /// Parses UTF-8 bytes in memory that the caller owns (a file's `Data`, read without copying it first); the
    /// document keeps none of them.
    public static func parse(_ source: UnsafeBufferPointer<UInt8>,
                             options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        MarkdownDocument(tree: Parser.parse(source, options: options))
    }

    /// Parses a string into a document.
    public static func parse(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> MarkdownDocument {
        parse(Array(source.utf8), options: options)
    }

    /// Parses and renders to HTML in one call, as `gradus markdown` does.
    public static func html(_ source: [UInt8], options: MarkdownOptions = MarkdownOptions()) -> [UInt8] {
        HTMLRenderer().render(parse(source, options: options))
    }

    /// Parses and renders a string to HTML.
    public static func html(_ source: String, options: MarkdownOptions = MarkdownOptions()) -> String {
        String(decoding: html(Array(source.utf8), options: options), as: UTF8.self)
    }
}

/// How to parse and render Markdown.
public struct MarkdownOptions: Sendable, Hashable {
    /// Which Markdown: strict CommonMark or Gradus' lesson dialect.
    public enum Dialect: Sendable, Hashable {
        /// CommonMark 0.31.2 and nothing else.
        case commonmark
        /// CommonMark plus GFM tables, task lists, strikethrough, math, directives and heading ids.
        case lesson
    }

    public var dialect: Dialect
    /// Keep raw HTML and dangerous URLs (as `cmark --unsafe`).
    public var unsafe: Bool

    public init(dialect: Dialect = .lesson, unsafe: Bool = false) {
        self.dialect = dialect
        self.unsafe = unsafe
    }

    var lesson: Bool { dialect == .lesson }
}
