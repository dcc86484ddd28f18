/// Links and images: the bracket stack and the close-bracket rule (CommonMark 0.31.2 §6.3, §6.4).
extension InlineParser {
    mutating func pushBracket(_ node: Int32, index: Int, image: Bool) {
        if !brackets.isEmpty { brackets[brackets.count - 1].bracketAfter = true }
        brackets.append(Bracket(node: node, index: index, image: image, previousDelimiter: delimiterTop,
                                bracketAfter: false))
    }

    private mutating func popBracket() {
        brackets.removeLast()
        inactiveBelow = min(inactiveBelow, brackets.count)
    }

    /// `]`: tries an inline link, then a full, collapsed or shortcut reference, against the innermost opener.
    mutating func closeBracket() {
        let closeAt = pos
        pos += 1
        let afterClose = pos
        guard let opener = brackets.last else {
            appendText(closeAt, afterClose)
            return
        }
        // A link cannot contain another link: openers below the last link are inactive.
        if !opener.image && brackets.count - 1 < inactiveBelow {
            popBracket()
            appendText(closeAt, afterClose)
            return
        }
        var destination: (Int32, Int32)? = nil
        var title: (Int32, Int32)? = nil
        // Inline link: `(destination "title")`.
        if pos < end && s[pos] == UInt8(ascii: "(") {
            let d = LinkSyntax.spnl(s, pos + 1, end)
            var dest: (Int, Int, Int)? = nil
            if d < end && s[d] == UInt8(ascii: ")") { dest = (d, d, d) } else { dest = LinkSyntax.destination(s, d, end) }
            if let (ds, de, afterDest) = dest {
                let t = LinkSyntax.spnl(s, afterDest, end)
                var q = t
                var titleRange: (Int, Int)? = nil
                if t > afterDest, let (ts, te, afterTitle) = LinkSyntax.title(s, t, end) {
                    titleRange = (ts, te)
                    q = LinkSyntax.spnl(s, afterTitle, end)
                }
                if q < end && s[q] == UInt8(ascii: ")") {
                    destination = decode(ds, de)
                    if let (ts, te) = titleRange { title = decode(ts, te) }
                    pos = q + 1
                }
            }
        }
        if destination == nil {
            // Reference link: full `[text][label]`, collapsed `[text][]`, or shortcut `[text]`.
            var labelRange: (Int, Int)? = nil
            var labelEnd = LinkSyntax.label(s, pos, end)
            var collapsed = false
            if labelEnd == nil && pos < end && s[pos] == UInt8(ascii: "[") {
                // Collapsed `[]`; like cmark, `[ ]` with only whitespace counts as collapsed too.
                var k = pos + 1
                while k < end && isASCIIWhitespace(s[k]) { k += 1 }
                if k < end && s[k] == UInt8(ascii: "]") { labelEnd = k + 1; collapsed = true }
            }
            if let le = labelEnd, !collapsed {
                labelRange = (pos + 1, le - 1)
            } else if !opener.bracketAfter {
                labelRange = (opener.index + 1, closeAt)
            }
            if let (a, b) = labelRange, b - a <= 999 {
                LinkSyntax.normalizeLabel(s, a, b, into: &labelKey)
                if let ref = references[labelKey] {
                    destination = (ref.destinationStart, ref.destinationEnd)
                    if ref.hasTitle { title = (ref.titleStart, ref.titleEnd) }
                    if let le = labelEnd { pos = le }
                }
            }
        }
        guard let (d0, d1) = destination else {
            popBracket()
            pos = afterClose
            appendText(closeAt, afterClose)
            return
        }
        // Make the link from the nodes after the opener.
        var link = RawNode(kind: opener.image ? .image : .link)
        link.parent = block
        // Its position: the `[`, or the `!` before it (kept as a content offset until the block ends).
        link.column = Int32(opener.image ? opener.index - 1 : opener.index)
        link.s0 = d0
        link.e0 = d1
        if title != nil { link.bits |= RawNode.hasTitle }
        let first = nodes[Int(opener.node)].next
        if first >= 0 {
            link.firstChild = first
            link.lastChild = nodes[Int(block)].lastChild
            nodes[Int(first)].prev = -1
        }
        let id = store(link)
        if let (t0, t1) = title {
            nodes.addDetail(Int(id))
            nodes[detail: Int(id)].s1 = t0
            nodes[detail: Int(id)].e1 = t1
        }
        nodes[Int(opener.node)].next = -1
        // The nodes after the opener move into the link (once: an outer bracket moves the link, not them).
        var c = first
        while c >= 0 {
            nodes[Int(c)].parent = id
            c = nodes[Int(c)].next
        }
        nodes[Int(block)].lastChild = opener.node
        let last = nodes[Int(block)].lastChild
        nodes[Int(id)].prev = last
        nodes[Int(last)].next = id
        nodes[Int(block)].lastChild = id
        processEmphasis(opener.previousDelimiter, in: id)
        popBracket()
        unlink(opener.node, from: block)
        if !opener.image { inactiveBelow = brackets.count }
    }

    /// Unescapes `s[a..<b]` into `extra` and returns the range in the final buffer; without a backslash or an
    /// ampersand in it, the range is the source's own.
    private mutating func decode(_ a: Int, _ b: Int) -> (Int32, Int32) {
        var plain = true
        for i in a..<b where s[i] == UInt8(ascii: "\\") || s[i] == UInt8(ascii: "&") { plain = false; break }
        if plain { return (Int32(a), Int32(b)) }
        let x = base + Int32(extra.count)
        LinkSyntax.unescape(s, a, b, into: &extra)
        return (x, base + Int32(extra.count))
    }
}
