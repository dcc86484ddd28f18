/// Four doubles at a time, for elementwise loops the compiler does not vectorise itself (it cannot prove that
/// their buffers do not overlap). A last group of fewer than four is loaded zero-padded and only its valid lanes
/// are stored, so each formula is written once. Lane arithmetic is IEEE arithmetic: the bits of the scalar loop.
enum Lanes {
    typealias V = SIMD4<Double>

    /// Calls `body(j, count)` for j = 0, 4, 8, … below n, with count = min(4, n − j).
    @inline(__always)
    static func forEach(_ n: Int, _ body: (Int, Int) -> Void) {
        var j = 0
        while j < n {
            body(j, Swift.min(4, n - j))
            j += 4
        }
    }

    /// `count` (1 … 4) values from `p`, zeros after them.
    @inline(__always)
    static func load(_ p: UnsafePointer<Double>, _ count: Int) -> V {
        if count == 4 { return UnsafeRawPointer(p).loadUnaligned(as: V.self) }
        var v = V()
        for lane in 0..<count { v[lane] = p[lane] }
        return v
    }

    @inline(__always)
    static func load(_ p: UnsafeMutablePointer<Double>, _ count: Int) -> V { load(UnsafePointer(p), count) }

    /// The first `count` (1 … 4) lanes of `v` into `p`.
    @inline(__always)
    static func store(_ v: V, to p: UnsafeMutablePointer<Double>, _ count: Int) {
        if count == 4 { UnsafeMutableRawPointer(p).storeBytes(of: v, as: V.self); return }
        for lane in 0..<count { p[lane] = v[lane] }
    }
}
