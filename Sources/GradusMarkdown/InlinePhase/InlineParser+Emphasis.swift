/// Delimiter runs and "process emphasis" (CommonMark 0.31.2 §6.2), and GFM strikethrough with `~`/`~~`.
extension InlineParser {
    /// Scans a run of `*`, `_` or `~`, adds it as text, and pushes it on the delimiter stack when it can open
    /// or close.
    mutating func delimiterRun(_ c: UInt8) {
        let runStart = pos
        while pos < end && s[pos] == c { pos += 1 }
        let count = pos - runStart
        let before = runStart == start ? 0x0A : InlineParser.scalar(s, before: runStart, start: start)
        let after = pos == end ? 0x0A : InlineParser.scalar(s, at: pos)
        let afterSpace = InlineParser.isUnicodeWhitespace(after)
        let afterPunct = InlineParser.isUnicodePunctuation(after)
        let beforeSpace = InlineParser.isUnicodeWhitespace(before)
        let beforePunct = InlineParser.isUnicodePunctuation(before)
        let leftFlanking = !afterSpace && (!afterPunct || beforeSpace || beforePunct)
        let rightFlanking = !beforeSpace && (!beforePunct || afterSpace || afterPunct)
        var canOpen = leftFlanking, canClose = rightFlanking
        if c == UInt8(ascii: "_") {
            canOpen = leftFlanking && (!rightFlanking || beforePunct)
            canClose = rightFlanking && (!leftFlanking || afterPunct)
        } else if c == UInt8(ascii: "~") && count > 2 {
            canOpen = false
            canClose = false
        }
        let node = append(.text, runStart, pos, bits: InlineParser.protected)
        guard canOpen || canClose else { return }
        let d = Int32(delimiters.count)
        delimiters.append(Delimiter(node: node, char: c, count: Int32(count), original: Int32(count),
                                    canOpen: canOpen, canClose: canClose, prev: delimiterTop, next: -1))
        if delimiterTop >= 0 { delimiters[Int(delimiterTop)].next = d }
        delimiterTop = d
    }

    mutating func removeDelimiter(_ d: Int32) {
        let x = delimiters[Int(d)]
        if x.prev >= 0 { delimiters[Int(x.prev)].next = x.next }
        if x.next >= 0 { delimiters[Int(x.next)].prev = x.prev } else { delimiterTop = x.prev }
    }

    /// Matches closers with openers above `bottom` (a delimiter index, -1 for the whole stack), innermost
    /// first, and removes every delimiter above `bottom`. Their text nodes are children of `parent`.
    mutating func processEmphasis(_ bottom: Int32, in parent: Int32) {
        // Lower bounds for opener searches, per character, closer-can-open and closer length mod 3: an opener
        // must come after its bound. They compare positions (delimiter indices grow with the source offset), not
        // identities, as cmark does: a bound that has since been removed from the stack still stops the search,
        // which keeps runs of openers followed by closers of another kind (`*a ` … `_a*_ ` …) linear.
        for k in 0..<18 { openersBottom[k] = bottom }
        var closer = delimiterTop
        while closer >= 0 && delimiters[Int(closer)].prev != bottom { closer = delimiters[Int(closer)].prev }
        while closer >= 0 {
            let cl = delimiters[Int(closer)]
            guard cl.canClose else { closer = cl.next; continue }
            let charIndex = cl.char == UInt8(ascii: "*") ? 0 : cl.char == UInt8(ascii: "_") ? 1 : 2
            let bottomIndex = charIndex * 6 + (cl.canOpen ? 3 : 0) + Int(cl.original % 3)
            var opener = cl.prev
            var found = false
            while opener > openersBottom[bottomIndex] {
                let op = delimiters[Int(opener)]
                if op.char == cl.char && op.canOpen {
                    if cl.char == UInt8(ascii: "~") {
                        if op.count == cl.count { found = true; break }
                    } else {
                        // The rule of three.
                        let oddMatch = (cl.canOpen || op.canClose) && cl.original % 3 != 0
                            && (op.original + cl.original) % 3 == 0
                        if !oddMatch { found = true; break }
                    }
                }
                opener = op.prev
            }
            let oldCloser = closer
            if found {
                let op = delimiters[Int(opener)]
                let use: Int32 = cl.char == UInt8(ascii: "~") ? cl.count : (cl.count >= 2 && op.count >= 2 ? 2 : 1)
                delimiters[Int(opener)].count -= use
                delimiters[Int(closer)].count -= use
                // The opener gives its last characters, the closer its first: what stays of each run keeps
                // its own position (`column` holds the content offset until the block ends).
                nodes[Int(op.node)].e0 -= use
                nodes[Int(cl.node)].s0 += use
                nodes[Int(cl.node)].column += use
                let kind: MarkdownNodeKind = cl.char == UInt8(ascii: "~") ? .strikethrough : use == 1 ? .emphasis : .strong
                wrap(kind, after: op.node, before: cl.node, in: parent)
                // Delimiters between opener and closer are done.
                delimiters[Int(opener)].next = closer
                delimiters[Int(closer)].prev = opener
                if delimiters[Int(opener)].count == 0 {
                    unlink(op.node, from: parent)
                    removeDelimiter(opener)
                }
                if delimiters[Int(closer)].count == 0 {
                    unlink(cl.node, from: parent)
                    let next = delimiters[Int(closer)].next
                    removeDelimiter(closer)
                    closer = next
                }
            } else {
                closer = cl.next
                openersBottom[bottomIndex] = cl.prev
                if !cl.canOpen { removeDelimiter(oldCloser) }
            }
        }
        while delimiterTop >= 0 && delimiterTop != bottom { removeDelimiter(delimiterTop) }
    }

    /// Inserts a `kind` node between siblings `a` and `b` (children of `parent`), moving the nodes between
    /// them into it. It starts at the opener's used delimiters, just past what is left of `a`. Setting the
    /// moved nodes' parent keeps the phase linear: a node moves into a new emphasis at most once, as the
    /// delimiters between opener and closer are dropped.
    private mutating func wrap(_ kind: MarkdownNodeKind, after a: Int32, before b: Int32, in parent: Int32) {
        var node = RawNode(kind: kind)
        node.parent = parent
        node.column = nodes[Int(a)].e0
        node.prev = a
        node.next = b
        let first = nodes[Int(a)].next
        if first != b {
            node.firstChild = first
            node.lastChild = nodes[Int(b)].prev
            nodes[Int(first)].prev = -1
            nodes[Int(node.lastChild)].next = -1
        }
        let id = store(node)
        nodes[Int(a)].next = id
        nodes[Int(b)].prev = id
        var c = node.firstChild
        while c >= 0 {
            nodes[Int(c)].parent = id
            c = nodes[Int(c)].next
        }
    }

    // MARK: - Unicode classes for flanking (§2.1)

    // Static, on the buffer: a method of the parser called from a mutating one would copy the whole parser.

    @inline(__always)
    static func scalar(_ s: UnsafeBufferPointer<UInt8>, before p: Int, start: Int) -> UInt32 {
        if s[p - 1] < 0x80 { return UInt32(s[p - 1]) }
        var i = p - 1
        while i > start && s[i] & 0xC0 == 0x80 && p - i < 4 { i -= 1 }
        return scalar(s, at: i)
    }

    @inline(__always)
    static func scalar(_ s: UnsafeBufferPointer<UInt8>, at p: Int) -> UInt32 {
        let b0 = UInt32(s[p])
        if b0 < 0x80 { return b0 }
        return multibyteScalar(s, at: p)
    }

    @inline(never)
    static func multibyteScalar(_ s: UnsafeBufferPointer<UInt8>, at p: Int) -> UInt32 {
        let b0 = UInt32(s[p])
        func cont(_ k: Int) -> UInt32 { p + k < s.count ? UInt32(s[p + k] & 0x3F) : 0 }
        if b0 < 0xE0 { return (b0 & 0x1F) << 6 | cont(1) }
        if b0 < 0xF0 { return (b0 & 0x0F) << 12 | cont(1) << 6 | cont(2) }
        return (b0 & 0x07) << 18 | cont(1) << 12 | cont(2) << 6 | cont(3)
    }

    @inline(__always)
    static func isUnicodeWhitespace(_ u: UInt32) -> Bool {
        if u < 0x80 { return u == 0x20 || u == 0x09 || u == 0x0A || u == 0x0C || u == 0x0D }
        return isNonASCIIWhitespace(u)
    }

    @inline(never)
    static func isNonASCIIWhitespace(_ u: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(u) else { return false }
        return scalar.properties.generalCategory == .spaceSeparator
    }

    /// ASCII punctuation, or a Unicode punctuation (P*) or symbol (S*) character (0.31.2).
    @inline(__always)
    static func isUnicodePunctuation(_ u: UInt32) -> Bool {
        if u < 0x80 { return isASCIIPunctuation(UInt8(u)) }
        return isNonASCIIPunctuation(u)
    }

    @inline(never)
    static func isNonASCIIPunctuation(_ u: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(u) else { return false }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }
}
