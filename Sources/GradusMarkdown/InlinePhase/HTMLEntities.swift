/// Named and numeric character references (CommonMark 0.31.2 §2.5), decoded to UTF-8.
enum HTMLEntities {
    struct Entry: Sendable {
        var name: [UInt8]
        var value: [UInt8]
    }

    /// The table parsed once from `entityTableSource`, sorted by name.
    static let table: [Entry] = {
        var entries: [Entry] = []
        entries.reserveCapacity(2200)
        for line in entityTableSource.utf8.split(separator: 0x0A) {
            guard let space = line.firstIndex(of: 0x20) else { continue }
            var value: [UInt8] = []
            for hex in line[line.index(after: space)...].split(separator: UInt8(ascii: ",")) {
                let code = UInt32(String(decoding: hex, as: UTF8.self), radix: 16) ?? 0xFFFD
                appendUTF8(Unicode.Scalar(code) ?? "\u{FFFD}", to: &value)
            }
            entries.append(Entry(name: Array(line[..<space]), value: value))
        }
        return entries
    }()

    /// The UTF-8 of the entity `s[p..<end]` (the name without `&` and `;`), or nil when it is not one.
    static func lookup(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> [UInt8]? {
        let t = table
        var lo = 0, hi = t.count
        while lo < hi {
            let mid = (lo + hi) / 2
            let c = compare(t[mid].name, s, p, end)
            if c == 0 { return t[mid].value }
            if c < 0 { lo = mid + 1 } else { hi = mid }
        }
        return nil
    }

    private static func compare(_ a: [UInt8], _ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        let n = end - p
        for i in 0..<min(a.count, n) where a[i] != s[p + i] { return a[i] < s[p + i] ? -1 : 1 }
        return a.count - n
    }

    /// Appends the UTF-8 encoding of `scalar`.
    static func appendUTF8(_ scalar: Unicode.Scalar, to out: inout [UInt8]) {
        let v = scalar.value
        switch v {
        case 0..<0x80: out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6)); out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12)); out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18)); out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F)); out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    /// Decodes the reference starting at `s[p] == "&"`: appends it to `out` and returns the index past `;`,
    /// or returns nil (nothing appended) when there is no valid reference.
    static func decode(_ s: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int, into out: inout [UInt8]) -> Int? {
        var i = p + 1
        guard i < end else { return nil }
        if s[i] == UInt8(ascii: "#") {
            i += 1
            var value: UInt32 = 0
            let start: Int
            if i < end && (s[i] | 0x20) == UInt8(ascii: "x") {
                i += 1
                start = i
                while i < end && i - start < 7, let d = hexValue(s[i]) { value = value * 16 + d; i += 1 }
                guard i - start >= 1 && i - start <= 6 else { return nil }
            } else {
                start = i
                while i < end && i - start < 8 && isASCIIDigit(s[i]) { value = value * 10 + UInt32(s[i] - 0x30); i += 1 }
                guard i - start >= 1 && i - start <= 7 else { return nil }
            }
            guard i < end, s[i] == UInt8(ascii: ";") else { return nil }
            let scalar = value == 0 ? nil : Unicode.Scalar(value)
            appendUTF8(scalar ?? "\u{FFFD}", to: &out)
            return i + 1
        }
        let start = i
        while i < end && i - start <= 32 && isASCIIAlphanumeric(s[i]) { i += 1 }
        guard i > start, i < end, s[i] == UInt8(ascii: ";"), let value = lookup(s, start, i) else { return nil }
        out.append(contentsOf: value)
        return i + 1
    }

    private static func hexValue(_ c: UInt8) -> UInt32? {
        if isASCIIDigit(c) { return UInt32(c - 0x30) }
        let l = c | 0x20
        if l >= UInt8(ascii: "a") && l <= UInt8(ascii: "f") { return UInt32(l - UInt8(ascii: "a") + 10) }
        return nil
    }
}
