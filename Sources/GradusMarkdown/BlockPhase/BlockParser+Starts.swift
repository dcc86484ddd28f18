/// Block starts, tried in CommonMark's order (§4, §5) after the lesson dialect's directives and math.
extension BlockParser {
    /// Tries to open a block at the next non-space byte: 0 none, 1 a container, 2 a leaf that takes the rest
    /// of the line, 3 the line is consumed.
    mutating func tryBlockStarts(_ container: Int) -> Int {
        let p = nextNonspace
        let c = at(p)
        let containerKind = kind(container)
        if !indented {
            switch c {
            case UInt8(ascii: ">"):
                advanceNextNonspace()
                advanceOffset(1, columns: false)
                if isSpaceOrTab(at(offset)) { advanceOffset(1, columns: true) }
                closeUnmatchedBlocks()
                addChild(.blockQuote, at: p)
                return 1
            case UInt8(ascii: "#"):
                if atxHeading() { return 2 }
            case UInt8(ascii: "`"), UInt8(ascii: "~"):
                if fencedCode() { return 2 }
            case UInt8(ascii: "<"):
                let k = HTMLBlockStart.kind(src, p, lineEnd,
                                            allowKind7: containerKind != .paragraph && tipKind != .paragraph)
                if k > 0 {
                    closeUnmatchedBlocks()
                    addChild(.htmlBlock, at: offset)
                    stack[stack.count - 1].a = Int32(k)
                    return 2
                }
            case UInt8(ascii: ":") where lesson:
                let r = directiveFence(container)
                if r != 0 { return r }
            case UInt8(ascii: "$") where lesson:
                if mathBlockStart() { return 2 }
            default: break
            }
            if lesson && containerKind == .paragraph && tableStart(container) { return 2 }
            if containerKind == .paragraph && (c == UInt8(ascii: "=") || c == UInt8(ascii: "-")) && setextHeading(container) {
                return 2
            }
            if (c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "-")) && thematicBreak() {
                closeUnmatchedBlocks()
                addChild(.thematicBreak, at: p)
                offset = lineEnd
                return 2
            }
        }
        if (!indented || containerKind == .list) && listItem(containerKind) { return 1 }
        if indented && tipKind != .paragraph && !blank {
            advanceOffset(4, columns: true)
            closeUnmatchedBlocks()
            addChild(.codeBlock, at: offset)
            return 2
        }
        return 0
    }

    // MARK: - Leaf starts

    /// ATX heading (§4.2): 1–6 `#`, then a space, tab or the end of the line.
    private mutating func atxHeading() -> Bool {
        var e = nextNonspace
        while e < lineEnd && src[e] == UInt8(ascii: "#") { e += 1 }
        let level = e - nextNonspace
        guard level <= 6, e == lineEnd || isSpaceOrTab(src[e]) else { return false }
        let p = nextNonspace
        closeUnmatchedBlocks()
        let id = Int(addChild(.heading, at: p))
        nodes[id].flags = UInt16(level)
        // Content without the closing sequence.
        var s = e
        while s < lineEnd && isSpaceOrTab(src[s]) { s += 1 }
        var t = lineEnd
        while t > s && isSpaceOrTab(src[t - 1]) { t -= 1 }
        var h = t
        while h > s && src[h - 1] == UInt8(ascii: "#") { h -= 1 }
        if h == s {
            t = s
        } else if h < t && isSpaceOrTab(src[h - 1]) {
            t = h
            while t > s && isSpaceOrTab(src[t - 1]) { t -= 1 }
        }
        if s < t {
            BlockParser.appendRun(to: &lineTable, offset: Int32(text.count), line: Int32(lineNumber),
                                  column: scalarColumn(s), src, from: s, to: t)
        }
        (nodes[id].s0, nodes[id].e0) = store(UnsafeBufferPointer(rebasing: src[s..<t]))
        offset = lineEnd
        return true
    }

    /// Fenced code (§4.5): three or more backticks (no backtick in the info string) or tildes.
    private mutating func fencedCode() -> Bool {
        let fence = src[nextNonspace]
        var e = nextNonspace
        while e < lineEnd && src[e] == fence { e += 1 }
        let length = e - nextNonspace
        guard length >= 3 else { return false }
        if fence == UInt8(ascii: "`") {
            for i in e..<lineEnd where src[i] == fence { return false }
        }
        closeUnmatchedBlocks()
        addChild(.codeBlock, at: nextNonspace)
        stack[stack.count - 1].a = Int32(fence)
        stack[stack.count - 1].b = Int32(length)
        stack[stack.count - 1].c = Int32(indent)
        advanceNextNonspace()
        advanceOffset(length, columns: false)
        return true
    }

    /// Setext heading underline (§4.3) under a paragraph that is not only reference definitions.
    private mutating func setextHeading(_ container: Int) -> Bool {
        let c = src[nextNonspace]
        var e = nextNonspace
        while e < lineEnd && src[e] == c { e += 1 }
        while e < lineEnd && isSpaceOrTab(src[e]) { e += 1 }
        guard e == lineEnd else { return false }
        closeUnmatchedBlocks()
        let id = Int(stack[stack.count - 1].node)
        let content = scratch
        var pos = 0
        content.withUnsafeBufferPointer { buf in
            while pos < buf.count && buf[pos] == UInt8(ascii: "[") {
                let n = LinkSyntax.referenceDefinition(buf, pos, buf.count, into: &text, references: &references)
                if n == 0 { break }
                pos += n
            }
        }
        guard pos < content.count else { return false }
        nodes[id].kind = .heading
        nodes[id].flags = c == UInt8(ascii: "=") ? 1 : 2
        storeParagraphContent(id, from: pos)
        scratch.removeAll(keepingCapacity: true)
        offset = lineEnd
        return true
    }

    /// Thematic break (§4.1): three or more matching `*`, `-` or `_`, with spaces and tabs between.
    /// A failed scan remembers where it failed, so `- - - … a` stays linear.
    private mutating func thematicBreak() -> Bool {
        guard nextNonspace >= thematicBreakKill else { return false }
        let c = src[nextNonspace]
        var count = 0
        for i in nextNonspace..<lineEnd {
            let b = src[i]
            if b == c {
                count += 1
            } else if !isSpaceOrTab(b) {
                thematicBreakKill = i
                return false
            }
        }
        return count >= 3
    }

    // MARK: - Lists (§5.2, §5.3)

    /// The depth of the block that new blocks go into: the last matched one, or the newest after a start.
    private func lastMatchedOrContainer() -> Int { allClosed ? stack.count - 1 : lastMatched }

    private mutating func listItem(_ containerKind: MarkdownNodeKind) -> Bool {
        guard indent < 4 else { return false }
        let p = nextNonspace
        let c = at(p)
        var markerEnd = p
        var ordered = false
        var start: Int32 = 1
        var delimiter: UInt8 = c
        if c == UInt8(ascii: "-") || c == UInt8(ascii: "+") || c == UInt8(ascii: "*") {
            markerEnd = p + 1
        } else if isASCIIDigit(c) {
            var e = p
            var value: Int32 = 0
            while e < lineEnd && isASCIIDigit(src[e]) && e - p < 10 {
                value = value &* 10 &+ Int32(src[e] - 0x30)
                e += 1
            }
            guard e - p <= 9, e < lineEnd, src[e] == UInt8(ascii: ".") || src[e] == UInt8(ascii: ")") else { return false }
            if containerKind == .paragraph && value != 1 { return false }
            ordered = true
            start = value
            delimiter = src[e]
            markerEnd = e + 1
        } else {
            return false
        }
        let next = at(markerEnd)
        guard markerEnd == lineEnd || isSpaceOrTab(next) else { return false }
        if containerKind == .paragraph {
            var i = markerEnd
            while i < lineEnd && isSpaceOrTab(src[i]) { i += 1 }
            if i == lineEnd { return false }
        }
        // Matched: advance over the marker and work out the padding.
        let markerOffset = indent
        advanceNextNonspace()
        advanceOffset(markerEnd - p, columns: true)
        let spacesStartColumn = column
        let spacesStartOffset = offset
        repeat {
            advanceOffset(1, columns: true)
        } while column - spacesStartColumn < 5 && isSpaceOrTab(at(offset))
        let blankItem = offset >= lineEnd
        let spacesAfterMarker = column - spacesStartColumn
        var padding: Int
        if spacesAfterMarker >= 5 || spacesAfterMarker < 1 || blankItem {
            padding = markerEnd - p + 1
            column = spacesStartColumn
            offset = spacesStartOffset
            partiallyConsumedTab = false
            if isSpaceOrTab(at(offset)) { advanceOffset(1, columns: true) }
        } else {
            padding = markerEnd - p + spacesAfterMarker
        }
        let flags = (ordered ? RawNode.ordered : 0) | UInt16(delimiter) << 8
        let joins = containerKind == .list && nodes[Int(stack[lastMatchedOrContainer()].node)].flags & ~RawNode.tight == flags
        keepListOpen = joins
        closeUnmatchedBlocks()
        keepListOpen = false
        let tip = Int(stack[stack.count - 1].node)
        if nodes[tip].kind != .list || nodes[tip].flags & ~RawNode.tight != flags {
            let list = Int(addChild(.list, at: p))
            nodes[list].flags = flags
            nodes[detail: list].s1 = start
        }
        addChild(.listItem, at: p)
        stack[stack.count - 1].a = Int32(markerOffset)
        stack[stack.count - 1].b = Int32(padding)
        return true
    }
}
