/// The matrix product's micro-kernel for AVX, generated at run time: a 6 × 8 block of C held in twelve ymm
/// registers (four doubles each) while the shared index runs.
///
/// Per step p it loads B(p, 0..<8) into two registers, broadcasts each A(i, p) in turn, and does 12 multiplies
/// and 12 adds: `vmulpd` then `vaddpd`, never a fused multiply-add, so every element is rounded exactly as the
/// portable SSE2 kernel rounds it (product, then sum, over p in increasing order from +0). The two kernels give
/// the same bits; only the speed differs (twice the lanes).
enum AVXMicroKernel {
    static let rows = 6
    static let cols = 8

    /// `kernel(k, a, b, c, ldcBytes, aStepBytes, aRowBytes)`: C(i, j) = Σₚ A(i, p)·B(p, j) for the 6 × 8 block
    /// at `c` (rows `ldcBytes` apart), with A(i, p) at `a + i·aRowBytes + p·aStepBytes` — A read in place,
    /// whether stored as A or as Aᵀ — and `b` the packed panel (8 values per p); k ≥ 1.
    typealias Function = @convention(c) (Int, UnsafePointer<Double>, UnsafePointer<Double>,
                                         UnsafeMutablePointer<Double>, Int, Int, Int) -> Void

    /// The kernel, or nil where AVX is unavailable (the portable kernel is used then).
    static let function: Function? = {
        guard CPUFeatures.current.avx, let code = ExecutableCode(machineCode()) else { return nil }
        return unsafeBitCast(code.entry, to: Function.self)
    }()

    /// The kernel's machine code. System V arguments: rdi = k, rsi = a, rdx = b, rcx = c, r8 = ldcBytes,
    /// r9 = aStepBytes, and aRowBytes on the stack, loaded into r10. Rows 0–2 of A are addressed from rsi,
    /// rows 3–5 from r11 = rsi + 3·aRowBytes, as [base + r10·{0, 1, 2}].
    static func machineCode() -> [UInt8] {
        typealias Y = X86Assembler.YMM
        typealias M = X86Assembler.Memory
        var asm = X86Assembler()
        asm.mov(.r10, M(base: .rsp, displacement: 8))
        asm.lea(.r11, M(base: .r10, index: .r10, scale: 2))
        asm.add(.r11, .rsi)
        let accumulators = (0..<12).map { Y($0) }
        let b0 = Y(12), b1 = Y(13), a = Y(14), product = Y(15)
        let rowsOfA = [M(base: .rsi), M(base: .rsi, index: .r10), M(base: .rsi, index: .r10, scale: 2),
                       M(base: .r11), M(base: .r11, index: .r10), M(base: .r11, index: .r10, scale: 2)]
        for acc in accumulators { asm.vxorpd(acc, acc, acc) }
        let loop = asm.here
        asm.vmovupd(b0, M(base: .rdx))
        asm.vmovupd(b1, M(base: .rdx, displacement: 32))
        for i in 0..<rows {
            asm.vbroadcastsd(a, rowsOfA[i])
            asm.vmulpd(product, a, b0)
            asm.vaddpd(accumulators[2 * i], accumulators[2 * i], product)
            asm.vmulpd(product, a, b1)
            asm.vaddpd(accumulators[2 * i + 1], accumulators[2 * i + 1], product)
        }
        asm.add(.rsi, .r9)
        asm.add(.r11, .r9)
        asm.add(.rdx, Int32(8 * cols))
        asm.dec(.rdi)
        asm.jnz(loop)
        for i in 0..<rows {
            asm.vmovupd(M(base: .rcx), accumulators[2 * i])
            asm.vmovupd(M(base: .rcx, displacement: 32), accumulators[2 * i + 1])
            if i < rows - 1 { asm.add(.rcx, .r8) }
        }
        asm.vzeroupper()
        asm.ret()
        return asm.bytes
    }
}
