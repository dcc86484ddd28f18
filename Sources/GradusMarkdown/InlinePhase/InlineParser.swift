/// The inline phase (CommonMark 0.31.2 §6): parses the content of each paragraph, heading and table cell into
/// inline nodes in the arena. Text nodes are byte ranges into the block text; only escapes' and references'
/// decoded bytes are copied (to `extra`). Emphasis uses the delimiter-run algorithm (§6.2, "process emphasis")
/// and links the bracket stack (§6.3), both kept linear on hostile input as cmark does. Every inline node keeps
/// in `column` the content offset of its first source character (the `[` of a link, the `!` of an image, the
/// `$` of math, the first backtick of a code span, the used delimiters of emphasis), which `MarkdownNode`
/// maps to a line and column through the block phase's line table when asked.
struct InlineParser {
    struct Delimiter {
        var node: Int32
        var char: UInt8
        var count: Int32
        var original: Int32
        var canOpen: Bool
        var canClose: Bool
        var prev: Int32
        var next: Int32
    }

    struct Bracket {
        var node: Int32
        /// Index of the `[`.
        var index: Int
        var image: Bool
        var previousDelimiter: Int32
        var bracketAfter: Bool
    }

    static let protected: UInt8 = 16

    let s: UnsafeBufferPointer<UInt8>
    let lesson: Bool
    let references: ReferenceMap
    /// Where `extra`'s bytes start in the final byte buffer (the block text's length).
    let base: Int32
    var nodes: NodeArena
    var extra: [UInt8] = []

    // Per-block state.
    var block: Int32 = 0
    var pos = 0, start = 0, end = 0
    var delimiters: [Delimiter] = []
    var delimiterTop: Int32 = -1
    var brackets: [Bracket] = []
    var inactiveBelow = 0
    var backtickLast: [Int] = []
    var backticksScanned = false
    var backtickScanPos = 0
    var failedFrom: [Int] = [Int.max, Int.max, Int.max, Int.max, Int.max]
    // Buffers reused across blocks, so that parsing allocates nothing per inline or per paragraph.
    var openersBottom = [Int32](repeating: -1, count: 18)
    /// The slots of unlinked inline nodes (used-up delimiter runs and bracket openers), chained through `next`:
    /// new nodes take them first, so that the arena does not keep a dead node per delimiter.
    var freeSlot: Int32 = -1
    var labelKey: [UInt8] = []
    /// 256 flags: the bytes that may start an inline construct in this dialect.
    let special: UnsafePointer<Bool>

    init(s: UnsafeBufferPointer<UInt8>, nodes: NodeArena, references: ReferenceMap, lesson: Bool) {
        self.s = s
        self.nodes = nodes
        self.references = references
        self.lesson = lesson
        self.base = Int32(s.count)
        self.special = lesson ? InlineParser.specialTables + 256 : InlineParser.specialTables
    }

    /// The flags of `special`: CommonMark's 256, then the lesson dialect's (with `~` and `$`). Built once.
    nonisolated(unsafe) static let specialTables: UnsafePointer<Bool> = {
        let table = UnsafeMutablePointer<Bool>.allocate(capacity: 512)
        table.initialize(repeating: false, count: 512)
        for c in "\n`[]\\!<&*_".utf8 { table[Int(c)] = true; table[256 + Int(c)] = true }
        for c in "~$".utf8 { table[256 + Int(c)] = true }
        return UnsafePointer(table)
    }()

    /// Parses the inlines of every paragraph, heading and table cell.
    mutating func run() {
        let count = nodes.count
        for i in 0..<count {
            let n = nodes[i]
            guard n.bits & RawNode.detached == 0,
                  n.kind == .paragraph || n.kind == .heading || n.kind == .tableCell else { continue }
            var a = Int(n.s0), b = Int(n.e0)
            // Paragraphs keep leading whitespace left by a lazy line after reference definitions (as cmark).
            if n.kind != .paragraph { while a < b && isASCIIWhitespace(s[a]) { a += 1 } }
            while b > a && isASCIIWhitespace(s[b - 1]) { b -= 1 }
            if lesson && n.kind == .heading { b = explicitID(i, a, b) }
            parseBlock(Int32(i), a, b)
        }
        // Free slots left over stay detached nodes without links.
        while freeSlot >= 0 {
            let next = nodes[Int(freeSlot)].next
            nodes[Int(freeSlot)].next = -1
            freeSlot = next
        }
    }

    /// Strips a trailing `{#id}` from a heading's content into its explicit id; returns the new end.
    private mutating func explicitID(_ i: Int, _ a: Int, _ b: Int) -> Int {
        guard b - a >= 4, s[b - 1] == UInt8(ascii: "}") else { return b }
        var k = b - 2
        while k > a && (isASCIIAlphanumeric(s[k]) || s[k] == UInt8(ascii: "-") || s[k] == UInt8(ascii: "_")
                        || s[k] == UInt8(ascii: ":") || s[k] == UInt8(ascii: ".")) { k -= 1 }
        guard k > a, k < b - 2, s[k] == UInt8(ascii: "#"), s[k - 1] == UInt8(ascii: "{") else { return b }
        let open = k - 1
        guard open == a || isSpaceOrTab(s[open - 1]) else { return b }
        nodes[detail: i].s1 = Int32(k + 1)
        nodes[detail: i].e1 = Int32(b - 1)
        var e = open
        while e > a && isSpaceOrTab(s[e - 1]) { e -= 1 }
        return e
    }

    // MARK: - Nodes

    /// Appends a node whose first source character is at content offset `from`, kept in `column` (by default
    /// `s0`: pass it whenever `s0` is not where the construct starts or is in `extra`).
    @discardableResult
    mutating func append(_ kind: MarkdownNodeKind, _ s0: Int, _ e0: Int, bits: UInt8 = 0, from: Int? = nil) -> Int32 {
        var node = RawNode(kind: kind)
        node.parent = block
        node.s0 = Int32(s0)
        node.e0 = Int32(e0)
        node.bits = bits
        node.column = Int32(from ?? s0)
        let last = nodes[Int(block)].lastChild
        node.prev = last
        let id = store(node)
        if last >= 0 { nodes[Int(last)].next = id } else { nodes[Int(block)].firstChild = id }
        nodes[Int(block)].lastChild = id
        return id
    }

    /// Appends text `s[a..<b]`, extending the previous text node when it ends right at `a`; a new node starts
    /// in the source at `from` (by default `a`).
    @inline(__always)
    mutating func appendText(_ a: Int, _ b: Int, from: Int? = nil) {
        let last = nodes[Int(block)].lastChild
        if last >= 0 {
            let l = Int(last)
            if nodes[l].kind == .text && nodes[l].e0 == Int32(a) && nodes[l].bits & InlineParser.protected == 0
                && nodes[l].e0 <= base {
                nodes[l].e0 = Int32(b)
                return
            }
        }
        append(.text, a, b, from: from)
    }

    /// Puts `node` in a free slot, else at the end of the arena, and returns its index.
    @inline(__always)
    mutating func store(_ node: RawNode) -> Int32 {
        if freeSlot >= 0 {
            let id = freeSlot
            freeSlot = nodes[Int(id)].next
            nodes[Int(id)] = node
            return id
        }
        nodes.append(node)
        return Int32(nodes.count - 1)
    }

    /// Appends decoded bytes as a text node (they go to `extra`) whose source starts at `from`.
    mutating func appendDecoded(from: Int, _ bytes: (inout [UInt8]) -> Void) -> Int32 {
        let a = Int(base) + extra.count
        bytes(&extra)
        return append(.text, a, Int(base) + extra.count, from: from)
    }

    /// Removes a child of `parent`.
    mutating func unlink(_ id: Int32, from parent: Int32) {
        let n = nodes[Int(id)]
        if n.prev >= 0 { nodes[Int(n.prev)].next = n.next } else { nodes[Int(parent)].firstChild = n.next }
        if n.next >= 0 { nodes[Int(n.next)].prev = n.prev } else { nodes[Int(parent)].lastChild = n.prev }
        nodes[Int(id)].bits |= RawNode.detached
        nodes[Int(id)].prev = -1
        nodes[Int(id)].next = freeSlot
        freeSlot = id
    }

    // MARK: - One block

    mutating func parseBlock(_ id: Int32, _ a: Int, _ b: Int) {
        block = id
        start = a
        pos = a
        end = b
        delimiters.removeAll(keepingCapacity: true)
        delimiterTop = -1
        brackets.removeAll(keepingCapacity: true)
        inactiveBelow = 0
        backticksScanned = false
        backtickScanPos = a
        if !backtickLast.isEmpty { backtickLast.removeAll(keepingCapacity: true) }
        for k in 0..<failedFrom.count { failedFrom[k] = Int.max }
        while pos < end {
            let c = s[pos]
            switch c {
            case 0x0A: newline()
            case UInt8(ascii: "\\"): backslash()
            case UInt8(ascii: "`"): backticks()
            case UInt8(ascii: "*"), UInt8(ascii: "_"): delimiterRun(c)
            case UInt8(ascii: "~") where lesson: delimiterRun(c)
            case UInt8(ascii: "$") where lesson: math()
            case UInt8(ascii: "["):
                let node = append(.text, pos, pos + 1, bits: InlineParser.protected)
                pushBracket(node, index: pos, image: false)
                pos += 1
            case UInt8(ascii: "!"):
                if pos + 1 < end && s[pos + 1] == UInt8(ascii: "[") {
                    let node = append(.text, pos, pos + 2, bits: InlineParser.protected)
                    pushBracket(node, index: pos + 1, image: true)
                    pos += 2
                } else {
                    appendText(pos, pos + 1)
                    pos += 1
                }
            case UInt8(ascii: "]"): closeBracket()
            case UInt8(ascii: "<"): angle()
            case UInt8(ascii: "&"):
                let p = pos
                let a = Int(base) + extra.count
                if let next = HTMLEntities.decode(s, p, end, into: &extra) {
                    append(.text, a, Int(base) + extra.count, from: p)
                    pos = next
                } else {
                    appendText(p, p + 1)
                    pos += 1
                }
            default:
                let a = pos
                var p = pos + 1
                let special = self.special, e = end
                while p < e && !special[Int(s[p])] { p += 1 }
                pos = p
                appendText(a, p)
            }
        }
        processEmphasis(-1, in: block)
    }

    // MARK: - Breaks, escapes, code spans (§6.1, §6.4, §6.7, §6.8)

    private mutating func newline() {
        // The break starts at the line's trailing spaces and tabs, else at the line ending.
        var from = pos
        while from > start && isSpaceOrTab(s[from - 1]) { from -= 1 }
        pos += 1
        let last = nodes[Int(block)].lastChild
        var hard = false
        if last >= 0 && nodes[Int(last)].kind == .text {
            let l = Int(last)
            var e = Int(nodes[l].e0)
            let s0 = Int(nodes[l].s0)
            hard = e - s0 >= 2 && byte(e - 1) == 0x20 && byte(e - 2) == 0x20
            // Trailing spaces and tabs go (as cmark's rtrim).
            while e > s0 && isSpaceOrTab(byte(e - 1)) { e -= 1 }
            nodes[l].e0 = Int32(e)
        }
        append(hard ? .hardBreak : .softBreak, 0, 0, from: from)
        while pos < end && isSpaceOrTab(s[pos]) { pos += 1 }
    }

    /// A byte of the final buffer (block text or `extra`).
    @inline(__always) private func byte(_ i: Int) -> UInt8 { i < Int(base) ? s[i] : extra[i - Int(base)] }

    private mutating func backslash() {
        if pos + 1 < end {
            let next = s[pos + 1]
            if next == 0x0A {
                // As cmark, the next line's leading spaces stay (only lazy lines have any).
                append(.hardBreak, 0, 0, from: pos)
                pos += 2
                return
            }
            if isASCIIPunctuation(next) {
                appendText(pos + 1, pos + 2, from: pos)
                pos += 2
                return
            }
        }
        appendText(pos, pos + 1)
        pos += 1
    }

    private mutating func backticks() {
        let open = pos
        while pos < end && s[pos] == UInt8(ascii: "`") { pos += 1 }
        let length = pos - open
        guard let closer = findBackticks(length, from: pos) else {
            append(.text, open, pos)
            return
        }
        var a = pos, b = closer
        let hasNewline = s[a..<b].contains(0x0A)
        // Strip one space on each side when both are spaces (or line endings) and the content is not all spaces.
        if b - a >= 2 && (s[a] == 0x20 || s[a] == 0x0A) && (s[b - 1] == 0x20 || s[b - 1] == 0x0A) {
            var allSpace = true
            for i in a..<b where s[i] != 0x20 && s[i] != 0x0A { allSpace = false; break }
            if !allSpace { a += 1; b -= 1 }
        }
        if hasNewline {
            let x = Int(base) + extra.count
            for i in a..<b { extra.append(s[i] == 0x0A ? 0x20 : s[i]) }
            append(.code, x, Int(base) + extra.count, from: open)
        } else {
            append(.code, a, b, from: open)
        }
        pos = closer + length
    }

    /// The start of the first run of exactly `length` backticks at or after `from`, remembering every run
    /// seen so that a missing closer is known in O(1) after one full scan (cmark's approach).
    private mutating func findBackticks(_ length: Int, from: Int) -> Int? {
        if backticksScanned && (length >= backtickLast.count || backtickLast[length] < from) { return nil }
        var i = max(from, backticksScanned ? from : from)
        while i < end {
            if s[i] == UInt8(ascii: "`") {
                let runStart = i
                while i < end && s[i] == UInt8(ascii: "`") { i += 1 }
                let n = i - runStart
                if n >= backtickLast.count { backtickLast.append(contentsOf: repeatElement(-1, count: n + 1 - backtickLast.count)) }
                backtickLast[n] = max(backtickLast[n], runStart)
                if n == length { return runStart }
            } else {
                i += 1
            }
        }
        backticksScanned = true
        return nil
    }

    // MARK: - Autolinks and raw HTML (§6.5, §6.6)

    private mutating func angle() {
        let p = pos
        if let e = autolink(p) { pos = e; return }
        if let e = rawHTML(p) {
            append(.inlineHTML, p, e)
            pos = e
            return
        }
        appendText(p, p + 1)
        pos += 1
    }

    private mutating func autolink(_ p: Int) -> Int? {
        var i = p + 1
        // URI: a scheme of 2–32 characters, ":", then no spaces, controls, "<" or ">".
        if i < end && isASCIILetter(s[i]) {
            var j = i + 1
            while j < end && j - i < 33 && (isASCIIAlphanumeric(s[j]) || s[j] == UInt8(ascii: "+")
                                            || s[j] == UInt8(ascii: ".") || s[j] == UInt8(ascii: "-")) { j += 1 }
            if j - i >= 2 && j - i <= 32 && j < end && s[j] == UInt8(ascii: ":") {
                var k = j + 1
                while k < end && s[k] > 0x20 && s[k] != UInt8(ascii: "<") && s[k] != UInt8(ascii: ">") && s[k] != 0x7F { k += 1 }
                if k < end && s[k] == UInt8(ascii: ">") {
                    let link = append(.autolink, p + 1, k, from: p)
                    let saved = block
                    block = link
                    append(.text, p + 1, k)
                    block = saved
                    return k + 1
                }
            }
        }
        // Email: local part, "@", dot-separated labels of up to 63 characters.
        i = p + 1
        while i < end && (isASCIIAlphanumeric(s[i]) || "._!#$%&'*+/=?^`{|}~-".utf8.contains(s[i])) { i += 1 }
        guard i > p + 1, i < end, s[i] == UInt8(ascii: "@") else { return nil }
        var k = i + 1
        while true {
            let labelStart = k
            guard k < end, isASCIIAlphanumeric(s[k]) else { return nil }
            while k < end && (isASCIIAlphanumeric(s[k]) || s[k] == UInt8(ascii: "-")) && k - labelStart < 63 { k += 1 }
            guard s[k - 1] != UInt8(ascii: "-") else { return nil }
            guard k < end else { return nil }
            if s[k] == UInt8(ascii: ".") { k += 1; continue }
            if s[k] == UInt8(ascii: ">") { break }
            return nil
        }
        let d = Int(base) + extra.count
        extra.append(contentsOf: "mailto:".utf8)
        extra.append(contentsOf: UnsafeBufferPointer(rebasing: s[(p + 1)..<k]))
        let link = append(.autolink, d, Int(base) + extra.count, from: p)
        nodes[Int(link)].flags = 1
        let saved = block
        block = link
        append(.text, p + 1, k)
        block = saved
        return k + 1
    }

    /// Raw HTML at `s[p] == "<"`: open or closing tag, comment, processing instruction, declaration, CDATA.
    private mutating func rawHTML(_ p: Int) -> Int? {
        guard p + 1 < end else { return nil }
        let c = s[p + 1]
        if isASCIILetter(c) { return HTMLScanner.openTag(s, p, end) }
        if c == UInt8(ascii: "/") { return HTMLScanner.closingTag(s, p, end) }
        if c == UInt8(ascii: "?") { return search(0, p + 2, "?>") }
        guard c == UInt8(ascii: "!") else { return nil }
        if hasPrefixIgnoringCase(s, p, end, "<!--") {
            if hasPrefixIgnoringCase(s, p, end, "<!-->") { return p + 5 }
            if hasPrefixIgnoringCase(s, p, end, "<!--->") { return p + 6 }
            return search(1, p + 4, "-->")
        }
        if hasPrefixIgnoringCase(s, p, end, "<![CDATA[") { return search(2, p + 9, "]]>") }
        if p + 2 < end && isASCIILetter(s[p + 2]) { return search(3, p + 3, ">") }
        return nil
    }

    /// The index past the first `word` at or after `from`; a failed search is remembered per kind so that
    /// many unclosed openers stay linear.
    private mutating func search(_ kind: Int, _ from: Int, _ word: StaticString) -> Int? {
        if from >= failedFrom[kind] { return nil }
        if let i = HTMLScanner.find(s, from, end, word) { return i + word.utf8CodeUnitCount }
        failedFrom[kind] = from
        return nil
    }

    // MARK: - Math (lesson dialect)

    /// `$$…$$` (display) or `$…$` by pandoc's rule: the opening `$` is not followed by whitespace, the closing
    /// one not preceded by whitespace nor followed by a digit. Dollar amounts stay text.
    private mutating func math() {
        let p = pos
        if p + 1 < end && s[p + 1] == UInt8(ascii: "$") {
            if let close = search(4, p + 2, "$$"), close - 2 > p + 2 {
                let node = append(.inlineMath, p + 2, close - 2, from: p)
                nodes[Int(node)].flags = 1
                pos = close
                return
            }
            appendText(p, p + 2)
            pos = p + 2
            return
        }
        if p + 1 < end && !isASCIIWhitespace(s[p + 1]), let close = mathCloser(after: p + 1) {
            append(.inlineMath, p + 1, close, from: p)
            pos = close + 1
            return
        }
        appendText(p, p + 1)
        pos = p + 1
    }

    /// pandoc's rule: the closer is the first unescaped `$` after the opener; it must not follow whitespace
    /// nor precede a digit, else there is no math here. Each scan stops at the next `$`, so it stays linear.
    private func mathCloser(after p: Int) -> Int? {
        var i = p + 1
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "\\") { i += 2; continue }
            if c == UInt8(ascii: "$") {
                if isASCIIWhitespace(s[i - 1]) || (i + 1 < end && isASCIIDigit(s[i + 1])) { return nil }
                return i
            }
            i += 1
        }
        return nil
    }
}
