/// The packed product driven by the generated AVX micro-kernel (`AVXMicroKernel`): the layout of the portable
/// kernel in Matmul.swift with 6 × 8 blocks, B packed in panels and A read where it is (AVX broadcasts from
/// memory).
extension Tensor {
    /// Products of at least this many flops are shared between threads.
    static let parallelThresholdAVX = 1 << 23

    /// Where each row block starts and how many rows it has: blocks of `mr` rows, except that the last two
    /// have `firstOfLastPair` rows and the rest when that is less than `mr`.
    private struct RowBlocks: Sendable {
        let m: Int, mr: Int, count: Int, firstOfLastPair: Int

        subscript(block: Int) -> (start: Int, rows: Int) {
            if firstOfLastPair == mr || block < count - 2 { return (block * mr, Swift.min(mr, m - block * mr)) }
            let pair = (count - 2) * mr
            return block == count - 2 ? (pair, firstOfLastPair) : (pair + firstOfLastPair, m - pair - firstOfLastPair)
        }
    }

    /// The operands, shared read-only (a, b) or by disjoint rows (c) between threads.
    private struct Panels: @unchecked Sendable {
        let a: UnsafePointer<Double>
        let b: UnsafePointer<Double>
        let c: UnsafeMutablePointer<Double>
    }

    /// C = op(A)·op(B) (or C + op(A)·op(B) when `accumulate`) through `kernels`; m ≥ 1, n ≥ 1, k ≥ 1. B is read
    /// in place when it is stored as B with a multiple of 8 columns, else copied into panels (zero columns past
    /// n). A is always read in place; the last row block takes the kernel of its height. Blocks at the right
    /// edge are computed whole into a scratch block and their valid part copied (or added) out.
    static func multiplyAVX(m: Int, n: Int, k: Int, a: UnsafePointer<Double>, aTransposed: Bool,
                            b: UnsafePointer<Double>, bTransposed: Bool, c: UnsafeMutablePointer<Double>,
                            accumulate: Bool = false, kernels: AVXMicroKernel.Kernels) {
        let mr = AVXMicroKernel.rows, nr = AVXMicroKernel.cols
        let rowBlocks = (m + mr - 1) / mr, colBlocks = (n + nr - 1) / nr
        // A last block of 1 or 2 rows keeps too few sums in flight to hide the adds' latency (a 32-row product
        // would end on 2 rows): then the last two blocks share their 7 … 8 rows as 4 + 3 or 4 + 4. Every
        // element is summed the same way in any block, so the bits do not change.
        let rest = m - (rowBlocks - 1) * mr
        let split = rowBlocks >= 2 && rest <= 2 ? (mr + rest + 1) / 2 : mr
        let rowBlock = RowBlocks(m: m, mr: mr, count: rowBlocks, firstOfLastPair: split)
        let inPlace = !bTransposed && n % nr == 0
        let packedB: UnsafeMutablePointer<Double>? = inPlace ? nil : .allocate(capacity: colBlocks * nr * k)
        defer { packedB?.deallocate() }
        if let packedB { packPanels(n: n, k: k, b: b, bTransposed: bTransposed, width: nr, into: packedB) }
        let shared = Panels(a: a, b: packedB.map { UnsafePointer($0) } ?? b, c: c)
        // Panel cb starts at column cb·8 of B (a row is n·8 bytes), or at panel cb of the packed copy.
        let panelStride = inPlace ? nr : nr * k, bStep = inPlace ? n * 8 : nr * 8
        @Sendable func multiplyRowBlocks(_ range: Range<Int>) {
            let scratch = UnsafeMutablePointer<Double>.allocate(capacity: mr * nr)
            defer { scratch.deallocate() }
            let a = shared.a, c = shared.c
            let step = aTransposed ? m * 8 : 8, rowBytes = aTransposed ? 8 : k * 8
            // When B is larger than 128 KiB, row blocks go in groups whose rows of A fill about 256 KiB (half
            // the L2 cache), each group taking every panel of B in turn: a panel is read from memory once per
            // group, not once per row block, and the group's A stays in L2. A smaller B stays in cache anyway,
            // and one row block at a time keeps A in L1. The blocks are the same in any order, and so are the bits.
            let group = k * n * 8 <= 128 << 10 ? 1 : Swift.max(1, (256 << 10) / (mr * k * 8))
            for first in stride(from: range.lowerBound, to: range.upperBound, by: group) {
                let blocks = first ..< Swift.min(first + group, range.upperBound)
                for cb in 0..<colBlocks {
                    let j0 = cb * nr, width = Swift.min(nr, n - j0)
                    let panel = shared.b + cb * panelStride
                    for rb in blocks {
                        let (i0, height) = rowBlock[rb]
                        // A(i, p) lives at a[i·k + p], or a[p·m + i] when a holds Aᵀ.
                        let rows = aTransposed ? a + i0 : a + i0 * k
                        if width == nr {
                            kernels(rows: height, accumulate: accumulate)(k, rows, panel, c + i0 * n + j0, n * 8, step,
                                                                          rowBytes, bStep)
                        } else {
                            kernels(rows: height, accumulate: false)(k, rows, panel, scratch, nr * 8, step, rowBytes,
                                                                     bStep)
                            for ii in 0..<height {
                                let out = c + (i0 + ii) * n + j0, block = scratch + ii * nr
                                if accumulate { for jj in 0..<width { out[jj] = out[jj] + block[jj] } }
                                else { for jj in 0..<width { out[jj] = block[jj] } }
                            }
                        }
                    }
                }
            }
        }
        // Below the threshold waking a second thread costs more than it saves.
        runRowBlocks(rowBlocks, inParallel: 2 * m * n * k >= parallelThresholdAVX, multiplyRowBlocks)
    }
}
