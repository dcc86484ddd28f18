/// One entry of a document's line table: the content byte at `offset` (in the document's byte buffer) came
/// from `line`:`column` of the source (1-based; the column counts Unicode scalars), and the bytes after it, up
/// to the next entry, follow it one for one. Entries are sorted by offset.
struct LineEntry: Sendable {
    var offset: Int32
    var line: Int32
    var column: Int32
}

/// Maps offsets of block content (paragraphs, headings, table cells) to source positions: a binary search
/// finds the entry at or before the offset, whose line it is; the column grows by one per Unicode scalar
/// (per byte that is not a UTF-8 continuation byte, 0b10xxxxxx) from the entry's. The block phase adds a
/// checkpoint entry every `checkpoint` bytes of a long line, so one lookup costs O(log entries + 4 KiB).
enum LineTable {
    static let checkpoint = 4096

    /// The position of content byte `x`, nil when the table is empty.
    static func position(of x: Int, in entries: UnsafeBufferPointer<LineEntry>,
                         bytes: UnsafeBufferPointer<UInt8>) -> SourcePosition? {
        guard !entries.isEmpty else { return nil }
        var lo = 0, hi = entries.count
        while hi - lo > 1 {
            let mid = (lo + hi) / 2
            if Int(entries[mid].offset) <= x { lo = mid } else { hi = mid }
        }
        let entry = entries[lo]
        let start = Int(entry.offset)
        let column = Int(entry.column) + (x > start ? scalars(bytes, start, min(x, bytes.count)) : 0)
        return SourcePosition(line: Int(entry.line), column: column)
    }

    /// The number of Unicode scalars in `bytes[from..<to]`: the bytes that are not continuation bytes, counted
    /// eight at a time.
    static func scalars(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        guard let base = bytes.baseAddress, from < to, to <= bytes.count else { return 0 }
        let raw = UnsafeRawPointer(base)
        var i = from, n = 0
        while i &+ 8 <= to {
            let w = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            // Continuation bytes have bit 7 set and bit 6 clear (`w << 1` brings bit 6 to bit 7): one bit per
            // byte, summed by a multiplication into the top byte.
            let ones = (w & ~(w &<< 1) & 0x8080_8080_8080_8080) &>> 7
            n &+= 8 &- Int(truncatingIfNeeded: (ones &* 0x0101_0101_0101_0101) &>> 56)
            i &+= 8
        }
        while i < to {
            if bytes[i] & 0xC0 != 0x80 { n &+= 1 }
            i &+= 1
        }
        return n
    }
}
