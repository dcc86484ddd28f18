/// The packed product driven by the generated AVX micro-kernel (`AVXMicroKernel`): the layout of the portable
/// kernel in Matmul.swift with 6 × 8 blocks, B packed in panels and A read where it is (AVX broadcasts from
/// memory).
extension Tensor {
    /// Products of at least this many flops are shared between threads.
    static let parallelThresholdAVX = 1 << 23

    /// The operands, shared read-only (a, b) or by disjoint rows (c) between threads.
    private struct Panels: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let b: UnsafePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }

    /// C = op(A)·op(B) through `kernel`; m ≥ 1, n ≥ 1, k ≥ 1. Blocks at the right and bottom edges are computed
    /// whole into a scratch block (padding rows and columns are zeros) and their valid part copied out.
    static func multiplyAVX(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aTransposed: Bool,
                            b: UnsafePointer<Double>, bTransposed: Bool, c: UnsafeMutablePointer<Double>,
                            kernel: AVXMicroKernel.Function) {
        let mr = AVXMicroKernel.rows, nr = AVXMicroKernel.cols
        let rowBlocks = (m + mr - 1) / mr, colBlocks = (n + nr - 1) / nr
        let packedB = UnsafeMutablePointer<Double>.allocate(capacity: colBlocks * nr * k)
        defer { packedB.deallocate() }
        packPanels(n: n, k: k, b: b, bTransposed: bTransposed, width: nr, into: packedB)
        let shared = Panels(a: a, b: UnsafePointer(packedB), c: c)
        @Sendable func multiplyRowBlocks(_ range: Range<Int>) {
            // A is read in place; only a last, partial row block is copied into a strip padded with zero rows.
            let strip = UnsafeMutablePointer<Double>.allocate(capacity: mr * k)
            defer { strip.deallocate() }
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: mr * nr)
            defer { scratch.deallocate() }
            let a = shared.a, c = shared.c
            for rb in range {
                let i0 = rb * mr, height = Swift.min(mr, m - i0)
                var rows = aTransposed ? a + i0 : a + i0 * k
                var step = aTransposed ? m * 8 : 8, rowBytes = aTransposed ? 8 : k * 8
                if height < mr {
                    // A(i, p) lives at a[i·k + p], or a[p·m + i] when a holds Aᵀ.
                    for p in 0..<k {
                        for ii in 0..<mr {
                            strip[p * mr + ii] = ii >= height ? 0 : aTransposed ? a[p * m + i0 + ii] : a[(i0 + ii) * k + p]
                        }
                    }
                    rows = UnsafePointer(strip)
                    step = mr * 8
                    rowBytes = 8
                }
                for cb in 0..<colBlocks {
                    let j0 = cb * nr, width = Swift.min(nr, n - j0)
                    let panel = shared.b + cb * nr * k
                    if height == mr && width == nr {
                        kernel(k, rows, panel, c + i0 * n + j0, n * 8, step, rowBytes)
                    } else {
                        kernel(k, rows, panel, scratch, nr * 8, step, rowBytes)
                        for ii in 0..<height { for jj in 0..<width { c[(i0 + ii) * n + j0 + jj] = scratch[ii * nr + jj] } }
                    }
                }
            }
        }
        // Below the threshold waking a second thread costs more than it saves.
        runRowBlocks(rowBlocks, inParallel: 2 * m * n * k >= parallelThresholdAVX, multiplyRowBlocks)
    }
}
