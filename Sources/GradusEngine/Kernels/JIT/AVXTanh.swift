/// `Elementary.tanh` generated for AVX2 at run time: four lanes per instruction instead of the baseline's two,
/// with the same operations in the same order (`vmulpd`, `vaddpd`, `vsubpd`, `vdivpd`, never a fused
/// multiply-add; the cap at 20 as `vminpd`; 2ᵏ built in the integer lanes), so every lane gives the bits of
/// the portable SSE2 code (tested on edge cases and 10⁵ random arguments).
enum AVXTanh {
    /// The kernel (`VectorKernel.Function`, out[i] = tanh(x[i]), with `constants`), or nil where AVX2 is
    /// unavailable (`Elementary.tanh`'s portable loop runs then).
    static let function = VectorKernel.function(machineCode)

    /// The constants, each in four lanes (32 bytes), in the order of `Slot`: the values `Elementary` uses.
    static var constants: UnsafePointer<Double> { constantTable.pointer }

    private static let constantTable = VectorKernel.Constants([
        Double(bitPattern: 0x7FFF_FFFF_FFFF_FFFF), Double(bitPattern: 0x8000_0000_0000_0000), 20, -2,
        1.4426950408889634, 6_755_399_441_055_744.0, 6.93147180369123816490e-01, 1.90821492927058770002e-10,
        1.0 / 6_227_020_800, 1.0 / 479_001_600, 1.0 / 39_916_800, 1.0 / 3_628_800, 1.0 / 362_880, 1.0 / 40320,
        1.0 / 5040, 1.0 / 720, 1.0 / 120, 1.0 / 24, 1.0 / 6, 1.0 / 2,
        1, 2, Double(bitPattern: 1023),
    ])

    /// Where each constant sits in `constants` (32 bytes apart).
    enum Slot: Int32 {
        case absMask, signMask, twenty, minusTwo, log2e, magic, ln2High, ln2Low
        case poly13 = 8   // 1/13!, then 1/12! … 1/2! in slots 9 … 19
        case one = 20, two, exponentBias
    }

    /// System V arguments: rdi = groups, rsi = x, rdx = out, rcx = constants. ymm15 holds 20 throughout.
    /// Three vectors of four go through each step side by side (ymm0–4, ymm5–9, ymm10–14), so that the long
    /// chain of each (the polynomial, then the division) overlaps the others'; the last one or two groups go
    /// alone. Five registers a vector suffice because x is read again for its sign at the end and 2ᵏ is made
    /// as soon as k is known (integer steps, exact in any order).
    static func machineCode() -> [UInt8] {
        typealias Y = X86Assembler.YMM
        typealias M = X86Assembler.Memory
        func slot(_ s: Slot) -> M { VectorKernel.slot(s.rawValue) }
        let twenty = Y(15)
        // The steps for `lanes` vectors (1 or 3), the first at [rsi], [rdx], the others 32 bytes apart. Per
        // vector: R0 = x, then k·ln2ₗ, then x again for its sign; R1 = u, then 2ᵏ; R2 = shifted, then p, then
        // E; R3 = k, then q; R4 = r, then temporaries.
        return VectorKernel.machineCode(setup: { asm in asm.vmovupd(twenty, slot(.twenty)) }) { asm, lanes in
            let sets = VectorKernel.registers(lanes)
            func each(_ step: ([Y], Int32) -> Void) { for (v, r) in sets.enumerated() { step(r, Int32(32 * v)) } }
            each { r, offset in asm.vmovupd(r[0], M(base: .rsi, displacement: offset)) }
            // a = |x|, capped at 20 (NaN stays NaN: min(20, a) is a unless 20 < a); u = −2·a
            each { r, _ in asm.vandpd(r[1], r[0], slot(.absMask)) }
            each { r, _ in asm.vminpd(r[1], twenty, r[1]) }
            each { r, _ in asm.vmulpd(r[1], r[1], slot(.minusTwo)) }
            // expm1(u): shifted = u·log₂e + magic, k = shifted − magic, r = (u − k·ln2ₕ) − k·ln2ₗ
            VectorKernel.reduce(&asm, sets, log2e: Slot.log2e.rawValue, magic: Slot.magic.rawValue,
                                ln2High: Slot.ln2High.rawValue, ln2Low: Slot.ln2Low.rawValue)
            // 2ᵏ from the bits: ((bits(shifted) − bits(magic)) + 1023) << 52
            each { r, _ in asm.vpsubq(r[1], r[2], slot(.magic)) }
            each { r, _ in asm.vpaddq(r[1], r[1], slot(.exponentBias)) }
            each { r, _ in asm.vpsllq(r[1], r[1], 52) }
            // p = 1/13!, then p = p·r + 1/j! for j = 12 … 2
            VectorKernel.polynomial(&asm, sets, into: 2, first: Slot.poly13.rawValue)
            // q = r + (r·r)·p
            each { r, _ in asm.vmulpd(r[3], r[4], r[4]) }
            each { r, _ in asm.vmulpd(r[3], r[3], r[2]) }
            each { r, _ in asm.vaddpd(r[3], r[4], r[3]) }
            // E = 2ᵏ·q + (2ᵏ − 1)
            each { r, _ in asm.vmulpd(r[2], r[1], r[3]) }
            each { r, _ in asm.vsubpd(r[4], r[1], slot(.one)) }
            each { r, _ in asm.vaddpd(r[2], r[2], r[4]) }
            // tanh|x| = |E/(2 + E)|, then the sign of x
            each { r, _ in asm.vaddpd(r[4], r[2], slot(.two)) }
            each { r, _ in asm.vdivpd(r[2], r[2], r[4]) }
            each { r, _ in asm.vandpd(r[2], r[2], slot(.absMask)) }
            each { r, offset in asm.vmovupd(r[0], M(base: .rsi, displacement: offset)) }
            each { r, _ in asm.vandpd(r[0], r[0], slot(.signMask)) }
            each { r, _ in asm.vorpd(r[2], r[2], r[0]) }
            each { r, offset in asm.vmovupd(M(base: .rdx, displacement: offset), r[2]) }
        }
    }
}
