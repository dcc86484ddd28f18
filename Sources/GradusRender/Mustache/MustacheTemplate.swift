/// A Mustache template compiled once into a flat list of nodes, to be rendered many times.
///
/// Supports the spec's core modules (interpolation, sections, inverted sections, comments, partials, set
/// delimiters, dotted names, implicit iterators) with its standalone-line rules; lambdas and inheritance are
/// not supported. A value type: cheap to copy and safe to share between threads.
public struct MustacheTemplate: Sendable {
    /// The name given at compile time (usually the file's path); errors are located with it.
    public let name: String
    /// The template's source as UTF-8, kept to locate render-time errors.
    let source: [UInt8]
    /// The bytes of every text node, in order.
    let text: [UInt8]
    let nodes: [MustacheNode]

    /// Compiles `source`. O(n) in the source's length.
    ///
    /// Throws a `MustacheError` at the offending tag for: an unclosed tag, a section never closed, a closing
    /// tag that does not match the open section, an empty or malformed name, a malformed set-delimiter tag,
    /// sections nested more than `maximumSectionDepth` deep, and the unsupported inheritance tags `{{$…}}` and
    /// `{{<…}}`.
    public init(source: String, name: String) throws(MustacheError) {
        var parser = MustacheParser(source: Array(source.utf8), name: name)
        try parser.parse()
        self.name = name
        self.source = parser.source
        self.text = parser.text
        self.nodes = parser.nodes
    }

    /// The deepest nesting of sections within one template. Name lookups walk the context stack, so this bound
    /// (with `maximumPartialDepth`) keeps rendering linear in the template on hostile input.
    public static var maximumSectionDepth: Int { MustacheParser.maximumSectionDepth }

    /// The most partials that may be open inside one another while rendering; deeper nesting throws.
    public static let maximumPartialDepth = 100

    /// The most partial inclusions in one rendering. A partial that includes itself twice per level would
    /// otherwise do 2^100 work within the depth limit; this bound keeps every rendering finite and short.
    public static let maximumPartialInclusions = 1_000_000

    /// Renders the template with `data` at the bottom of the context stack.
    ///
    /// `partials` returns the template for a `{{> name}}` tag, or nil for a missing partial, which renders as
    /// nothing (as the spec says); it may throw, for example when a partial's file does not compile.
    /// Throws a `MustacheError` at the partial tag when partials nest deeper than `maximumPartialDepth`, when a
    /// partial includes itself without a section in between (which could never end), or after
    /// `maximumPartialInclusions` inclusions.
    /// Variables are HTML-escaped (`&`, `<`, `>`, `"`, `'`) unless written `{{{name}}}` or `{{&name}}`.
    /// Time is linear in the output for a fixed template and data; no recursion on the call stack.
    public func render(_ data: MustacheValue,
                       partials: (String) throws(MustacheError) -> MustacheTemplate? = { _ in nil })
        throws(MustacheError) -> String {
        var output: [UInt8] = []
        output.reserveCapacity(text.count * 2)
        try render(data, partials: partials, into: &output)
        return String(decoding: output, as: UTF8.self)
    }

    /// Renders like `render(_:partials:)`, appending UTF-8 to `output` (one buffer for many pages).
    public func render(_ data: MustacheValue,
                       partials: (String) throws(MustacheError) -> MustacheTemplate?,
                       into output: inout [UInt8]) throws(MustacheError) {
        var renderer = MustacheRenderer(root: self, data: data)
        try renderer.run(partials: partials, into: &output)
    }
}
