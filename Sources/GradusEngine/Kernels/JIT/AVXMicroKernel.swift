/// The matrix product's micro-kernel for AVX, generated at run time: a 6 × 8 block of C held in twelve ymm
/// registers (four doubles each) while the shared index runs.
///
/// Per step p it loads B(p, 0..<8) into two registers, broadcasts each A(i, p) in turn, and does 12 fused
/// multiply-adds (`vfmadd231pd`, as `ProductRounding` asks; the unfused form, 12 multiplies and 12 adds with
/// `vmulpd` then `vaddpd`, is kept for the tests). Either way every element is rounded exactly as the portable kernel rounds it in
/// the same mode (over p in increasing order from +0), so the two kernels give the same bits; only the speed
/// differs (twice the lanes, and the fused form about a fifth faster again).
enum AVXMicroKernel {
    static let rows = 6
    static let cols = 8

    /// `kernel(k, a, b, c, ldcBytes, aStepBytes, aRowBytes, bStepBytes)`: C(i, j) = Σₚ A(i, p)·B(p, j) for the
    /// `rows` × 8 block at `c` (rows `ldcBytes` apart), with A(i, p) at `a + i·aRowBytes + p·aStepBytes` — A
    /// read in place, whether stored as A or as Aᵀ — and B(p, 0..<8) at `b + p·bStepBytes` (a packed panel, 64
    /// bytes apart, or B itself, a row apart); k ≥ 1. The accumulating variants add each finished sum to C
    /// (C + Σ, with C as the first operand, as `Tensor.add` adds).
    typealias Function = @convention(c) (Int, UnsafePointer<Double>, UnsafePointer<Double>,
                                         UnsafeMutablePointer<Double>, Int, Int, Int, Int) -> Void

    /// The kernels for blocks of 1 … 6 rows, storing or accumulating, all fused or all not.
    struct Kernels: @unchecked Sendable {
        let functions: [Function]
        let fused: Bool

        /// The kernel for blocks of `rows` rows (1 … 6).
        func callAsFunction(rows: Int, accumulate: Bool) -> Function { functions[(accumulate ? 6 : 0) + rows - 1] }
    }

    /// Every kernel, rounding as `ProductRounding` says, or nil where AVX is unavailable (the portable kernel
    /// is used then).
    static let kernels: Kernels? = make(fused: ProductRounding.fused)

    /// The kernels in either mode, or nil where the CPU cannot run them (the tests compare both modes).
    static func make(fused: Bool) -> Kernels? {
        guard CPUFeatures.current.avx, !fused || CPUFeatures.current.fma else { return nil }
        var functions: [Function] = []
        for accumulate in [false, true] {
            for height in 1...rows {
                let code = ExecutableCode(machineCode(rows: height, accumulate: accumulate, fused: fused))
                guard let code else { return nil }
                functions.append(unsafeBitCast(code.entry, to: Function.self))
            }
        }
        return Kernels(functions: functions, fused: fused)
    }

    /// The 6-row storing kernel, or nil where AVX is unavailable.
    static var function: Function? { kernels?(rows: rows, accumulate: false) }

    /// A kernel's machine code (`fused`: FMA3's `vfmadd231pd` in the loop). System V arguments: rdi = k,
    /// rsi = a, rdx = b, rcx = c, r8 = ldcBytes, r9 = aStepBytes, then aRowBytes and bStepBytes on the stack,
    /// loaded into r10 and rax. Rows 0–2 of A are addressed from rsi, rows 3–5 from r11 = rsi + 3·aRowBytes,
    /// as [base + r10·{0, 1, 2}].
    static func machineCode(rows height: Int = rows, accumulate: Bool = false, fused: Bool = false) -> [UInt8] {
        precondition((1...rows).contains(height), "a kernel for \(height) rows")
        typealias Y = X86Assembler.YMM
        typealias M = X86Assembler.Memory
        var asm = X86Assembler()
        asm.mov(.r10, M(base: .rsp, displacement: 8))
        asm.mov(.rax, M(base: .rsp, displacement: 16))
        if height > 3 {
            asm.lea(.r11, M(base: .r10, index: .r10, scale: 2))
            asm.add(.r11, .rsi)
        }
        let accumulators = (0 ..< 2 * height).map { Y($0) }
        let b0 = Y(12), b1 = Y(13), a = Y(14), product = Y(15)
        let rowsOfA = [M(base: .rsi), M(base: .rsi, index: .r10), M(base: .rsi, index: .r10, scale: 2),
                       M(base: .r11), M(base: .r11, index: .r10), M(base: .r11, index: .r10, scale: 2)]
        for acc in accumulators { asm.vxorpd(acc, acc, acc) }
        let loop = asm.here
        asm.vmovupd(b0, M(base: .rdx))
        asm.vmovupd(b1, M(base: .rdx, displacement: 32))
        for i in 0..<height {
            asm.vbroadcastsd(a, rowsOfA[i])
            if fused {
                asm.vfmadd231pd(accumulators[2 * i], a, b0)
                asm.vfmadd231pd(accumulators[2 * i + 1], a, b1)
            } else {
                asm.vmulpd(product, a, b0)
                asm.vaddpd(accumulators[2 * i], accumulators[2 * i], product)
                asm.vmulpd(product, a, b1)
                asm.vaddpd(accumulators[2 * i + 1], accumulators[2 * i + 1], product)
            }
        }
        asm.add(.rsi, .r9)
        if height > 3 { asm.add(.r11, .r9) }
        asm.add(.rdx, .rax)
        asm.dec(.rdi)
        asm.jnz(loop)
        for i in 0..<height {
            for half in 0..<2 {
                let place = M(base: .rcx, displacement: Int32(32 * half))
                if accumulate {
                    let old = Y(14 + half)
                    asm.vmovupd(old, place)
                    asm.vaddpd(old, old, accumulators[2 * i + half])
                    asm.vmovupd(place, old)
                } else {
                    asm.vmovupd(place, accumulators[2 * i + half])
                }
            }
            if i < height - 1 { asm.add(.rcx, .r8) }
        }
        asm.vzeroupper()
        asm.ret()
        return asm.bytes
    }
}
