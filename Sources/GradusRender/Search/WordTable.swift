import Foundation

/// Counts words by their bytes: an open-addressing hash table over one byte arena, so that counting a word that
/// was seen before allocates nothing. The search index counts every word of every section this way.
struct WordTable {
    struct Entry {
        var start: Int
        var length: Int
        var count: Int
        var ascii: Bool
    }

    private(set) var entries: [Entry] = []
    private var bytes: [UInt8] = []
    /// Index into `entries` plus one; 0 is an empty slot. The size is a power of two, at most half full.
    private var slots = [Int32](repeating: 0, count: 64)

    mutating func add(_ word: UnsafeBufferPointer<UInt8>, ascii: Bool) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: Self.hash(word)) & mask
        while slots[slot] != 0 {
            let index = Int(slots[slot]) - 1
            if matches(entries[index], word) {
                entries[index].count += 1
                return
            }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(entries.count + 1)
        entries.append(Entry(start: bytes.count, length: word.count, count: 1, ascii: ascii))
        bytes.append(contentsOf: word)
        if entries.count * 2 > slots.count { grow() }
    }

    /// Each distinct word's bytes, whether it is ASCII, and its count, in the order first seen.
    func forEach(_ body: (UnsafeBufferPointer<UInt8>, Bool, Int) -> Void) {
        bytes.withUnsafeBufferPointer { arena in
            for entry in entries {
                body(UnsafeBufferPointer(rebasing: arena[entry.start..<entry.start + entry.length]), entry.ascii, entry.count)
            }
        }
    }

    /// Eight bytes at a time, each step a multiply and a rotation: a table per section needs no protection
    /// against chosen collisions, only a good spread.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = UInt64(word.count) &* 0x9E37_79B9_7F4A_7C15
        var i = 0
        let n = word.count
        guard let base = word.baseAddress else { return hash }
        while i + 8 <= n {
            hash = (hash ^ UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash = hash << 29 | hash >> 35
            i += 8
        }
        if i < n {
            var tail: UInt64 = 0
            for k in i..<n { tail |= UInt64(base[k]) << UInt64(8 * (k - i)) }
            hash = (hash ^ tail) &* 0xFF51_AFD7_ED55_8CCD
        }
        return hash ^ hash >> 32
    }

    private func matches(_ entry: Entry, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        guard entry.length == word.count else { return false }
        return bytes.withUnsafeBufferPointer { arena in
            word.count == 0 || memcmp(arena.baseAddress! + entry.start, word.baseAddress!, word.count) == 0
        }
    }

    private mutating func grow() {
        var larger = [Int32](repeating: 0, count: slots.count * 2)
        let mask = larger.count - 1
        bytes.withUnsafeBufferPointer { arena in
            for (index, entry) in entries.enumerated() {
                var slot = Int(truncatingIfNeeded: Self.hash(UnsafeBufferPointer(rebasing: arena[entry.start..<entry.start + entry.length]))) & mask
                while larger[slot] != 0 { slot = (slot + 1) & mask }
                larger[slot] = Int32(index + 1)
            }
        }
        slots = larger
    }
}
