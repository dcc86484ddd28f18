/// `Elementary.tanh` generated for AVX2 at run time: four lanes per instruction instead of the baseline's two,
/// with the same operations in the same order (`vmulpd`, `vaddpd`, `vsubpd`, `vdivpd`, never a fused
/// multiply-add; the cap at 20 as `vminpd`; 2ᵏ built in the integer lanes), so every lane gives the bits of
/// the portable SSE2 code (tested on edge cases and 10⁵ random arguments).
enum AVXTanh {
    /// `tanh(groups, x, out, constants)`: out[i] = tanh(x[i]) for i < 4·groups (x and out may be the same);
    /// groups ≥ 1; `constants` is `AVXTanh.constants`.
    typealias Function = @convention(c) (Int, UnsafePointer<Double>, UnsafeMutablePointer<Double>,
                                         UnsafePointer<Double>) -> Void

    /// The kernel, or nil where AVX2 is unavailable (`Elementary.tanh`'s portable loop runs then).
    static let function: Function? = {
        guard CPUFeatures.current.avx2, let code = ExecutableCode(machineCode()) else { return nil }
        return unsafeBitCast(code.entry, to: Function.self)
    }()

    /// The constants, each in four lanes (32 bytes), in the order of `Slot`: the values `Elementary` uses.
    static var constants: UnsafePointer<Double> { constantTable.pointer }

    /// The table behind `constants`, made once and never written again.
    private struct Table: @unchecked Sendable { let pointer: UnsafePointer<Double> }

    private static let constantTable: Table = {
        let values: [Double] = [
            Double(bitPattern: 0x7FFF_FFFF_FFFF_FFFF), Double(bitPattern: 0x8000_0000_0000_0000), 20, -2,
            1.4426950408889634, 6_755_399_441_055_744.0, 6.93147180369123816490e-01, 1.90821492927058770002e-10,
            1.0 / 6_227_020_800, 1.0 / 479_001_600, 1.0 / 39_916_800, 1.0 / 3_628_800, 1.0 / 362_880, 1.0 / 40320,
            1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 1.0 / 2,
            1, 2, Double(bitPattern: 1023),
        ]
        let table = UnsafeMutablePointer<Double>.allocate(capacity: values.count * 4)
        for (index, value) in values.enumerated() { for lane in 0..<4 { table[index * 4 + lane] = value } }
        return Table(pointer: UnsafePointer(table))
    }()

    /// Where each constant sits in `constants` (32 bytes apart).
    enum Slot: Int32 {
        case absMask, signMask, twenty, minusTwo, log2e, magic, ln2High, ln2Low
        case poly13 = 8   // 1/13!, then 1/12! … 1/2! in slots 9 … 19
        case one = 20, two, exponentBias
    }

    /// System V arguments: rdi = groups, rsi = x, rdx = out, rcx = constants. ymm15 holds 20 throughout.
    static func machineCode() -> [UInt8] {
        typealias Y = X86Assembler.YMM
        typealias M = X86Assembler.Memory
        func slot(_ s: Slot) -> M { M(base: .rcx, displacement: 32 * s.rawValue) }
        func slot(_ index: Int32) -> M { M(base: .rcx, displacement: 32 * index) }
        var asm = X86Assembler()
        let x = Y(0), u = Y(1), shifted = Y(2), k = Y(3), r = Y(4), p = Y(5), q = Y(6), scale = Y(7)
        let e = Y(8), t = Y(9), twenty = Y(15)
        asm.vmovupd(twenty, slot(.twenty))
        let loop = asm.here
        asm.vmovupd(x, M(base: .rsi))
        // a = |x|, capped at 20 (NaN stays NaN: min(20, a) is a unless 20 < a); u = −2·a
        asm.vandpd(u, x, slot(.absMask))
        asm.vminpd(u, twenty, u)
        asm.vmulpd(u, u, slot(.minusTwo))
        // expm1(u): shifted = u·log₂e + magic, k = shifted − magic, r = (u − k·ln2ₕ) − k·ln2ₗ
        asm.vmulpd(shifted, u, slot(.log2e))
        asm.vaddpd(shifted, shifted, slot(.magic))
        asm.vsubpd(k, shifted, slot(.magic))
        asm.vmulpd(r, k, slot(.ln2High))
        asm.vsubpd(r, u, r)
        asm.vmulpd(t, k, slot(.ln2Low))
        asm.vsubpd(r, r, t)
        // p = 1/13!, then p = p·r + 1/j! for j = 12 … 2
        asm.vmovupd(p, slot(.poly13))
        for index in Slot.poly13.rawValue + 1 ... Slot.poly13.rawValue + 11 {
            asm.vmulpd(p, p, r)
            asm.vaddpd(p, p, slot(index))
        }
        // q = r + (r·r)·p
        asm.vmulpd(q, r, r)
        asm.vmulpd(q, q, p)
        asm.vaddpd(q, r, q)
        // scale = 2ᵏ from the bits: ((bits(shifted) − bits(magic)) + 1023) << 52
        asm.vpsubq(scale, shifted, slot(.magic))
        asm.vpaddq(scale, scale, slot(.exponentBias))
        asm.vpsllq(scale, scale, 52)
        // E = scale·q + (scale − 1)
        asm.vmulpd(e, scale, q)
        asm.vsubpd(t, scale, slot(.one))
        asm.vaddpd(e, e, t)
        // tanh|x| = |E/(2 + E)|, then the sign of x
        asm.vaddpd(t, e, slot(.two))
        asm.vdivpd(e, e, t)
        asm.vandpd(e, e, slot(.absMask))
        asm.vandpd(x, x, slot(.signMask))
        asm.vorpd(e, e, x)
        asm.vmovupd(M(base: .rdx), e)
        asm.add(.rsi, 32)
        asm.add(.rdx, 32)
        asm.dec(.rdi)
        asm.jnz(loop)
        asm.vzeroupper()
        asm.ret()
        return asm.bytes
    }
}
