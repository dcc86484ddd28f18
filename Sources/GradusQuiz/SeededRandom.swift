/// A small deterministic random source (SplitMix64, Steele, Lea and Flood 2014): the same seed gives the same
/// sequence on every machine and toolchain, unlike the standard library's shuffles, whose algorithm may change.
public struct SeededRandom: Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    /// Seeded by a text (FNV-1a, 64 bits, over its UTF-8 bytes) mixed with `seed`.
    public init(key: String, seed: UInt64 = 0) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in key.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        state = hash ^ (seed &* 0x9e37_79b9_7f4a_7c15)
    }

    public mutating func next() -> UInt64 {
        state = state &+ 0x9e37_79b9_7f4a_7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0), from the high bits of a 128-bit product (Lemire's method without
    /// the rejection step; the bias is below 2⁻⁵⁰ for the small bounds a quiz uses).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
    }

    /// Fisher–Yates shuffle of `items`, the same permutation for the same state everywhere.
    public mutating func shuffle<T>(_ items: inout [T]) {
        guard items.count > 1 else { return }
        for i in stride(from: items.count - 1, to: 0, by: -1) {
            let j = below(i + 1)
            if i != j { items.swapAt(i, j) }
        }
    }
}
