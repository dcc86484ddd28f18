/// What the generated elementwise kernels (`AVXTanh`, `AVXSigmoid`) share: their table of constants, the loop
/// over groups of four lanes, and the steps of e^u they both take (the argument reduction and the polynomial),
/// each emitted for one or three vectors side by side.
///
/// A kernel is `(groups, x, out, constants)` in System V registers: rdi = groups, rsi = x, rdx = out, rcx =
/// constants. Each vector has five registers (ymm0–4, ymm5–9, ymm10–14, called R0 … R4 below); ymm15 is the
/// kernel's own.
enum VectorKernel {
    typealias Y = X86Assembler.YMM
    typealias M = X86Assembler.Memory
    /// `kernel(groups, x, out, constants)`: out[i] = f(x[i]) for i < 4·groups (x and out may be the same);
    /// groups ≥ 1.
    typealias Function = @convention(c) (Int, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                         UnsafePointer<Double>) -> Void

    /// The kernel `machineCode` makes, or nil where AVX2 is unavailable (the portable loop runs then).
    static func function(_ machineCode: () -> [UInt8]) -> Function? {
        guard CPUFeatures.current.avx2, let code = ExecutableCode(machineCode()) else { return nil }
        return unsafeBitCast(code.entry, to: Function.self)
    }

    /// Constants, each in four lanes (32 bytes apart), made once and never written again.
    struct Constants: @unchecked Sendable {
        let pointer: UnsafePointer<Double>

        init(_ values: [Double]) {
            let table = UnsafeMutablePointer<Double>.allocate(capacity: values.count * 4)
            for (index, value) in values.enumerated() { for lane in 0..<4 { table[index * 4 + lane] = value } }
            pointer = UnsafePointer(table)
        }
    }

    /// The constant in slot `index` of the table at rcx.
    static func slot(_ index: Int32) -> M { M(base: .rcx, displacement: 32 * index) }

    /// The registers R0 … R4 of each of `lanes` vectors.
    static func registers(_ lanes: Int) -> [[Y]] { (0..<lanes).map { v in (0..<5).map { Y(5 * v + $0) } } }

    /// The whole kernel: `setup`, then `body(asm, lanes)` for three vectors at a time while three or more groups
    /// are left (rdi counts groups), then for one at a time; x and out advance by `lanes` vectors after each.
    static func machineCode(setup: (inout X86Assembler) -> Void, body: (inout X86Assembler, Int) -> Void) -> [UInt8] {
        var asm = X86Assembler()
        setup(&asm)
        func step(_ lanes: Int) {
            body(&asm, lanes)
            asm.add(.rsi, Int32(32 * lanes))
            asm.add(.rdx, Int32(32 * lanes))
        }
        asm.sub(.rdi, 3)
        let rest = asm.jumpIfNegative()
        let loop = asm.here
        step(3)
        asm.sub(.rdi, 3)
        asm.jns(loop)
        asm.place(rest)
        asm.add(.rdi, 3)
        let done = asm.jumpIfZero()
        let single = asm.here
        step(1)
        asm.dec(.rdi)
        asm.jnz(single)
        asm.place(done)
        asm.vzeroupper()
        asm.ret()
        return asm.bytes
    }

    /// e^u's argument reduction, u in R1: shifted = u·log₂e + magic (R2), k = shifted − magic (R3),
    /// r = (u − k·ln2ₕ) − k·ln2ₗ (R4); R0 is overwritten. The constants are the slots of log₂e, the magic
    /// number 1.5·2⁵², ln2ₕ and ln2ₗ.
    static func reduce(_ asm: inout X86Assembler, _ sets: [[Y]], log2e: Int32, magic: Int32, ln2High: Int32, ln2Low: Int32) {
        for r in sets { asm.vmulpd(r[2], r[1], slot(log2e)) }
        for r in sets { asm.vaddpd(r[2], r[2], slot(magic)) }
        for r in sets { asm.vsubpd(r[3], r[2], slot(magic)) }
        for r in sets { asm.vmulpd(r[4], r[3], slot(ln2High)) }
        for r in sets { asm.vsubpd(r[4], r[1], r[4]) }
        for r in sets { asm.vmulpd(r[0], r[3], slot(ln2Low)) }
        for r in sets { asm.vsubpd(r[4], r[4], r[0]) }
    }

    /// p = 1/13!, then p = p·r + 1/j! for j = 12 … 2, into register `p` of each vector, r in R4; the twelve
    /// coefficients in the slots from `first` on.
    static func polynomial(_ asm: inout X86Assembler, _ sets: [[Y]], into p: Int, first: Int32) {
        for r in sets { asm.vmovupd(r[p], slot(first)) }
        for index in first + 1 ... first + 11 {
            for r in sets { asm.vmulpd(r[p], r[p], r[4]) }
            for r in sets { asm.vaddpd(r[p], r[p], slot(index)) }
        }
    }
}
