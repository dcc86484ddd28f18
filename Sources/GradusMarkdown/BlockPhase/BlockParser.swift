/// The block phase (CommonMark 0.31.2 §3–5, appendix "A parsing strategy"): reads the source line by line,
/// keeps the chain of open blocks on a stack, and builds the block tree in the arena. Leaf contents go to
/// `text`; paragraphs, headings and table cells are parsed into inlines later by `InlineParser`, and where
/// each line of their content came from goes to `lineTable` (see `BlockParser+LineTable.swift`).
struct BlockParser {
    struct Open {
        var node: Int32
        /// Item: marker offset; code: fence byte (0 = indented); HTML: kind; directive: 1 while in parameters.
        var a: Int32 = 0
        /// Item: padding; code: fence length.
        var b: Int32 = 0
        /// Code: fence offset.
        var c: Int32 = 0
        /// The blank-line epoch when it was opened, and the last one at which it took the line (see `blankEpoch`).
        var epoch: Int = 0
        var topEpoch: Int = -1
        var topBlank = false
        /// Where the run of blank-transparent blocks (see `relinkBlankRuns`) that holds this one starts, -1 when
        /// this one is not such a block; on the run's first block, `blankRunEnd` is where the run ends.
        var blankRun: Int32 = -1
        var blankRunEnd: Int32 = 0
    }

    let src: UnsafeBufferPointer<UInt8>
    let lesson: Bool
    var nodes: NodeArena
    var text: [UInt8] = []
    var parameters: [RawParameter] = []
    /// The directives that a `:::` line closed (the others ran to the end of their container or the document).
    var closedDirectives: Set<Int32> = []
    var references = ReferenceMap()
    var stack: [Open] = []
    var scratch: [UInt8] = []
    /// The open paragraph's line entries, as `lineTable`'s but with offsets into `scratch`.
    var paragraphLines: [LineEntry] = []
    /// Where the content of paragraphs, headings and table cells came from (see `BlockParser+LineTable.swift`).
    var lineTable: [LineEntry] = []

    // The current line (CommonMark's parser state).
    var lineStart = 0, lineEnd = 0, lineNumber = 0
    var offset = 0, column = 0
    var nextNonspace = 0, nextNonspaceColumn = 0, indent = 0
    var indented = false, blank = false, partiallyConsumedTab = false
    var allClosed = true, lastMatched = 0
    /// A thematic break cannot start before this byte of the line (cmark's kill position).
    var thematicBreakKill = 0
    /// Lines that reached step 3. A block's last-line-blank flag is the value set when it last took a line if
    /// that was the latest such line, else false (cmark clears it on the ancestors of the line's container);
    /// it is settled when the block closes, which spares a walk up the stack per line.
    var blankEpoch = 0
    /// Set while a list item that joins the open list is being added.
    var keepListOpen = false
    private var columnCacheOffset = 0, columnCacheValue = 0

    init(src: UnsafeBufferPointer<UInt8>, lesson: Bool) {
        self.src = src
        self.lesson = lesson
        text.reserveCapacity(src.count + src.count / 8 + 64)
        HugePages.advise(&text)
        // Lesson-like prose makes about one node per 7 bytes; reserving spares the arena's regrowth copies.
        nodes = NodeArena(capacity: src.count / 6 + 16)
    }

    /// Parses every line and closes every block.
    mutating func run() {
        var root = RawNode(kind: .document)
        root.column = 1
        nodes.append(root)
        nodes.addDetail(0)
        nodes[detail: 0].line = 1
        stack = [Open(node: 0)]
        let n = src.count
        // Without a carriage return anywhere, every line ends at the next line feed, found by `memchr`.
        let hasCR = firstIndex(of: 0x0D, in: src, 0, n) < n
        var i = 0
        while i < n {
            var e: Int
            if hasCR {
                e = i
                while e < n {
                    let c = src[e]
                    if c <= 0x0D && (c == 0x0A || c == 0x0D) { break }
                    e += 1
                }
            } else {
                e = firstIndex(of: 0x0A, in: src, i, n)
            }
            incorporateLine(i, e)
            if e < n { e += (src[e] == 0x0D && e + 1 < n && src[e + 1] == 0x0A) ? 2 : 1 }
            i = e
        }
        while stack.count > 1 { finalizeTop() }
    }

    // MARK: - Line state

    @inline(__always) func at(_ i: Int) -> UInt8 { i < lineEnd ? src[i] : 0 }

    /// Finds the first byte at or after `offset` that is not a space or tab. As cmark does, a scan that already
    /// went past `offset` on this line is reused (only whitespace lies between), so that matching many containers
    /// that each consume a little indentation does not rescan the rest of it every time.
    mutating func findNextNonspace() {
        if nextNonspace > offset {
            blank = nextNonspace == lineEnd
            indent = nextNonspaceColumn - column
            indented = indent >= 4
            return
        }
        var i = offset
        var cols = column
        while i < lineEnd {
            let c = src[i]
            if c == 0x20 { i += 1; cols += 1 } else if c == 0x09 { i += 1; cols += 4 - cols % 4 } else { break }
        }
        blank = i == lineEnd
        nextNonspace = i
        nextNonspaceColumn = cols
        indent = cols - column
        indented = indent >= 4
    }

    mutating func advanceNextNonspace() {
        offset = nextNonspace
        column = nextNonspaceColumn
        partiallyConsumedTab = false
    }

    /// Advances `count` bytes, or `count` columns when `columns` (a tab may then be consumed partially).
    mutating func advanceOffset(_ count: Int, columns: Bool) {
        var count = count
        while count > 0 && offset < lineEnd {
            if src[offset] == 0x09 {
                let toTab = 4 - column % 4
                if columns {
                    partiallyConsumedTab = toTab > count
                    let advance = min(toTab, count)
                    column += advance
                    if !partiallyConsumedTab { offset += 1 }
                    count -= advance
                } else {
                    partiallyConsumedTab = false
                    column += toTab
                    offset += 1
                    count -= 1
                }
            } else {
                partiallyConsumedTab = false
                offset += 1
                column += 1
                count -= 1
            }
        }
    }

    /// 1-based column of byte `p` of the current line, counting Unicode scalars. Amortised O(1) as block
    /// starts move right along a line.
    mutating func scalarColumn(_ p: Int) -> Int32 {
        if columnCacheOffset < lineStart || columnCacheOffset > p {
            columnCacheOffset = lineStart
            columnCacheValue = 0
        }
        var i = columnCacheOffset, v = columnCacheValue
        while i < p {
            if src[i] & 0xC0 != 0x80 { v += 1 }
            i += 1
        }
        columnCacheOffset = p
        columnCacheValue = v
        return Int32(v + 1)
    }

    // MARK: - Tree building

    @inline(__always) func kind(_ depth: Int) -> MarkdownNodeKind { nodes[Int(stack[depth].node)].kind }
    var tipKind: MarkdownNodeKind { nodes[Int(stack[stack.count - 1].node)].kind }

    static func canContain(_ parent: MarkdownNodeKind, _ child: MarkdownNodeKind) -> Bool {
        switch parent {
        case .document, .blockQuote, .listItem, .directive: return child != .listItem
        case .list: return child == .listItem
        default: return false
        }
    }

    static func acceptsLines(_ kind: MarkdownNodeKind) -> Bool {
        kind == .paragraph || kind == .codeBlock || kind == .htmlBlock || kind == .mathBlock
    }

    /// Appends a new node as the last child of `parent` and returns its index.
    mutating func appendNode(_ kind: MarkdownNodeKind, to parent: Int32) -> Int32 {
        let id = Int32(nodes.count)
        var node = RawNode(kind: kind)
        node.parent = parent
        let last = nodes[Int(parent)].lastChild
        node.prev = last
        nodes.append(node)
        nodes.addDetail(Int(id))
        if last >= 0 { nodes[Int(last)].next = id } else { nodes[Int(parent)].firstChild = id }
        nodes[Int(parent)].lastChild = id
        return id
    }

    /// Removes a node from its parent's children (it stays in the arena, marked detached).
    mutating func detach(_ id: Int32) {
        let n = nodes[Int(id)]
        if n.prev >= 0 { nodes[Int(n.prev)].next = n.next } else if n.parent >= 0 { nodes[Int(n.parent)].firstChild = n.next }
        if n.next >= 0 { nodes[Int(n.next)].prev = n.prev } else if n.parent >= 0 { nodes[Int(n.parent)].lastChild = n.prev }
        nodes[Int(id)].bits |= RawNode.detached
        nodes[Int(id)].prev = -1
        nodes[Int(id)].next = -1
    }

    /// Opens a block at byte `p` of the line, closing open blocks that cannot contain it.
    @discardableResult
    mutating func addChild(_ kind: MarkdownNodeKind, at p: Int) -> Int32 {
        while !BlockParser.canContain(tipKind, kind) { finalizeTop() }
        let id = appendNode(kind, to: stack[stack.count - 1].node)
        nodes[detail: Int(id)].line = Int32(lineNumber)
        nodes[Int(id)].column = scalarColumn(p)
        stack.append(Open(node: id, epoch: blankEpoch))
        relinkBlankRuns()
        if kind == .directive {
            // b: the depth where this run of directives starts; c (at that depth): where the run ends.
            let t = stack.count - 1
            let run = nodes[Int(stack[t - 1].node)].kind == .directive ? Int(stack[t - 1].b) : t
            stack[t].b = Int32(run)
            stack[t].c = Int32(t)
            stack[run].c = Int32(t)
        }
        if BlockParser.acceptsLines(kind) {
            scratch.removeAll(keepingCapacity: true)
            paragraphLines.removeAll(keepingCapacity: true)
        }
        return id
    }

    /// Closes the open blocks that this line did not continue. As cmark does, when a new block is about to
    /// be added to a list that it cannot join (`addingChild`), the list's looseness is settled first, while
    /// its unmatched children are still open (a reference-definition paragraph still counts then).
    mutating func closeUnmatchedBlocks(addingChild: Bool = true) {
        if !allClosed {
            if addingChild && !keepListOpen && kind(lastMatched) == .list && stack.count - 1 > lastMatched {
                for d in lastMatched..<stack.count { settleBlank(d) }
                let list = Int(stack[lastMatched].node)
                finalizeList(list)
                nodes[list].bits |= RawNode.listSettled
            }
            while stack.count - 1 > lastMatched { finalizeTop() }
            allClosed = true
        }
    }

    /// Gives an open block its current last-line-blank flag (see `blankEpoch`).
    mutating func settleBlank(_ depth: Int) {
        let open = stack[depth]
        let id = Int(open.node)
        if open.epoch < blankEpoch {
            if open.topEpoch == blankEpoch && open.topBlank { nodes[id].bits |= RawNode.lastLineBlank }
            else { nodes[id].bits &= ~RawNode.lastLineBlank }
        }
    }

    /// Appends the rest of the line to the open leaf's content.
    mutating func addLine() {
        if tipKind == .paragraph { noteParagraphLine() }
        if partiallyConsumedTab {
            offset += 1
            let toTab = 4 - column % 4
            for _ in 0..<toTab { scratch.append(0x20) }
        }
        if offset < lineEnd { scratch.append(contentsOf: UnsafeBufferPointer(rebasing: src[offset..<lineEnd])) }
        scratch.append(0x0A)
    }

    /// Stores `bytes` in `text` and returns its range.
    mutating func store<C: Collection>(_ bytes: C) -> (Int32, Int32) where C.Element == UInt8 {
        let s = Int32(text.count)
        text.append(contentsOf: bytes)
        return (s, Int32(text.count))
    }

    // MARK: - One line

    mutating func incorporateLine(_ start: Int, _ end: Int) {
        lineNumber += 1
        lineStart = start
        lineEnd = end
        offset = start
        column = 0
        nextNonspace = start
        blank = false
        partiallyConsumedTab = false
        allClosed = true
        thematicBreakKill = start

        // 1. Match the open blocks' continuation markers.
        let oldTip = stack.count - 1
        var container = 0
        var depth = 1
        while depth < stack.count {
            if nodes[Int(stack[depth].node)].kind == .directive {
                // A run of directives always continues and consumes nothing: jump over it in O(1).
                container = Int(stack[depth].c)
                depth = container + 1
                continue
            }
            findNextNonspace()
            let run = Int(stack[depth].blankRun)
            if blank && run >= 0 {
                // Lists and non-empty items take blank lines (§5.2), an item by consuming the whitespace: jump
                // over the whole run in O(1), so that blank lines under deeply nested lists stay linear.
                let end = Int(stack[run].blankRunEnd)
                if end > depth || kind(depth) == .listItem {
                    advanceNextNonspace()
                    container = end
                    depth = end + 1
                    continue
                }
            }
            switch continueBlock(depth) {
            case 0: container = depth; depth += 1; continue
            case 2: return
            default: break
            }
            break
        }
        allClosed = container == oldTip
        lastMatched = container

        // 2. Open new blocks.
        var matchedLeaf = kind(container) != .paragraph && BlockParser.acceptsLines(kind(container))
        if !matchedLeaf && lesson && kind(container) == .directive && stack[container].a == 1 {
            findNextNonspace()
            if container == stack.count - 1, directiveParameter() { return }
            stack[container].a = 0
        }
        while !matchedLeaf {
            findNextNonspace()
            if !indented && !maybeSpecial(at(nextNonspace)) { break }
            let result = tryBlockStarts(container)
            if result == 0 { break }
            if result == 3 { return }
            container = stack.count - 1
            if result == 2 { matchedLeaf = true }
        }

        // 3. Add the rest of the line to the right block.
        if !allClosed && !blank && tipKind == .paragraph {
            // Lazy continuation line (§5.1); like cmark, its leading whitespace stays in the content.
            addLine()
            return
        }
        closeUnmatchedBlocks(addingChild: !blank && offset < lineEnd && !BlockParser.acceptsLines(kind(lastMatched))
                             && kind(lastMatched) != .table)
        let top = stack.count - 1
        let topNode = Int(stack[top].node)
        let t = nodes[topNode].kind
        // Blank lines for list looseness, as cmark records them: on the container that took the line (and
        // its last child), cleared on every block around it.
        if blank && nodes[topNode].lastChild >= 0 { nodes[Int(nodes[topNode].lastChild)].bits |= RawNode.lastLineBlank }
        let lastLineBlank = blank && !(t == .blockQuote || t == .heading || t == .thematicBreak
            || (t == .codeBlock && stack[top].a != 0)
            || (t == .listItem && nodes[topNode].firstChild < 0 && Int(nodes[detail: topNode].line) == lineNumber))
        blankEpoch += 1
        stack[top].topEpoch = blankEpoch
        stack[top].topBlank = lastLineBlank
        if BlockParser.acceptsLines(t) {
            if t == .paragraph { advanceNextNonspace() }
            addLine()
            if t == .htmlBlock {
                let k = Int(stack[top].a)
                if k >= 1 && k <= 5 && HTMLBlockStart.ends(k, src, offset, lineEnd) { finalizeTop() }
            }
        } else if t == .table && !blank && offset < lineEnd {
            advanceNextNonspace()
            addTableRow(to: stack[top].node, header: false)
        } else if offset < lineEnd && !blank {
            addChild(.paragraph, at: nextNonspace)
            advanceNextNonspace()
            addLine()
        }
    }

    private func maybeSpecial(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "#"), UInt8(ascii: "`"), UInt8(ascii: "~"), UInt8(ascii: "*"), UInt8(ascii: "+"),
             UInt8(ascii: "_"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "-"):
            return true
        case UInt8(ascii: ":"), UInt8(ascii: "$"), UInt8(ascii: "|"):
            return lesson
        default:
            return isASCIIDigit(c)
        }
    }

    /// Whether the open block at `depth` continues on this line: 0 yes, 1 no, 2 the line is consumed.
    mutating func continueBlock(_ depth: Int) -> Int {
        let id = Int(stack[depth].node)
        switch nodes[id].kind {
        case .blockQuote:
            if !indented && at(nextNonspace) == UInt8(ascii: ">") {
                advanceNextNonspace()
                advanceOffset(1, columns: false)
                if isSpaceOrTab(at(offset)) { advanceOffset(1, columns: true) }
                return 0
            }
            return 1
        case .listItem:
            if blank {
                if nodes[id].firstChild < 0 { return 1 }
                advanceNextNonspace()
            } else if indent >= Int(stack[depth].a + stack[depth].b) {
                advanceOffset(Int(stack[depth].a + stack[depth].b), columns: true)
            } else {
                return 1
            }
            return 0
        case .codeBlock:
            let fence = UInt8(truncatingIfNeeded: stack[depth].a)
            if fence != 0 {
                if indent <= 3 && at(nextNonspace) == fence {
                    var e = nextNonspace
                    while e < lineEnd && src[e] == fence { e += 1 }
                    if e - nextNonspace >= Int(stack[depth].b) {
                        var r = e
                        while r < lineEnd && isSpaceOrTab(src[r]) { r += 1 }
                        if r == lineEnd {
                            finalizeTop()
                            return 2
                        }
                    }
                }
                var i = Int(stack[depth].c)
                while i > 0 && isSpaceOrTab(at(offset)) {
                    advanceOffset(1, columns: true)
                    i -= 1
                }
                return 0
            }
            if indent >= 4 {
                advanceOffset(4, columns: true)
            } else if blank {
                advanceNextNonspace()
            } else {
                return 1
            }
            return 0
        case .htmlBlock:
            return blank && (stack[depth].a == 6 || stack[depth].a == 7) ? 1 : 0
        case .paragraph, .table:
            return blank ? 1 : 0
        case .mathBlock:
            return continueMath()
        case .heading:
            return 1
        case .thematicBreak:
            return 0  // as cmark: stays open (matching) until a new block closes it
        default:
            return 0
        }
    }

    // MARK: - Closing blocks

    /// Closes the innermost open block.
    mutating func finalizeTop() {
        settleBlank(stack.count - 1)
        let open = stack.removeLast()
        defer { relinkBlankRuns() }
        let id = Int(open.node)
        if nodes[id].kind == .directive && Int(open.b) < stack.count { stack[Int(open.b)].c = Int32(stack.count - 1) }
        switch nodes[id].kind {
        case .paragraph: finalizeParagraph(id)
        case .codeBlock: finalizeCode(id, fenced: open.a != 0)
        case .htmlBlock:
            var e = scratch.count
            // Drop trailing line endings and the spaces of blank last lines.
            while e > 0 {
                var k = e
                while k > 0 && scratch[k - 1] == 0x20 { k -= 1 }
                if k > 0 && scratch[k - 1] == 0x0A { e = k - 1 } else { break }
            }
            (nodes[id].s0, nodes[id].e0) = store(scratch[0..<e])
        case .mathBlock:
            var s = 0, e = scratch.count
            while s < e && isASCIIWhitespace(scratch[s]) { s += 1 }
            while e > s && isASCIIWhitespace(scratch[e - 1]) { e -= 1 }
            (nodes[id].s0, nodes[id].e0) = store(scratch[s..<e])
        case .list: if nodes[id].bits & RawNode.listSettled == 0 { finalizeList(id) }
        default: break
        }
    }

    /// Extracts link reference definitions from the paragraph's start (§4.7); an empty rest removes it.
    mutating func finalizeParagraph(_ id: Int) {
        let content = scratch
        var pos = 0
        content.withUnsafeBufferPointer { buf in
            while pos < buf.count && buf[pos] == UInt8(ascii: "[") {
                let n = LinkSyntax.referenceDefinition(buf, pos, buf.count, into: &text, references: &references)
                if n == 0 { break }
                pos += n
            }
        }
        var rest = pos
        while rest < content.count && isASCIIWhitespace(content[rest]) { rest += 1 }
        if rest == content.count {
            detach(Int32(id))
            return
        }
        if lesson { pos = taskMarker(id, content, pos) }
        storeParagraphContent(id, from: pos)
    }

    /// GFM task list items: `[ ]`, `[x]` or `[X]` and whitespace at the start of an item's first paragraph.
    private mutating func taskMarker(_ id: Int, _ content: [UInt8], _ pos: Int) -> Int {
        let parent = Int(nodes[id].parent)
        guard nodes[parent].kind == .listItem, nodes[parent].firstChild == Int32(id), pos + 3 < content.count,
              content[pos] == UInt8(ascii: "["), content[pos + 2] == UInt8(ascii: "]"),
              isASCIIWhitespace(content[pos + 3]) else { return pos }
        switch content[pos + 1] {
        case UInt8(ascii: " "): nodes[parent].flags = 1
        case UInt8(ascii: "x"), UInt8(ascii: "X"): nodes[parent].flags = 2
        default: return pos
        }
        var p = pos + 3
        while p < content.count && isSpaceOrTab(content[p]) { p += 1 }
        return p
    }

    mutating func finalizeCode(_ id: Int, fenced: Bool) {
        if fenced {
            let nl = scratch.firstIndex(of: 0x0A) ?? scratch.count
            var s = 0, e = nl
            while s < e && isASCIIWhitespace(scratch[s]) { s += 1 }
            while e > s && isASCIIWhitespace(scratch[e - 1]) { e -= 1 }
            let info = scratch
            let start = Int32(text.count)
            info.withUnsafeBufferPointer { LinkSyntax.unescape($0, s, e, into: &text) }
            nodes[detail: id].s1 = start
            nodes[detail: id].e1 = Int32(text.count)
            (nodes[id].s0, nodes[id].e0) = store(scratch[min(nl + 1, scratch.count)...])
            nodes[id].flags = 1
        } else {
            // Drop trailing blank lines.
            var e = scratch.count
            while e > 0 {
                var k = e - 1  // at the line's newline
                while k > 0 && scratch[k - 1] != 0x0A { k -= 1 }
                var blankLine = true
                for j in k..<(e - 1) where !isSpaceOrTab(scratch[j]) { blankLine = false; break }
                if blankLine { e = k } else { break }
            }
            (nodes[id].s0, nodes[id].e0) = store(scratch[0..<e])
        }
    }

    /// A list is loose when items, or blocks inside an item, are separated by blank lines (§5.3); the checks
    /// are cmark's.
    mutating func finalizeList(_ id: Int) {
        var tight = true
        var item = nodes[id].firstChild
        outer: while item >= 0 {
            let next = nodes[Int(item)].next
            if nodes[Int(item)].bits & RawNode.lastLineBlank != 0 && next >= 0 { tight = false; break }
            var sub = nodes[Int(item)].firstChild
            while sub >= 0 {
                let subNext = nodes[Int(sub)].next
                if (next >= 0 || subNext >= 0) && endsWithBlankLine(sub) { tight = false; break outer }
                sub = subNext
            }
            item = next
        }
        if tight { nodes[id].flags |= RawNode.tight }
    }

    private mutating func endsWithBlankLine(_ start: Int32) -> Bool {
        var block = start
        while block >= 0 {
            let b = Int(block)
            let blankBit = nodes[b].bits & RawNode.lastLineBlank != 0
            if nodes[b].bits & RawNode.lastLineChecked != 0 { return blankBit }
            nodes[b].bits |= RawNode.lastLineChecked
            if blankBit { return true }
            let k = nodes[b].kind
            if k == .list || k == .listItem { block = nodes[b].lastChild } else { return false }
        }
        return false
    }
}
