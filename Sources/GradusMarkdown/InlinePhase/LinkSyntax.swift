/// Link labels, destinations and titles (CommonMark 0.31.2 §6.3), reference definitions (§4.7), and the
/// unescaping of their text. Shared by both phases; every scanner takes a buffer, a start and an end.
enum LinkSyntax {
    /// A link label `[…]` at `s[p]`: at most 999 characters, no unescaped brackets, not only whitespace.
    /// Returns the index past `]`.
    static func label(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int? {
        guard p < end, s[p] == UInt8(ascii: "[") else { return nil }
        var i = p + 1
        var nonBlank = false
        while i < end && i - p <= 1000 {
            let c = s[i]
            if c == UInt8(ascii: "]") { return nonBlank && i - p - 1 <= 999 ? i + 1 : nil }
            if c == UInt8(ascii: "[") { return nil }
            if c == UInt8(ascii: "\\") && i + 1 < end && isASCIIPunctuation(s[i + 1]) { i += 1; nonBlank = true }
            else if !isASCIIWhitespace(c) { nonBlank = true }
            i += 1
        }
        return nil
    }

    /// A link destination at `s[p]`: `<…>` or a run without spaces or controls and with balanced
    /// parentheses. Returns the raw content's range and the index after it.
    static func destination(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> (Int, Int, Int)? {
        guard p < end else { return nil }
        if s[p] == UInt8(ascii: "<") {
            var i = p + 1
            while i < end {
                let c = s[i]
                if c == UInt8(ascii: ">") { return (p + 1, i, i + 1) }
                if c == UInt8(ascii: "<") || c == 0x0A || c == 0x0D { return nil }
                if c == UInt8(ascii: "\\") && i + 1 < end && isASCIIPunctuation(s[i + 1]) { i += 1 }
                i += 1
            }
            return nil
        }
        var i = p
        var depth = 0
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "\\") && i + 1 < end && isASCIIPunctuation(s[i + 1]) {
                i += 2
                continue
            }
            if c == UInt8(ascii: "(") {
                // Nesting is bounded (as cmark, at 32) so that unclosed destinations stay linear (§6.3).
                depth += 1
                if depth > 32 { return nil }
            } else if c == UInt8(ascii: ")") {
                if depth == 0 { break }
                depth -= 1
            } else if c <= 0x20 || c == 0x7F {
                break
            }
            i += 1
        }
        guard i > p, depth == 0 else { return nil }
        return (p, i, i)
    }

    /// A link title at `s[p]`: `"…"`, `'…'` or `(…)`. Returns the raw content's range and the index after it.
    static func title(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> (Int, Int, Int)? {
        guard p < end else { return nil }
        let open = s[p]
        let close: UInt8
        switch open {
        case UInt8(ascii: "\""): close = open
        case UInt8(ascii: "'"): close = open
        case UInt8(ascii: "("): close = UInt8(ascii: ")")
        default: return nil
        }
        var i = p + 1
        while i < end {
            let c = s[i]
            if c == close { return (p + 1, i, i + 1) }
            if open == UInt8(ascii: "(") && c == UInt8(ascii: "(") { return nil }
            if c == UInt8(ascii: "\\") && i + 1 < end && isASCIIPunctuation(s[i + 1]) { i += 1 }
            // A blank line ends any title.
            if c == 0x0A {
                var j = i + 1
                while j < end && isSpaceOrTab(s[j]) { j += 1 }
                if j < end && s[j] == 0x0A { return nil }
            }
            i += 1
        }
        return nil
    }

    /// Skips spaces and tabs and at most one line ending.
    static func spnl(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        var i = p
        while i < end && isSpaceOrTab(s[i]) { i += 1 }
        if i < end && s[i] == 0x0A {
            i += 1
            while i < end && isSpaceOrTab(s[i]) { i += 1 }
        }
        return i
    }

    /// Appends `s[p..<end]` with backslash escapes and character references resolved.
    static func unescape(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, into out: inout [UInt8]) {
        var i = p
        while i < end {
            let c = s[i]
            if c == UInt8(ascii: "\\") && i + 1 < end && isASCIIPunctuation(s[i + 1]) {
                out.append(s[i + 1])
                i += 2
            } else if c == UInt8(ascii: "&"), let next = HTMLEntities.decode(s, i, end, into: &out) {
                i = next
            } else {
                out.append(c)
                i += 1
            }
        }
    }

    /// Parses one reference definition at `s[p]` (§4.7), records it (the first definition of a label wins) and
    /// returns how many bytes it used, or 0.
    static func referenceDefinition(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int,
                                    into text: inout [UInt8], references: inout ReferenceMap) -> Int {
        guard let labelEnd = label(s, p, end), labelEnd < end, s[labelEnd] == UInt8(ascii: ":") else { return 0 }
        let d = spnl(s, labelEnd + 1, end)
        guard let (ds, de, afterDest) = destination(s, d, end) else { return 0 }
        var i = afterDest
        var titleRange: (Int, Int)? = nil
        let beforeTitle = i
        let t = spnl(s, i, end)
        if t != beforeTitle, let (ts, te, afterTitle) = title(s, t, end) {
            titleRange = (ts, te)
            i = afterTitle
        }
        // The rest of the line must be blank; else retry without the title.
        var j = i
        while j < end && isSpaceOrTab(s[j]) { j += 1 }
        if j < end && s[j] != 0x0A {
            guard titleRange != nil else { return 0 }
            titleRange = nil
            j = beforeTitle
            while j < end && isSpaceOrTab(s[j]) { j += 1 }
            if j < end && s[j] != 0x0A { return 0 }
        }
        if j < end { j += 1 }
        let key = normalizedLabel(s, p + 1, labelEnd - 1)
        if key.isEmpty { return 0 }
        if references[key] == nil {
            var ref = Reference(destinationStart: Int32(text.count), destinationEnd: 0, titleStart: 0, titleEnd: 0,
                                hasTitle: titleRange != nil)
            unescape(s, ds, de, into: &text)
            ref.destinationEnd = Int32(text.count)
            if let (ts, te) = titleRange {
                ref.titleStart = Int32(text.count)
                unescape(s, ts, te, into: &text)
                ref.titleEnd = Int32(text.count)
            }
            references.add(key, ref)
        }
        return j - p
    }

    /// A label's matching key (§4.7): Unicode case fold, whitespace runs collapsed to one space, trimmed.
    static func normalizedLabel(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> [UInt8] {
        var out: [UInt8] = []
        normalizeLabel(s, p, end, into: &out)
        return out
    }

    /// `normalizedLabel` into a reused buffer (no allocation for ASCII labels once it has grown).
    static func normalizeLabel(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, into out: inout [UInt8]) {
        out.removeAll(keepingCapacity: true)
        var ascii = true
        var pendingSpace = false
        for i in p..<end {
            var c = s[i]
            if isASCIIWhitespace(c) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20); pendingSpace = false }
            if c >= 0x80 { ascii = false } else { c = asciiLower(c) }
            out.append(c)
        }
        if ascii { return }
        // ẞ and ß fold to "ss": lower, upper, lower reaches the full case fold for labels.
        let folded = String(decoding: out, as: UTF8.self).lowercased().uppercased().lowercased()
        out = Array(folded.utf8)
    }
}
