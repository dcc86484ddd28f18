/// Optional callbacks that let the caller replace parts of the HTML.
public struct HTMLHooks {
    /// Given a directive node and a function that renders its children (body) to HTML, returns the HTML to
    /// emit for it, or nil for the default `<div class="directive NAME">…</div>`.
    public var directive: ((MarkdownNode, () -> String) -> String?)?
    /// Given TeX and whether it is display math, returns the HTML. Default: the escaped TeX in
    /// `<span class="math">` (inline), `<span class="math display">` (inline `$$`) or `<div class="math display">`.
    public var math: ((_ tex: String, _ display: Bool) -> String)?
    /// Given a link's or image's destination (unescaped), returns the destination to use instead.
    public var link: ((_ destination: String, _ isImage: Bool) -> String)?
    /// Given a code block's info string and its text, returns the whole HTML to emit for it, or nil for the
    /// default `<pre><code class="language-…">` (used for syntax highlighting).
    public var codeBlock: ((_ info: String, _ code: String) -> String?)?
    /// Given a heading's level and id (lesson dialect), returns HTML to append inside it, such as an anchor link.
    public var headingAnchor: ((_ level: Int, _ id: String) -> String)?

    public init(directive: ((MarkdownNode, () -> String) -> String?)? = nil,
                math: ((String, Bool) -> String)? = nil,
                link: ((String, Bool) -> String)? = nil) {
        self.directive = directive
        self.math = math
        self.link = link
    }
}
