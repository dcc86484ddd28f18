/// The seven kinds of HTML block start (CommonMark 0.31.2 §4.6) and their end conditions.
enum HTMLBlockStart {
    /// The kind (1…7) of HTML block that `s[p..<end]` (one line, `s[p] == "<"`) starts, or 0.
    /// Kind 7 is only reported when `allowKind7` (it cannot interrupt a paragraph).
    static func kind(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, allowKind7: Bool) -> Int {
        let q = p + 1
        guard q < end else { return 0 }
        // 1: <script, <pre, <style, <textarea, then whitespace, > or end of line.
        for word: StaticString in ["script", "pre", "style", "textarea"] where hasPrefixIgnoringCase(s, q, end, word) {
            let after = q + word.utf8CodeUnitCount
            if after == end || isSpaceOrTab(s[after]) || s[after] == UInt8(ascii: ">") { return 1 }
        }
        if hasPrefixIgnoringCase(s, q, end, "!--") { return 2 }
        if q < end && s[q] == UInt8(ascii: "?") { return 3 }
        if q + 1 < end && s[q] == UInt8(ascii: "!") && isASCIILetter(s[q + 1]) { return 4 }
        if hasPrefixIgnoringCase(s, q, end, "![CDATA[") { return 5 }
        // 6: a block-level tag name.
        var n = q
        if n < end && s[n] == UInt8(ascii: "/") { n += 1 }
        var e = n
        while e < end && isASCIIAlphanumeric(s[e]) { e += 1 }
        if e > n && isBlockTagName(s, n, e) {
            if e == end || isSpaceOrTab(s[e]) || s[e] == UInt8(ascii: ">") { return 6 }
            if s[e] == UInt8(ascii: "/") && e + 1 < end && s[e + 1] == UInt8(ascii: ">") { return 6 }
        }
        guard allowKind7 else { return 0 }
        // 7: a complete open or closing tag (not kind 1's names), then only spaces and tabs.
        let tagEnd = q < end && s[q] == UInt8(ascii: "/") ? HTMLScanner.closingTag(s, p, end) : HTMLScanner.openTag(s, p, end)
        guard var t = tagEnd else { return 0 }
        while t < end && isSpaceOrTab(s[t]) { t += 1 }
        return t == end ? 7 : 0
    }

    /// Whether the line `s[p..<end]` ends an HTML block of `kind` 1…5.
    static func ends(_ kind: Int, _ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Bool {
        switch kind {
        case 1:
            return containsIgnoringCase(s, p, end, "</script>") || containsIgnoringCase(s, p, end, "</pre>")
                || containsIgnoringCase(s, p, end, "</style>") || containsIgnoringCase(s, p, end, "</textarea>")
        case 2: return containsIgnoringCase(s, p, end, "-->")
        case 3: return containsIgnoringCase(s, p, end, "?>")
        case 4: return containsIgnoringCase(s, p, end, ">")
        case 5: return containsIgnoringCase(s, p, end, "]]>")
        default: return false
        }
    }

    private static let blockNames: Set<String> = [
        "address", "article", "aside", "base", "basefont", "blockquote", "body", "caption", "center", "col",
        "colgroup", "dd", "details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
        "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header", "hr", "html",
        "iframe", "legend", "li", "link", "main", "menu", "menuitem", "nav", "noframes", "ol", "optgroup", "option",
        "p", "param", "search", "section", "summary", "table", "tbody", "td", "tfoot", "th", "thead", "title", "tr",
        "track", "ul",
    ]

    private static func isBlockTagName(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ e: Int) -> Bool {
        guard e - p <= 10 else { return false }
        var name = ""
        for i in p..<e { name.unicodeScalars.append(Unicode.Scalar(asciiLower(s[i]))) }
        return blockNames.contains(name)
    }
}
