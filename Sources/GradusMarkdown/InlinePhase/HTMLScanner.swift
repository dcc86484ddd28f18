/// Scanners for raw HTML (CommonMark 0.31.2 §6.6). Each takes `s[p] == "<"` and returns the index just past
/// the construct, or nil.
enum HTMLScanner {
    @inline(__always) static func isTagSpace(_ c: UInt8) -> Bool { isASCIIWhitespace(c) }

    /// `<` tag name, attributes, optional spaces, optional `/`, `>`.
    static func openTag(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int? {
        var i = p + 1
        guard i < end, isASCIILetter(s[i]) else { return nil }
        while i < end && (isASCIIAlphanumeric(s[i]) || s[i] == UInt8(ascii: "-")) { i += 1 }
        while true {
            var j = i
            while j < end && isTagSpace(s[j]) { j += 1 }
            guard j < end else { return nil }
            let c = s[j]
            if c == UInt8(ascii: ">") { return j + 1 }
            if c == UInt8(ascii: "/") { return j + 1 < end && s[j + 1] == UInt8(ascii: ">") ? j + 2 : nil }
            // An attribute needs whitespace before it.
            guard j > i, isASCIILetter(c) || c == UInt8(ascii: "_") || c == UInt8(ascii: ":") else { return nil }
            j += 1
            while j < end && (isASCIIAlphanumeric(s[j]) || s[j] == UInt8(ascii: "_") || s[j] == UInt8(ascii: ".")
                              || s[j] == UInt8(ascii: ":") || s[j] == UInt8(ascii: "-")) { j += 1 }
            i = j
            // Optional value specification.
            var k = j
            while k < end && isTagSpace(s[k]) { k += 1 }
            if k < end && s[k] == UInt8(ascii: "=") {
                k += 1
                while k < end && isTagSpace(s[k]) { k += 1 }
                guard k < end else { return nil }
                let q = s[k]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    k += 1
                    while k < end && s[k] != q { k += 1 }
                    guard k < end else { return nil }
                    i = k + 1
                } else {
                    let start = k
                    while k < end {
                        let u = s[k]
                        if isTagSpace(u) || u == UInt8(ascii: "\"") || u == UInt8(ascii: "'") || u == UInt8(ascii: "=")
                            || u == UInt8(ascii: "<") || u == UInt8(ascii: ">") || u == UInt8(ascii: "`") { break }
                        k += 1
                    }
                    guard k > start else { return nil }
                    i = k
                }
            }
        }
    }

    /// `</` tag name, optional spaces, `>`.
    static func closingTag(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int? {
        var i = p + 2
        guard i < end, s[p + 1] == UInt8(ascii: "/"), isASCIILetter(s[i]) else { return nil }
        while i < end && (isASCIIAlphanumeric(s[i]) || s[i] == UInt8(ascii: "-")) { i += 1 }
        while i < end && isTagSpace(s[i]) { i += 1 }
        return i < end && s[i] == UInt8(ascii: ">") ? i + 1 : nil
    }

    /// Index of the first occurrence of `word` in `s[p..<end]`, or nil.
    static func find(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, _ word: StaticString) -> Int? {
        let n = word.utf8CodeUnitCount
        let w = word.utf8Start
        var i = p
        while i + n <= end {
            if s[i] == w[0] {
                var k = 1
                while k < n && s[i + k] == w[k] { k += 1 }
                if k == n { return i }
            }
            i += 1
        }
        return nil
    }
}
