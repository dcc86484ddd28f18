import Dispatch

/// Matrix products on plain tensors: a packed, register-blocked kernel (GotoBLAS's layout, in plain Swift).
///
/// Both operands are first copied into panels (A in strips of `MR` rows, B in strips of `NR` columns, each
/// contiguous along the shared dimension); the transposed variants only change how the panels are read, so
/// `aᵀ·b` and `a·bᵀ` cost the same as `a·b`. The micro-kernel keeps an `MR` × `NR` block of the result in SIMD
/// registers while it walks the shared dimension. Every element is summed over the shared index in increasing
/// order, so results do not depend on the blocking. Each step of a sum is one fused multiply-add
/// (`ProductRounding`), on every path and every machine. Cost:
/// 2·m·n·k flops and O(mk + kn) copying.
///
/// Where the CPU has AVX, `gemm` runs the same scheme with micro-kernels generated at run time
/// (Matmul+AVX.swift, JIT/AVXMicroKernel.swift: one per height of row block, 1 … 6, storing or adding into C),
/// which round exactly as this one: the same bits, twice the lanes. `addProduct` (C += op(A)·op(B)) finishes
/// each sum before adding it, so a gradient accumulated in place has the bits of one accumulated through a
/// temporary.
extension Tensor {
    /// The matrix product `self · other` of an m × k and a k × n matrix.
    public func matmul(_ other: Tensor) -> Tensor {
        Tensor.gemm(self, transposeA: false, other, transposeB: false)
    }

    /// `op(a) · op(b)` where `op` transposes when asked. Both must be matrices (rank 2).
    public static func gemm(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool) -> Tensor {
        gemm(a, transposeA: transposeA, b, transposeB: transposeB, kernel: AVXMicroKernel.kernels,
             fused: ProductRounding.fused)
    }

    /// `self + op(a) · op(b)`, in place: the product is summed as `gemm` sums it (from 0, over the shared index
    /// in increasing order) and then added to each element, so the result has the bits of
    /// `self.add(gemm(…))` without the temporary. `self` must have the product's shape.
    public mutating func addProduct(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool) {
        addProduct(a, transposeA: transposeA, b, transposeB: transposeB, kernel: AVXMicroKernel.kernels,
                   fused: ProductRounding.fused)
    }

    /// `addProduct` with the given AVX micro-kernels, or the portable one when nil, fusing multiply-adds or not
    /// (the tests compare every combination; the kernels' own mode must be `fused`).
    mutating func addProduct(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool,
                             kernel: AVXMicroKernel.Kernels?, fused: Bool) {
        let (m, n, k) = Tensor.productShape(a, transposeA: transposeA, b, transposeB: transposeB)
        precondition(shape.rank == 2 && shape.rows == m && shape.cols == n,
                     "cannot add a product of shape (\(m), \(n)) into \(shape)")
        scalars.withUnsafeMutableBufferPointer { c in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    Tensor.multiply(m: m, n: n, k: k, a: pa.baseAddress, aTransposed: transposeA, b: pb.baseAddress,
                                    bTransposed: transposeB, c: c.baseAddress, accumulate: true, kernel: kernel,
                                    fused: fused)
                }
            }
        }
    }

    /// (m, n, k) of op(a)·op(b); traps unless both are matrices with matching inner sizes.
    static func productShape(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool) -> (Int, Int, Int) {
        precondition(a.shape.rank == 2 && b.shape.rank == 2,
                     "matmul needs two matrices, not \(a.shape) and \(b.shape)")
        let m = transposeA ? a.shape.cols : a.shape.rows, k = transposeA ? a.shape.rows : a.shape.cols
        let kb = transposeB ? b.shape.cols : b.shape.rows, n = transposeB ? b.shape.rows : b.shape.cols
        precondition(k == kb, "cannot multiply \(transposeA ? "transposed " : "")\(a.shape) by "
                     + "\(transposeB ? "transposed " : "")\(b.shape): inner sizes \(k) and \(kb) differ")
        return (m, n, k)
    }

    /// `op(a) · op(b)` with the given AVX micro-kernels, or the portable one when nil, fusing multiply-adds or
    /// not (the tests compare every combination; the kernels' own mode must be `fused`).
    static func gemm(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool,
                     kernel: AVXMicroKernel.Kernels?, fused: Bool) -> Tensor {
        let (m, n, k) = productShape(a, transposeA: transposeA, b, transposeB: transposeB)
        let out = [Double](unsafeUninitializedCapacity: m * n) { c, initialized in
            a.scalars.withUnsafeBufferPointer { pa in
                b.scalars.withUnsafeBufferPointer { pb in
                    multiply(m: m, n: n, k: k, a: pa.baseAddress, aTransposed: transposeA,
                             b: pb.baseAddress, bTransposed: transposeB, c: c.baseAddress, accumulate: false,
                             kernel: kernel, fused: fused)
                }
            }
            initialized = m * n
        }
        return Tensor(shape: .matrix(m, n), scalars: out)
    }

    // MARK: - Kernel

    /// Products of at least this many flops are shared between threads (Dispatch's pool, two on this machine).
    static let parallelThreshold = 1 << 20

    private static let MR = 6
    private static let NR = 4

    /// C = op(A)·op(B), or C = C + op(A)·op(B) when `accumulate` (each sum completed first, then added).
    private static func multiply(m: Int, n: Int, k: Int, a: UnsafePointer<Double>?, aTransposed: Bool,
                                 b: UnsafePointer<Double>?, bTransposed: Bool, c: UnsafeMutablePointer<Double>?,
                                 accumulate: Bool, kernel: AVXMicroKernel.Kernels?, fused: Bool) {
        precondition(kernel.map { $0.fused == fused } ?? true, "kernels that round otherwise than asked")
        guard m > 0, n > 0, let c else { return }
        guard k > 0, let a, let b else {
            // An empty sum is +0, and x + 0 is x except that −0 becomes +0.
            if accumulate { for i in 0..<(m * n) { c[i] = c[i] + 0 } } else { c.initialize(repeating: 0, count: m * n) }
            return
        }
        if let kernel, !takesFewRowsPath(m: m, k: k, kernel: kernel, fused: fused) {
            multiplyAVX(m: m, n: n, k: k, a: a, aTransposed: aTransposed, b: b, bTransposed: bTransposed, c: c,
                        accumulate: accumulate, kernels: kernel)
            return
        }
        if takesFewRowsPath(m: m, k: k, kernel: kernel, fused: fused) {
            // With one step, 0 + a·b rounds alike fused or not.
            if fused && k > 1 {
                multiplyFewRows(m: m, n: n, k: k, a: a, aTransposed: aTransposed, b: b, bTransposed: bTransposed,
                                c: c, accumulate: accumulate, fused: true)
            } else {
                multiplyFewRows(m: m, n: n, k: k, a: a, aTransposed: aTransposed, b: b, bTransposed: bTransposed,
                                c: c, accumulate: accumulate, fused: false)
            }
            return
        }
        let rowBlocks = (m + MR - 1) / MR, colBlocks = (n + NR - 1) / NR
        let packedB = allocateAligned(colBlocks * NR * k)
        defer { packedB.deallocate() }
        packPanels(n: n, k: k, b: b, bTransposed: bTransposed, width: NR, into: packedB)
        let panels = Panels(a: a, b: packedB, c: c)
        @Sendable func multiplyRowBlocks(_ range: Range<Int>) {
            // One row block of A at a time, packed into a small buffer that stays in L1.
            let panel = allocateAligned(MR * k * 2)
            defer { panel.deallocate() }
            for rb in range {
                packRows(block: rb, m: m, k: k, a: panels.a, aTransposed: aTransposed, into: panel)
                for cb in 0..<colBlocks {
                    let rows = Swift.min(MR, m - rb * MR), cols = Swift.min(NR, n - cb * NR)
                    if fused {
                        microKernel(k: k, a: panel, b: panels.b + cb * NR * k, c: panels.c, ldc: n, row: rb * MR,
                                    col: cb * NR, rows: rows, cols: cols, accumulate: accumulate, fused: true)
                    } else {
                        microKernel(k: k, a: panel, b: panels.b + cb * NR * k, c: panels.c, ldc: n, row: rb * MR,
                                    col: cb * NR, rows: rows, cols: cols, accumulate: accumulate, fused: false)
                    }
                }
            }
        }
        runRowBlocks(rowBlocks, inParallel: 2 * m * n * k >= parallelThreshold, multiplyRowBlocks)
    }

    /// True when an m-row product over k steps skips the packed kernels, for few rows (a batch of one) or a
    /// short shared dimension (an outer product): the AVX kernels pay from four rows on (they read A in place
    /// and have a kernel for every block height: a layer's weight gradient with 8 inputs, say), the portable
    /// one from 12. Sums of more than one step that fuse take the AVX kernels whenever there are some: the
    /// few-rows code, built for baseline x86-64, would call libm's fma for each step. This path reads Bᵀ as
    /// it is stored; the others pack it.
    static func takesFewRowsPath(m: Int, k: Int, kernel: AVXMicroKernel.Kernels? = AVXMicroKernel.kernels,
                                 fused: Bool = ProductRounding.fused) -> Bool {
        if kernel != nil { return !(fused && k > 1) && (m < 4 || k <= 4) }
        return m < 2 * MR || k <= 4
    }

    /// Runs `body` over all row blocks: in four chunks shared between threads when asked and worth it, else in
    /// one. Each result element is still summed by one thread in the same order, so the result does not
    /// depend on the split. Four chunks rather than two, so that when the other core is busy the calling
    /// thread takes more.
    static func runRowBlocks(_ rowBlocks: Int, inParallel: Bool, _ body: @Sendable (Range<Int>) -> Void) {
        if inParallel && rowBlocks >= 4 {
            let chunks = 4
            DispatchQueue.concurrentPerform(iterations: chunks) { part in
                body(part * rowBlocks / chunks ..< (part + 1) * rowBlocks / chunks)
            }
        } else {
            body(0 ..< rowBlocks)
        }
    }

    /// Copies B into panels of `width` columns, each contiguous along the shared index (for each p, the
    /// `width` values B(p, j0 ..< j0 + width)); columns past n are zero. B(p, j) lives at b[p·n + j], or
    /// b[j·k + p] when b holds Bᵀ. Both kernels read B this way.
    static func packPanels(n: Int, k: Int, b: UnsafePointer<Double>, bTransposed: Bool, width: Int,
                           into packed: UnsafeMutablePointer<Double>) {
        for block in 0 ..< (n + width - 1) / width {
            let panel = packed + block * width * k
            let j0 = block * width, valid = Swift.min(width, n - j0)
            if bTransposed && valid == 8 && width == 8 {
                // Eight rows of the stored Bᵀ read side by side, the panel written in order.
                let rows = b + j0 * k
                for p in 0..<k {
                    let out = panel + p * 8
                    out[0] = rows[p]; out[1] = rows[k + p]; out[2] = rows[2 * k + p]; out[3] = rows[3 * k + p]
                    out[4] = rows[4 * k + p]; out[5] = rows[5 * k + p]; out[6] = rows[6 * k + p]
                    out[7] = rows[7 * k + p]
                }
            } else if bTransposed {
                for jj in 0..<width {
                    if jj < valid { for p in 0..<k { panel[p * width + jj] = b[(j0 + jj) * k + p] } }
                    else { for p in 0..<k { panel[p * width + jj] = 0 } }
                }
            } else {
                for p in 0..<k {
                    let row = b + p * n + j0, out = panel + p * width
                    for jj in 0..<valid { out[jj] = row[jj] }
                    for jj in valid..<width { out[jj] = 0 }
                }
            }
        }
    }

    /// Room for `count` doubles at a 16-byte boundary, as the micro-kernel's aligned SIMD2 loads require.
    private static func allocateAligned(_ count: Int) -> UnsafeMutablePointer<Double> {
        UnsafeMutableRawPointer.allocate(byteCount: count * 8, alignment: 16).bindMemory(to: Double.self, capacity: count)
    }

    /// Copies rows `block·MR ..< block·MR + MR` of A into `panel` in micro-kernel order (for each p, the MR
    /// values A(i, p), each stored twice, so the kernel loads a ready-made pair instead of broadcasting, which
    /// SSE2 cannot do in a load). A(i, p) lives at a[i·k + p], or a[p·m + i] when a holds Aᵀ; rows past m are 0.
    @inline(__always)
    private static func packRows(block: Int, m: Int, k: Int, a: UnsafePointer<Double>, aTransposed: Bool,
                                 into panel: UnsafeMutablePointer<Double>) {
        for ii in 0..<MR {
            let i = block * MR + ii
            if i >= m {
                for p in 0..<k { panel[(p * MR + ii) * 2] = 0; panel[(p * MR + ii) * 2 + 1] = 0 }
            } else if aTransposed {
                for p in 0..<k { let x = a[p * m + i]; panel[(p * MR + ii) * 2] = x; panel[(p * MR + ii) * 2 + 1] = x }
            } else {
                for p in 0..<k { let x = a[i * k + p]; panel[(p * MR + ii) * 2] = x; panel[(p * MR + ii) * 2 + 1] = x }
            }
        }
    }

    /// A product with few rows (a batch of one in a recurrent step) or a short shared dimension (an outer
    /// product): packing would cost as much as the product. Each C(i, j) is still summed over p in increasing
    /// order, as in the packed kernel. With B as given, row i of C is built by vectorisable row updates
    /// C(i, ·) += A(i, p)·B(p, ·); with Bᵀ, rows of A and Bᵀ are both contiguous, and four dot products run
    /// side by side. `fused`: each step is `addingProduct` (inlined into each caller with a constant).
    @inline(__always)
    private static func multiplyFewRows(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aTransposed: Bool,
                                        b: UnsafePointer<Double>, bTransposed: Bool,
                                        c: UnsafeMutablePointer<Double>, accumulate: Bool, fused: Bool) {
        /// s + x·y, rounded once when fused.
        @inline(__always) func mac(_ s: inout Double, _ x: Double, _ y: Double) {
            if fused { s = s.addingProduct(x, y) } else { s += x * y }
        }
        if bTransposed && !aTransposed {
            // Eight dot products side by side (eight independent chains keep both adders busy), then four, then one.
            for i in 0..<m {
                let aRow = a + i * k, cRow = c + i * n
                var j = 0
                while j + 8 <= n {
                    let b0 = b + j * k
                    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0, s4 = 0.0, s5 = 0.0, s6 = 0.0, s7 = 0.0
                    for p in 0..<k {
                        let x = aRow[p]
                        mac(&s0, x, b0[p]); mac(&s1, x, b0[k + p]); mac(&s2, x, b0[2 * k + p])
                        mac(&s3, x, b0[3 * k + p]); mac(&s4, x, b0[4 * k + p]); mac(&s5, x, b0[5 * k + p])
                        mac(&s6, x, b0[6 * k + p]); mac(&s7, x, b0[7 * k + p])
                    }
                    let sums = [s0, s1, s2, s3, s4, s5, s6, s7] as SIMD8<Double>
                    for t in 0..<8 { cRow[j + t] = accumulate ? cRow[j + t] + sums[t] : sums[t] }
                    j += 8
                }
                while j + 4 <= n {
                    let b0 = b + j * k, b1 = b0 + k, b2 = b1 + k, b3 = b2 + k
                    var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                    for p in 0..<k {
                        let x = aRow[p]
                        mac(&s0, x, b0[p]); mac(&s1, x, b1[p]); mac(&s2, x, b2[p]); mac(&s3, x, b3[p])
                    }
                    if accumulate {
                        cRow[j] = cRow[j] + s0; cRow[j + 1] = cRow[j + 1] + s1
                        cRow[j + 2] = cRow[j + 2] + s2; cRow[j + 3] = cRow[j + 3] + s3
                    } else {
                        cRow[j] = s0; cRow[j + 1] = s1; cRow[j + 2] = s2; cRow[j + 3] = s3
                    }
                    j += 4
                }
                while j < n {
                    var s = 0.0
                    for p in 0..<k { mac(&s, aRow[p], b[j * k + p]) }
                    cRow[j] = accumulate ? cRow[j] + s : s
                    j += 1
                }
            }
            return
        }
        if k == 1 && !bTransposed {
            // An outer product: each sum is the single product, 0 + A(i, 0)·B(0, j), written (or added) in one pass.
            for i in 0..<m {
                let x = a[i], out = c + i * n
                if accumulate { for j in 0..<n { out[j] = out[j] + (0 + x * b[j]) } }
                else { for j in 0..<n { out[j] = 0 + x * b[j] } }
            }
            return
        }
        var rowMajorB = b
        var copy: UnsafeMutablePointer<Double>? = nil
        if bTransposed {
            let t = UnsafeMutablePointer<Double>.allocate(capacity: k * n)
            for j in 0..<n { for p in 0..<k { t[p * n + j] = b[j * k + p] } }
            copy = t
            rowMajorB = UnsafePointer(t)
        }
        defer { copy?.deallocate() }
        // With `accumulate`, each row is summed in a scratch row and then added.
        let scratch: UnsafeMutablePointer<Double>? = accumulate ? .allocate(capacity: n) : nil
        defer { scratch?.deallocate() }
        if !accumulate { c.initialize(repeating: 0, count: m * n) }
        for i in 0..<m {
            let row = scratch ?? c + i * n
            if accumulate { row.initialize(repeating: 0, count: n) }
            for p in 0..<k {
                let x = aTransposed ? a[p * m + i] : a[i * k + p]
                let bRow = rowMajorB + p * n
                for j in 0..<n { mac(&row[j], x, bRow[j]) }
            }
            if accumulate {
                let out = c + i * n
                for j in 0..<n { out[j] = out[j] + row[j] }
            }
        }
    }

    /// The packed operands and the result, shared read-only (a, b) or by disjoint rows (c) between threads.
    private struct Panels: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let b: UnsafeMutablePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }

    /// c[row..<row+rows, col..<col+cols] = the packed 6 × 4 block product, held in twelve SIMD2 accumulators
    /// (SSE2 has sixteen registers): per step of the shared index, two loads of B, six of the duplicated A,
    /// 12 multiplies and 12 adds (or 12 `addingProduct`s, when `fused`), and no shuffles.
    @inline(__always)
    private static func microKernel(k: Int, a: UnsafePointer<Double>, b: UnsafePointer<Double>,
                                    c: UnsafeMutablePointer<Double>, ldc: Int, row: Int, col: Int,
                                    rows: Int, cols: Int, accumulate: Bool, fused: Bool) {
        typealias V = SIMD2<Double>
        /// s + x·y, rounded once when fused.
        @inline(__always) func mac(_ s: inout V, _ x: V, _ y: V) {
            if fused { s = s.addingProduct(x, y) } else { s += x * y }
        }
        var c00 = V(), c01 = V(), c10 = V(), c11 = V(), c20 = V(), c21 = V()
        var c30 = V(), c31 = V(), c40 = V(), c41 = V(), c50 = V(), c51 = V()
        let rawA = UnsafeRawPointer(a), rawB = UnsafeRawPointer(b)
        for p in 0..<k {
            let b0 = rawB.load(fromByteOffset: p * 32, as: V.self)
            let b1 = rawB.load(fromByteOffset: p * 32 + 16, as: V.self)
            let ap = p * 96
            let a0 = rawA.load(fromByteOffset: ap, as: V.self); mac(&c00, a0, b0); mac(&c01, a0, b1)
            let a1 = rawA.load(fromByteOffset: ap + 16, as: V.self); mac(&c10, a1, b0); mac(&c11, a1, b1)
            let a2 = rawA.load(fromByteOffset: ap + 32, as: V.self); mac(&c20, a2, b0); mac(&c21, a2, b1)
            let a3 = rawA.load(fromByteOffset: ap + 48, as: V.self); mac(&c30, a3, b0); mac(&c31, a3, b1)
            let a4 = rawA.load(fromByteOffset: ap + 64, as: V.self); mac(&c40, a4, b0); mac(&c41, a4, b1)
            let a5 = rawA.load(fromByteOffset: ap + 80, as: V.self); mac(&c50, a5, b0); mac(&c51, a5, b1)
        }
        let out = c + row * ldc + col
        if rows > 0 { store(c00, c01, to: out, cols: cols, accumulate: accumulate) }
        if rows > 1 { store(c10, c11, to: out + ldc, cols: cols, accumulate: accumulate) }
        if rows > 2 { store(c20, c21, to: out + 2 * ldc, cols: cols, accumulate: accumulate) }
        if rows > 3 { store(c30, c31, to: out + 3 * ldc, cols: cols, accumulate: accumulate) }
        if rows > 4 { store(c40, c41, to: out + 4 * ldc, cols: cols, accumulate: accumulate) }
        if rows > 5 { store(c50, c51, to: out + 5 * ldc, cols: cols, accumulate: accumulate) }
    }

    @inline(__always)
    private static func store(_ lo: SIMD2<Double>, _ hi: SIMD2<Double>, to out: UnsafeMutablePointer<Double>,
                              cols: Int, accumulate: Bool) {
        if accumulate {
            for jj in 0..<cols { out[jj] = out[jj] + (jj < 2 ? lo[jj] : hi[jj - 2]) }
        } else if cols == 4 {
            UnsafeMutableRawPointer(out).storeBytes(of: lo, as: SIMD2<Double>.self)
            UnsafeMutableRawPointer(out + 2).storeBytes(of: hi, as: SIMD2<Double>.self)
        } else {
            for jj in 0..<cols { out[jj] = jj < 2 ? lo[jj] : hi[jj - 2] }
        }
    }
}
