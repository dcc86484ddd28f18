/// Renders a document, or one node and its subtree, to HTML as cmark 0.31.2 does (plus the lesson dialect's
/// nodes), into one byte buffer or chunk by chunk into a sink. Iterative: deep nesting does not grow the call
/// stack.
public struct HTMLRenderer {
    public var hooks: HTMLHooks

    public init(hooks: HTMLHooks = HTMLHooks()) {
        self.hooks = hooks
    }

    /// The whole document.
    public func render(_ document: MarkdownDocument) -> [UInt8] {
        var out = HTMLOutput(expected: document.tree.bytes.count * 3 / 2 + 1024)
        write(document.tree, root: 0, includeRoot: true, into: &out)
        out.finish()
        return out.collected
    }

    /// The whole document, handed to `sink` in chunks of up to 64 KiB as it is written (each chunk is valid only
    /// during the call), so that no buffer holds the whole HTML: what `gradus markdown` writes to standard output.
    public func render(_ document: MarkdownDocument, into sink: (UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(sink) { sink in
            var out = HTMLOutput(sink: sink)
            write(document.tree, root: 0, includeRoot: true, into: &out)
            out.finish()
        }
    }

    /// One node and its subtree (a block or an inline).
    public func render(_ node: MarkdownNode) -> [UInt8] {
        var out = HTMLOutput(expected: 0)
        write(node.tree, root: node.index, includeRoot: true, into: &out)
        out.finish()
        return out.collected
    }

    /// A node's children only (a quiz option's inlines, a directive's body).
    public func renderChildren(of node: MarkdownNode) -> [UInt8] {
        var out = HTMLOutput(expected: 0)
        write(node.tree, root: node.index, includeRoot: false, into: &out)
        out.finish()
        return out.collected
    }

    /// `render(_:)` as a String.
    public func html(_ node: MarkdownNode) -> String { String(decoding: render(node), as: UTF8.self) }
    /// `render(_:)` of a document as a String.
    public func html(_ document: MarkdownDocument) -> String { String(decoding: render(document), as: UTF8.self) }
    /// `renderChildren(of:)` as a String.
    public func htmlOfChildren(_ node: MarkdownNode) -> String {
        String(decoding: renderChildren(of: node), as: UTF8.self)
    }

    // MARK: - Walk

    func write(_ tree: MarkdownTree, root: Int, includeRoot: Bool, into out: inout HTMLOutput) {
        var context = Context(tree: tree, hooks: hooks)
        do {
            let nodes = tree.nodes.buffer
            tree.bytes.withUnsafeBufferPointer { bytes in
                context.nodes = nodes
                context.details = tree.nodes.detailBuffer
                context.bytes = bytes
                if includeRoot {
                    context.walk(root, into: &out)
                } else {
                    var c = nodes[root].firstChild
                    while c >= 0 {
                        context.walk(Int(c), into: &out)
                        c = nodes[Int(c)].next
                    }
                }
            }
        }
    }
}

struct Context {
    let tree: MarkdownTree
    let hooks: HTMLHooks
    var nodes: UnsafeBufferPointer<RawNode> = UnsafeBufferPointer(start: nil, count: 0)
    var details: UnsafeBufferPointer<NodeDetail> = UnsafeBufferPointer(start: nil, count: 0)
    var bytes: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)
    /// The image whose children are being written as alt text, or -1.
    var plainUntil = -1
    var unsafe: Bool { tree.options.unsafe }
    var lesson: Bool { tree.options.lesson }

    init(tree: MarkdownTree, hooks: HTMLHooks) {
        self.tree = tree
        self.hooks = hooks
    }

    mutating func walk(_ root: Int, into out: inout HTMLOutput) {
        var cur = root
        var entering = true
        while true {
            if entering {
                // Text, the most common node, has no children and nothing to close: written here.
                let n = nodes[cur]
                if n.kind == .text && cur != root {
                    out.appendEscaped(bytes, Int(n.s0), Int(n.e0))
                    if n.next >= 0 {
                        cur = Int(n.next)
                    } else {
                        cur = Int(n.parent)
                        entering = false
                    }
                    continue
                }
                if enter(cur, &out), n.firstChild >= 0 {
                    cur = Int(n.firstChild)
                    continue
                }
            }
            exit(cur, &out)
            if cur == root { break }
            if nodes[cur].next >= 0 {
                cur = Int(nodes[cur].next)
                entering = true
            } else {
                cur = Int(nodes[cur].parent)
                entering = false
            }
        }
    }

    // MARK: - Output helpers

    @inline(__always) func cr(_ out: inout HTMLOutput) {
        if out.last != 0x0A { out.append(0x0A) }
    }

    @inline(__always) func put(_ out: inout HTMLOutput, _ s: StaticString) { out.append(s) }

    /// Escapes `&`, `<`, `>` and `"`.
    @inline(__always) func escape(_ out: inout HTMLOutput, _ a: Int32, _ b: Int32) {
        out.appendEscaped(bytes, Int(a), Int(b))
    }

    /// Writes a URL for an attribute: percent-encodes unsafe bytes, `&` and `'` as entities (cmark's houdini).
    func href<C: Collection>(_ out: inout HTMLOutput, _ url: C) where C.Element == UInt8 {
        let safe = HTMLRenderer.hrefSafe
        for c in url {
            if safe[Int(c)] {
                out.append(c)
            } else if c == UInt8(ascii: "&") {
                put(&out, "&amp;")
            } else if c == UInt8(ascii: "'") {
                put(&out, "&#x27;")
            } else {
                let hex: StaticString = "0123456789ABCDEF"
                out.append(UInt8(ascii: "%"))
                out.append(hex.utf8Start[Int(c >> 4)])
                out.append(hex.utf8Start[Int(c & 15)])
            }
        }
    }

    /// javascript:, vbscript:, file: and data: other than png, gif, jpeg or webp images (as cmark).
    static func isDangerous<C: Collection>(_ url: C) -> Bool where C.Element == UInt8 {
        func starts(_ p: StaticString) -> Bool {
            var i = url.startIndex
            for k in 0..<p.utf8CodeUnitCount {
                guard i != url.endIndex, asciiLower(url[i]) == p.utf8Start[k] else { return false }
                url.formIndex(after: &i)
            }
            return true
        }
        if starts("data:") {
            return !(starts("data:image/png") || starts("data:image/gif") || starts("data:image/jpeg")
                     || starts("data:image/webp"))
        }
        return starts("javascript:") || starts("vbscript:") || starts("file:")
    }

    func destination(_ out: inout HTMLOutput, _ n: RawNode, image: Bool) {
        if let hook = hooks.link {
            let rewritten = Array(hook(tree.string(n.s0, n.e0), image).utf8)
            if unsafe || !Context.isDangerous(rewritten) { href(&out, rewritten) }
            return
        }
        let url = UnsafeBufferPointer(rebasing: bytes[Int(n.s0)..<Int(n.e0)])
        if unsafe || !Context.isDangerous(url) { href(&out, url) }
    }

    /// Whether a link's destination (after the link hook) is one that safe mode removes.
    func isDropped(_ n: RawNode) -> Bool {
        if let hook = hooks.link { return Context.isDangerous(Array(hook(tree.string(n.s0, n.e0), false).utf8)) }
        return Context.isDangerous(UnsafeBufferPointer(rebasing: bytes[Int(n.s0)..<Int(n.e0)]))
    }

    func digits(_ out: inout HTMLOutput, _ v: Int) {
        if v >= 0 && v < 10 { out.append(UInt8(truncatingIfNeeded: v) &+ 0x30) } else { out.append(String(v)) }
    }

    private func isTightParagraph(_ n: RawNode) -> Bool {
        guard n.parent >= 0 else { return false }
        let item = nodes[Int(n.parent)]
        guard item.kind == .listItem, item.parent >= 0 else { return false }
        let list = nodes[Int(item.parent)]
        return list.kind == .list && list.flags & RawNode.tight != 0
    }

    // MARK: - Nodes

    /// Writes a node's opening; returns whether to descend into its children.
    mutating func enter(_ i: Int, _ out: inout HTMLOutput) -> Bool {
        let n = nodes[i]
        if plainUntil >= 0 {
            switch n.kind {
            case .text, .code, .inlineHTML, .inlineMath: escape(&out, n.s0, n.e0)
            case .softBreak, .hardBreak: out.append(0x20)
            default: break
            }
            return true
        }
        switch n.kind {
        case .document: return true
        case .blockQuote:
            cr(&out); put(&out, "<blockquote>\n")
        case .list:
            cr(&out)
            if n.flags & RawNode.ordered != 0 {
                let start = details[Int(n.aux)].s1
                if start == 1 {
                    put(&out, "<ol>\n")
                } else {
                    put(&out, "<ol start=\""); digits(&out, Int(start)); put(&out, "\">\n")
                }
            } else {
                put(&out, "<ul>\n")
            }
        case .listItem:
            cr(&out)
            put(&out, "<li>")
            if n.flags == 1 { put(&out, "<input type=\"checkbox\" disabled=\"\" /> ") }
            if n.flags == 2 { put(&out, "<input type=\"checkbox\" checked=\"\" disabled=\"\" /> ") }
        case .paragraph:
            if !isTightParagraph(n) { cr(&out); put(&out, "<p>") }
        case .heading:
            cr(&out)
            put(&out, "<h"); digits(&out, Int(n.flags))
            if lesson && n.e0 > n.s0 {
                put(&out, " id=\""); escape(&out, n.s0, n.e0); out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
        case .codeBlock:
            cr(&out)
            let d = details[Int(n.aux)]
            if let highlight = hooks.codeBlock,
               let html = highlight(tree.string(d.s1, d.e1), tree.string(n.s0, n.e0)) {
                out.append(html)
                return false
            }
            if d.e1 > d.s1 {
                var e = d.s1
                while e < d.e1 && !isASCIIWhitespace(bytes[Int(e)]) { e += 1 }
                put(&out, "<pre><code class=\"language-"); escape(&out, d.s1, e); put(&out, "\">")
            } else {
                put(&out, "<pre><code>")
            }
            escape(&out, n.s0, n.e0)
            put(&out, "</code></pre>\n")
        case .htmlBlock:
            cr(&out)
            if unsafe { out.append(UnsafeBufferPointer(rebasing: bytes[Int(n.s0)..<Int(n.e0)])) }
            else { put(&out, "<!-- raw HTML omitted -->") }
            cr(&out)
        case .thematicBreak:
            cr(&out); put(&out, "<hr />\n")
        case .table:
            cr(&out); put(&out, "<table>\n")
        case .tableRow:
            if n.flags & 0x100 != 0 { put(&out, "<thead>\n") }
            else if n.prev >= 0 && nodes[Int(n.prev)].flags & 0x100 != 0 { put(&out, "<tbody>\n") }
            put(&out, "<tr>\n")
        case .tableCell:
            put(&out, n.flags & 0x100 != 0 ? "<th" : "<td")
            switch n.flags & 0xff {
            case 1: put(&out, " align=\"left\"")
            case 2: put(&out, " align=\"center\"")
            case 3: put(&out, " align=\"right\"")
            default: break
            }
            out.append(UInt8(ascii: ">"))
        case .mathBlock:
            cr(&out)
            mathHTML(&out, n, display: true, block: true)
            cr(&out)
        case .directive:
            cr(&out)
            if let hook = hooks.directive {
                let node = MarkdownNode(tree: tree, index: i)
                let renderer = HTMLRenderer(hooks: hooks)
                if let html = hook(node, { renderer.htmlOfChildren(node) }) {
                    out.append(html)
                    handled.insert(i)
                    return false
                }
            }
            let d = details[Int(n.aux)]
            put(&out, "<div class=\"directive "); escape(&out, d.s1, d.value); put(&out, "\">\n")
        case .text:
            escape(&out, n.s0, n.e0)
        case .softBreak:
            out.append(0x0A)
        case .hardBreak:
            put(&out, "<br />\n")
        case .code:
            put(&out, "<code>"); escape(&out, n.s0, n.e0); put(&out, "</code>")
        case .inlineHTML:
            if unsafe { out.append(UnsafeBufferPointer(rebasing: bytes[Int(n.s0)..<Int(n.e0)])) }
            else { put(&out, "<!-- raw HTML omitted -->") }
        case .inlineMath:
            mathHTML(&out, n, display: n.flags != 0, block: false)
        case .emphasis: put(&out, "<em>")
        case .strong: put(&out, "<strong>")
        case .strikethrough: put(&out, "<del>")
        case .link, .autolink:
            // The lesson dialect drops a dangerous link's href altogether (a link to nowhere, valid HTML);
            // strict CommonMark keeps cmark's empty href.
            if !unsafe && tree.options.lesson && isDropped(n) {
                put(&out, "<a")
            } else {
                put(&out, "<a href=\""); destination(&out, n, image: false); out.append(UInt8(ascii: "\""))
            }
            if n.bits & RawNode.hasTitle != 0 {
                let d = details[Int(n.aux)]
                put(&out, " title=\""); escape(&out, d.s1, d.e1); out.append(UInt8(ascii: "\""))
            }
            out.append(UInt8(ascii: ">"))
        case .image:
            put(&out, "<img src=\""); destination(&out, n, image: true); put(&out, "\" alt=\"")
            plainUntil = i
        }
        return true
    }

    mutating func exit(_ i: Int, _ out: inout HTMLOutput) {
        let n = nodes[i]
        if plainUntil >= 0 && plainUntil != i { return }
        switch n.kind {
        case .blockQuote: cr(&out); put(&out, "</blockquote>\n")
        case .list:
            cr(&out)
            put(&out, n.flags & RawNode.ordered != 0 ? "</ol>\n" : "</ul>\n")
        case .listItem: put(&out, "</li>\n")
        case .paragraph:
            if !isTightParagraph(n) { put(&out, "</p>\n") }
        case .heading:
            if let anchor = hooks.headingAnchor, lesson, n.e0 > n.s0 {
                out.append(anchor(Int(n.flags), tree.string(n.s0, n.e0)))
            }
            put(&out, "</h"); digits(&out, Int(n.flags)); put(&out, ">\n")
        case .table:
            if nodes[Int(n.lastChild)].flags & 0x100 == 0 { put(&out, "</tbody>\n") }
            put(&out, "</table>\n")
        case .tableRow:
            put(&out, "</tr>\n")
            if n.flags & 0x100 != 0 { put(&out, "</thead>\n") }
        case .tableCell:
            put(&out, n.flags & 0x100 != 0 ? "</th>\n" : "</td>\n")
        case .directive:
            if handled.remove(i) == nil { cr(&out); put(&out, "</div>\n") }
        case .emphasis: put(&out, "</em>")
        case .strong: put(&out, "</strong>")
        case .strikethrough: put(&out, "</del>")
        case .link, .autolink: put(&out, "</a>")
        case .image:
            out.append(UInt8(ascii: "\""))
            if n.bits & RawNode.hasTitle != 0 {
                let d = details[Int(n.aux)]
                put(&out, " title=\""); escape(&out, d.s1, d.e1); out.append(UInt8(ascii: "\""))
            }
            put(&out, " />")
            plainUntil = -1
        default: break
        }
    }

    /// Directives whose HTML came from the hook.
    var handled: Set<Int> = []

    private func mathHTML(_ out: inout HTMLOutput, _ n: RawNode, display: Bool, block: Bool) {
        if let hook = hooks.math {
            out.append(hook(tree.string(n.s0, n.e0), display))
            return
        }
        if block { put(&out, "<div class=\"math display\">") }
        else if display { put(&out, "<span class=\"math display\">") }
        else { put(&out, "<span class=\"math\">") }
        escape(&out, n.s0, n.e0)
        put(&out, block ? "</div>" : "</span>")
        if block { out.append(0x0A) }
    }
}

extension HTMLRenderer {
    static let hrefSafe: [Bool] = {
        var t = [Bool](repeating: false, count: 256)
        for c in "-_.+!*(),%#@?=;:/$~".utf8 { t[Int(c)] = true }
        for c in UInt8(ascii: "0")...UInt8(ascii: "9") { t[Int(c)] = true }
        for c in UInt8(ascii: "a")...UInt8(ascii: "z") { t[Int(c)] = true }
        for c in UInt8(ascii: "A")...UInt8(ascii: "Z") { t[Int(c)] = true }
        return t
    }()
}
