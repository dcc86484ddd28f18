import Dispatch

/// Matrix products on plain tensors: a packed, register-blocked kernel (GotoBLAS's layout, in plain Swift).
///
/// Both operands are first copied into panels (A in strips of `MR` rows, B in strips of `NR` columns, each
/// contiguous along the shared dimension); the transposed variants only change how the panels are read, so
/// `aᵀ·b` and `a·bᵀ` cost the same as `a·b`. The micro-kernel keeps an `MR` × `NR` block of the result in SIMD
/// registers while it walks the shared dimension. Every element is summed over the shared index in increasing
/// order, so results do not depend on the blocking. Cost: 2·m·n·k flops and O(mk + kn) copying.
extension Tensor {
    /// The matrix product `self · other` of an m × k and a k × n matrix.
    public func matmul(_ other: Tensor) -> Tensor {
        Tensor.gemm(self, transposeA: false, other, transposeB: false)
    }

    /// `op(a) · op(b)` where `op` transposes when asked. Both must be matrices (rank 2).
    public static func gemm(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool) -> Tensor {
        precondition(a.shape.rank == 2 && b.shape.rank == 2,
                     "matmul needs two matrices, not \(a.shape) and \(b.shape)")
        let m = transposeA ? a.shape.cols : a.shape.rows, k = transposeA ? a.shape.rows : a.shape.cols
        let kb = transposeB ? b.shape.cols : b.shape.rows, n = transposeB ? b.shape.rows : b.shape.cols
        precondition(k == kb, "cannot multiply \(transposeA ? "transposed " : "")\(a.shape) by "
                     + "\(transposeB ? "transposed " : "")\(b.shape): inner sizes \(k) and \(kb) differ")
        let out = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    multiply(m: m, n: n, k: k, a: pa.baseAddress, aTransposed: transposeA,
                             b: pb.baseAddress, bTransposed: transposeB, c: c.baseAddress)
                }
            }
            initialized = m * n
        }
        return Tensor(shape: .matrix(m, n), scalars: out)
    }

    // MARK: - Kernel

    /// Products of at least this many flops use two threads.
    static let parallelThreshold = 1 << 20

    private static let MR = 6
    private static let NR = 4

    private static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Double>?, aTransposed: Bool,
                                 b: UnsafePointer<Double>?, bTransposed: Bool, c: UnsafeMutablePointer<Double>?) {
        guard m > 0, n > 0, let c else { return }
        guard k > 0, let a, let b else {
            c.initialize(repeating: 0, count: m * n)
            return
        }
        let rowBlocks = (m + MR - 1) / MR, colBlocks = (n + NR - 1) / NR
        let packedA = UnsafeMutablePointer<Double>.allocate(capacity: rowBlocks * MR * k)
        let packedB = UnsafeMutablePointer<Double>.allocate(capacity: colBlocks * NR * k)
        defer { packedA.deallocate(); packedB.deallocate() }
        // A(i, p) lives at a[i·k + p], or a[p·m + i] when a holds Aᵀ.
        for block in 0..<rowBlocks {
            let panel = packedA + block * MR * k
            for ii in 0..<MR {
                let i = block * MR + ii
                if i >= m { for p in 0..<k { panel[p * MR + ii] = 0 } }
                else if aTransposed { for p in 0..<k { panel[p * MR + ii] = a[p * m + i] } }
                else { for p in 0..<k { panel[p * MR + ii] = a[i * k + p] } }
            }
        }
        // B(p, j) lives at b[p·n + j], or b[j·k + p] when b holds Bᵀ.
        for block in 0..<colBlocks {
            let panel = packedB + block * NR * k
            let j0 = block * NR, width = Swift.min(NR, n - j0)
            if bTransposed {
                for jj in 0..<NR {
                    if jj < width { for p in 0..<k { panel[p * NR + jj] = b[(j0 + jj) * k + p] } }
                    else { for p in 0..<k { panel[p * NR + jj] = 0 } }
                }
            } else {
                for p in 0..<k {
                    for jj in 0..<NR { panel[p * NR + jj] = jj < width ? b[p * n + j0 + jj] : 0 }
                }
            }
        }
        let panels = Panels(a: packedA, b: packedB, c: c)
        @Sendable func multiplyRowBlocks(_ range: Range<Int>) {
            for rb in range {
                for cb in 0..<colBlocks {
                    microKernel(k: k, a: panels.a + rb * MR * k, b: panels.b + cb * NR * k,
                                c: panels.c, ldc: n, row: rb * MR, col: cb * NR,
                                rows: Swift.min(MR, m - rb * MR), cols: Swift.min(NR, n - cb * NR))
                }
            }
        }
        // Large products are split by row blocks between two threads; each result element is still summed by
        // one thread in the same order, so the result does not depend on the split.
        if 2 * m * n * k >= parallelThreshold && rowBlocks >= 4 {
            let half = rowBlocks / 2
            DispatchQueue.concurrentPerform(iterations: 2) { part in
                multiplyRowBlocks(part == 0 ? 0 ..< half : half ..< rowBlocks)
            }
        } else {
            multiplyRowBlocks(0 ..< rowBlocks)
        }
    }

    /// The packed operands and the result, shared read-only (a, b) or by disjoint rows (c) between threads.
    private struct Panels: @unchecked Sendable {
        let a: UnsafeMutablePointer<Double>
        let b: UnsafeMutablePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }

    /// c[row..<row+rows, col..<col+cols] = the packed 6 × 4 block product, accumulated in six SIMD4 values
    /// (twelve of SSE2's sixteen registers): per step of the shared index, one load of B, six broadcasts of A,
    /// 12 mul + 12 add.
    @inline(__always)
    private static func microKernel(k: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                    c: UnsafeMutablePointer<Double>, ldc: Int, row: Int, col: Int,
                                    rows: Int, cols: Int) {
        typealias V = SIMD4<Double>
        var c0 = V(), c1 = V(), c2 = V(), c3 = V(), c4 = V(), c5 = V()
        let rawB = UnsafeRawPointer(b)
        for p in 0..<k {
            let bv = rawB.loadUnaligned(fromByteOffset: p * 32, as: V.self)
            let ap = a + p * 6
            c0 += V(repeating: ap[0]) * bv
            c1 += V(repeating: ap[1]) * bv
            c2 += V(repeating: ap[2]) * bv
            c3 += V(repeating: ap[3]) * bv
            c4 += V(repeating: ap[4]) * bv
            c5 += V(repeating: ap[5]) * bv
        }
        if rows > 0 { store(c0, to: c + row * ldc + col, cols: cols) }
        if rows > 1 { store(c1, to: c + (row + 1) * ldc + col, cols: cols) }
        if rows > 2 { store(c2, to: c + (row + 2) * ldc + col, cols: cols) }
        if rows > 3 { store(c3, to: c + (row + 3) * ldc + col, cols: cols) }
        if rows > 4 { store(c4, to: c + (row + 4) * ldc + col, cols: cols) }
        if rows > 5 { store(c5, to: c + (row + 5) * ldc + col, cols: cols) }
    }

    @inline(__always)
    private static func store(_ v: SIMD4<Double>, to out: UnsafeMutablePointer<Double>, cols: Int) {
        if cols == 4 {
            UnsafeMutableRawPointer(out).storeBytes(of: v, as: SIMD4<Double>.self)
        } else {
            for jj in 0..<cols { out[jj] = v[jj] }
        }
    }
}
