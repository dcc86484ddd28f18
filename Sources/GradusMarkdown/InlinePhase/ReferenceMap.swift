/// A link reference definition: destination and title as ranges into the document's bytes.
struct Reference {
    var destinationStart: Int32, destinationEnd: Int32
    var titleStart: Int32, titleEnd: Int32
    var hasTitle: Bool
}

/// The document's link reference definitions by normalized label (§4.7): an open-addressing hash table whose keys
/// lie back to back in one buffer and whose entries keep their hash, so that growing it moves indices without
/// hashing again. With hundreds of thousands of definitions a `Dictionary` keyed by `[UInt8]` spent most of the
/// parse hashing, rehashing and chasing one allocation per key. The hash is Swift's `Hasher`, seeded afresh in
/// every process, so no input can be written to make labels collide (the attack that cmark's pathological
/// "reference collisions" case plays on a fixed hash).
struct ReferenceMap {
    private struct Entry {
        var hash: Int
        var keyStart: Int32, keyEnd: Int32
        var reference: Reference
    }

    private var keys: [UInt8] = []
    private var entries: [Entry] = []
    /// Entry index + 1 per slot, 0 for an empty slot; the count is a power of two, at least twice the entries'.
    private var slots = [Int32](repeating: 0, count: 16)

    /// The definition of `label` (already normalized), if any.
    subscript(label: [UInt8]) -> Reference? {
        let hash = Self.hash(label)
        let mask = slots.count - 1
        var i = hash & mask
        while slots[i] != 0 {
            let entry = entries[Int(slots[i]) - 1]
            if entry.hash == hash && matches(entry, label) { return entry.reference }
            i = (i + 1) & mask
        }
        return nil
    }

    /// Adds the definition of `label`, which must not be defined yet (the first definition wins: ask first).
    mutating func add(_ label: [UInt8], _ reference: Reference) {
        if 2 * (entries.count + 1) > slots.count { grow() }
        let hash = Self.hash(label)
        entries.append(Entry(hash: hash, keyStart: Int32(keys.count), keyEnd: Int32(keys.count + label.count),
                             reference: reference))
        keys.append(contentsOf: label)
        place(entries.count - 1)
    }

    // MARK: - Helpers

    private static func hash(_ label: [UInt8]) -> Int {
        var hasher = Hasher()
        label.withUnsafeBytes { hasher.combine(bytes: $0) }
        return hasher.finalize()
    }

    private func matches(_ entry: Entry, _ label: [UInt8]) -> Bool {
        guard Int(entry.keyEnd - entry.keyStart) == label.count else { return false }
        var k = Int(entry.keyStart)
        for byte in label {
            if keys[k] != byte { return false }
            k += 1
        }
        return true
    }

    private mutating func place(_ index: Int) {
        let mask = slots.count - 1
        var i = entries[index].hash & mask
        while slots[i] != 0 { i = (i + 1) & mask }
        slots[i] = Int32(index + 1)
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for index in entries.indices { place(index) }
    }
}
