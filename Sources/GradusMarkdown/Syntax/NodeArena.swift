#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The nodes of one document in one allocated block (on huge pages when large, see `HugePages`), addressed in
/// place: `nodes[i].next = j` is a store, with no copy-on-write uniqueness check as an `Array` element's would
/// make on every write (the parsers write links millions of times). A bounds check stays.
///
/// It is a view, not an owner: copies share the block. The block phase allocates it, hands it to the inline
/// phase, which hands it to the `MarkdownTree`, whose `deinit` frees it; from then on it is never written.
struct NodeArena: @unchecked Sendable {
    private(set) var base: UnsafeMutablePointer<RawNode>
    private(set) var count = 0
    private(set) var capacity: Int
    /// The nodes' details (see `RawNode.aux`), in a block of their own.
    private(set) var details: UnsafeMutablePointer<NodeDetail>
    private(set) var detailCount = 0
    private(set) var detailCapacity = 64

    init(capacity: Int) {
        self.capacity = max(capacity, 16)
        base = HugePages.allocate(self.capacity * MemoryLayout<RawNode>.stride)
            .bindMemory(to: RawNode.self, capacity: self.capacity)
        details = malloc(detailCapacity * MemoryLayout<NodeDetail>.stride)!
            .bindMemory(to: NodeDetail.self, capacity: detailCapacity)
    }

    /// The detail of node `i`, which must have one (see `addDetail`).
    subscript(detail i: Int) -> NodeDetail {
        @inline(__always) unsafeAddress {
            let d = Int(self[i].aux)
            precondition(UInt(bitPattern: d) < UInt(bitPattern: detailCount), "node without detail")
            return UnsafePointer(details + d)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            let d = Int(self[i].aux)
            precondition(UInt(bitPattern: d) < UInt(bitPattern: detailCount), "node without detail")
            return details + d
        }
    }

    /// The detail of node `i`, or an empty one when it has none.
    func detailOrEmpty(_ i: Int) -> NodeDetail {
        let d = Int(self[i].aux)
        return d >= 0 ? details[d] : NodeDetail()
    }

    /// Gives node `i` a detail (zeroed) unless it has one.
    mutating func addDetail(_ i: Int) {
        guard self[i].aux < 0 else { return }
        if detailCount == detailCapacity {
            detailCapacity *= 2
            details = realloc(details, detailCapacity * MemoryLayout<NodeDetail>.stride)!
                .bindMemory(to: NodeDetail.self, capacity: detailCapacity)
        }
        (details + detailCount).initialize(to: NodeDetail())
        self[i].aux = Int32(detailCount)
        detailCount += 1
    }

    subscript(i: Int) -> RawNode {
        @inline(__always) unsafeAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "node index out of range")
            return UnsafePointer(base + i)
        }
        @inline(__always) nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: i) < UInt(bitPattern: count), "node index out of range")
            return base + i
        }
    }

    @inline(__always) mutating func append(_ node: RawNode) {
        if count == capacity { grow() }
        (base + count).initialize(to: node)
        count += 1
    }

    private mutating func grow() {
        capacity *= 2
        base = HugePages.reallocate(base, to: capacity * MemoryLayout<RawNode>.stride)
            .bindMemory(to: RawNode.self, capacity: capacity)
    }

    var buffer: UnsafeBufferPointer<RawNode> { UnsafeBufferPointer(start: base, count: count) }
    var detailBuffer: UnsafeBufferPointer<NodeDetail> { UnsafeBufferPointer(start: details, count: detailCount) }
    var indices: Range<Int> { 0..<count }

    /// Frees the blocks (the tree's `deinit`).
    func deallocate() {
        free(base)
        free(details)
    }
}
