/// A name in a tag: `.` (the top of the context stack) or dot-separated keys (`page.title`).
struct MustacheName: Sendable, Equatable {
    /// The name as written, trimmed; used in messages and to match a section with its closing tag.
    let raw: String
    /// The keys to walk; empty for the implicit iterator `.`.
    let parts: [String]
}

/// One instruction of a compiled template. Sections are flat: an opening node knows the index of its
/// `sectionEnd`, so rendering walks the list with an explicit stack and never recurses.
enum MustacheNode: Sendable {
    /// Literal bytes, a range of the template's text storage.
    case text(Range<Int>)
    /// The start of a template line that survived the standalone rules: where a standalone partial's
    /// indentation goes (Mustache spec, partials: "prepended to each line of the partial").
    case lineStart
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}` (raw).
    case variable(MustacheName, escaped: Bool, offset: Int)
    /// `{{#name}}` or `{{^name}}`; `end` is the index of the matching `sectionEnd`.
    case section(MustacheName, inverted: Bool, end: Int, offset: Int)
    /// `{{/name}}`.
    case sectionEnd
    /// `{{> name}}`; `indent` is the whitespace before a standalone partial tag, else empty.
    case partial(String, indent: [UInt8], offset: Int)
}
