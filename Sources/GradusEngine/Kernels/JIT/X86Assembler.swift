/// A tiny x86-64 assembler: exactly the instructions the engine's run-time kernels use, encoded by the rules
/// of Intel's SDM, volume 2 (REX and three-byte VEX prefixes, ModRM, SIB, displacements).
///
/// Why machine code at all: Swift has no per-function target attribute, and the package is built for the
/// x86-64 baseline (SSE2, two doubles per register) so that it runs on every machine. Kernels written here are
/// used only after `CPUFeatures` has seen AVX at run time — the way oneDNN (Xbyak) and LIBXSMM dispatch theirs.
/// The encodings are checked against GNU `as` in the tests.
struct X86Assembler {
    /// General-purpose registers, by their encoding number.
    enum GPR: UInt8 {
        case rax, rcx, rdx, rbx, rsp, rbp, rsi, rdi, r8, r9, r10, r11, r12, r13, r14, r15
    }

    /// A 256-bit AVX register, ymm0 … ymm15.
    struct YMM: Equatable {
        let number: UInt8
        init(_ number: Int) {
            precondition((0..<16).contains(number), "ymm\(number) does not exist")
            self.number = UInt8(number)
        }
    }

    /// A memory operand `[base + index·scale + displacement]` (scale 1, 2, 4 or 8; rsp cannot be an index).
    struct Memory {
        let base: GPR
        let index: GPR?
        let scale: UInt8
        let displacement: Int32

        init(base: GPR, index: GPR? = nil, scale: UInt8 = 1, displacement: Int32 = 0) {
            precondition(index != .rsp && [1, 2, 4, 8].contains(scale), "no such address")
            self.base = base; self.index = index; self.scale = scale; self.displacement = displacement
        }
    }

    /// A position in the code that a jump can target.
    struct Label { let offset: Int }

    private(set) var bytes: [UInt8] = []

    // MARK: - Integer instructions

    /// `add dst, imm32` (sign-extended).
    mutating func add(_ dst: GPR, _ immediate: Int32) {
        rex(w: true, reg: 0, rm: dst.rawValue)
        if let small = Int8(exactly: immediate) {
            bytes += [0x83, modRM(0b11, 0, dst.rawValue), UInt8(bitPattern: small)]
        } else {
            bytes += [0x81, modRM(0b11, 0, dst.rawValue)]
            bytes += littleEndian(immediate)
        }
    }

    /// `add dst, src` (64-bit).
    mutating func add(_ dst: GPR, _ src: GPR) {
        rex(w: true, reg: src.rawValue, rm: dst.rawValue)
        bytes += [0x01, modRM(0b11, src.rawValue, dst.rawValue)]
    }

    /// `mov dst, src` (64-bit).
    mutating func mov(_ dst: GPR, _ src: GPR) {
        rex(w: true, reg: src.rawValue, rm: dst.rawValue)
        bytes += [0x89, modRM(0b11, src.rawValue, dst.rawValue)]
    }

    /// `mov dst, qword [mem]`.
    mutating func mov(_ dst: GPR, _ src: Memory) {
        rex(w: true, reg: dst.rawValue, rm: src.base.rawValue, index: src.index?.rawValue ?? 0)
        bytes.append(0x8B)
        memoryOperand(reg: dst.rawValue, src)
    }

    /// `lea dst, [mem]`.
    mutating func lea(_ dst: GPR, _ src: Memory) {
        rex(w: true, reg: dst.rawValue, rm: src.base.rawValue, index: src.index?.rawValue ?? 0)
        bytes.append(0x8D)
        memoryOperand(reg: dst.rawValue, src)
    }

    /// `mov dword [base + disp], src` (the low 32 bits of src).
    mutating func mov32(_ dst: Memory, _ src: GPR) {
        let index = dst.index?.rawValue ?? 0
        if src.rawValue >= 8 || dst.base.rawValue >= 8 || index >= 8 {
            bytes.append(0x40 | (src.rawValue >> 3) << 2 | (index >> 3) << 1 | dst.base.rawValue >> 3)
        }
        bytes.append(0x89)
        memoryOperand(reg: src.rawValue, dst)
    }

    /// `mov dst32, src32` (zero-extends into the full register).
    mutating func mov32(_ dst: GPR, _ src: GPR) {
        if src.rawValue >= 8 || dst.rawValue >= 8 {
            bytes.append(0x40 | (src.rawValue >> 3) << 2 | dst.rawValue >> 3)
        }
        bytes += [0x89, modRM(0b11, src.rawValue, dst.rawValue)]
    }

    /// `xor dst32, dst32`-style zeroing of a 32-bit register.
    mutating func xor32(_ dst: GPR, _ src: GPR) {
        if src.rawValue >= 8 || dst.rawValue >= 8 {
            bytes.append(0x40 | (src.rawValue >> 3) << 2 | dst.rawValue >> 3)
        }
        bytes += [0x31, modRM(0b11, src.rawValue, dst.rawValue)]
    }

    /// `sub dst, imm8` (64-bit, sign-extended), which sets SF and ZF for a following jump.
    mutating func sub(_ dst: GPR, _ immediate: Int8) {
        rex(w: true, reg: 0, rm: dst.rawValue)
        bytes += [0x83, modRM(0b11, 5, dst.rawValue), UInt8(bitPattern: immediate)]
    }

    /// A forward jump whose target is not placed yet: `place(_:)` fills in its 32-bit displacement.
    struct Forward { let offset: Int }

    /// `js` (the long form, rel32) to a target placed later.
    mutating func jumpIfNegative() -> Forward { bytes += [0x0F, 0x88, 0, 0, 0, 0]; return Forward(offset: bytes.count) }

    /// `jz` (the long form, rel32) to a target placed later.
    mutating func jumpIfZero() -> Forward { bytes += [0x0F, 0x84, 0, 0, 0, 0]; return Forward(offset: bytes.count) }

    /// Makes the forward jump land here.
    mutating func place(_ jump: Forward) {
        let distance = littleEndian(Int32(bytes.count - jump.offset))
        for i in 0..<4 { bytes[jump.offset - 4 + i] = distance[i] }
    }

    /// `jns label` to a label already placed (a backward jump), in the short form when it reaches.
    mutating func jns(_ label: Label) {
        if let short = Int8(exactly: label.offset - (bytes.count + 2)) {
            bytes += [0x79, UInt8(bitPattern: short)]
        } else {
            bytes += [0x0F, 0x89]
            bytes += littleEndian(Int32(label.offset - (bytes.count + 4)))
        }
    }

    /// `dec dst` (64-bit), which sets ZF for a following `jnz`.
    mutating func dec(_ dst: GPR) {
        rex(w: true, reg: 0, rm: dst.rawValue)
        bytes += [0xFF, modRM(0b11, 1, dst.rawValue)]
    }

    mutating func push(_ reg: GPR) {
        if reg.rawValue >= 8 { bytes.append(0x41) }
        bytes.append(0x50 + reg.rawValue & 7)
    }

    mutating func pop(_ reg: GPR) {
        if reg.rawValue >= 8 { bytes.append(0x41) }
        bytes.append(0x58 + reg.rawValue & 7)
    }

    mutating func cpuid() { bytes += [0x0F, 0xA2] }
    mutating func xgetbv() { bytes += [0x0F, 0x01, 0xD0] }
    mutating func ret() { bytes.append(0xC3) }

    /// The current position, to jump back to.
    var here: Label { Label(offset: bytes.count) }

    /// `jnz label` to a label already placed (a backward jump), in the short form when it reaches.
    mutating func jnz(_ label: Label) {
        if let short = Int8(exactly: label.offset - (bytes.count + 2)) {
            bytes += [0x75, UInt8(bitPattern: short)]
        } else {
            bytes += [0x0F, 0x85]
            bytes += littleEndian(Int32(label.offset - (bytes.count + 4)))
        }
    }

    // MARK: - AVX instructions (256-bit)

    /// `vmovupd ymm, [mem]`.
    mutating func vmovupd(_ dst: YMM, _ src: Memory) { vex(map: 0x0F, op: 0x10, reg: dst.number, src) }

    /// `vmovupd [mem], ymm`.
    mutating func vmovupd(_ dst: Memory, _ src: YMM) { vex(map: 0x0F, op: 0x11, reg: src.number, dst) }

    /// `vbroadcastsd ymm, qword [mem]`: the double at mem in all four lanes.
    mutating func vbroadcastsd(_ dst: YMM, _ src: Memory) { vex(map: 0x0F38, op: 0x19, reg: dst.number, src) }

    mutating func vaddpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x58, dst, a, b) }
    mutating func vmulpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x59, dst, a, b) }
    mutating func vxorpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x57, dst, a, b) }

    mutating func vsubpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x5C, dst, a, b) }
    mutating func vdivpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x5E, dst, a, b) }
    mutating func vorpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x56, dst, a, b) }

    /// `vOPpd ymm, ymm, ymmword [mem]` for add, mul, sub, div, min and and (the second source in memory).
    mutating func vaddpd(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0x58, dst, a, b) }
    mutating func vmulpd(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0x59, dst, a, b) }
    mutating func vsubpd(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0x5C, dst, a, b) }
    mutating func vminpd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0x5D, dst, a, b) }
    mutating func vandpd(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0x54, dst, a, b) }

    /// `vfmadd231pd dst, a, b`: dst = a·b + dst with one rounding (FMA3, VEX.W1).
    mutating func vfmadd231pd(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F38, op: 0xB8, dst, a, b, w: true) }
    mutating func vfmadd231pd(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F38, op: 0xB8, dst, a, b, w: true) }

    mutating func vxorpd(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0x57, dst, a, b) }

    /// `vblendvpd dst, a, b, mask`: each lane from b where the mask lane's sign bit is set, else from a.
    mutating func vblendvpd(_ dst: YMM, _ a: YMM, _ b: YMM, _ mask: YMM) {
        vex(map: 0x0F3A, op: 0x4B, dst, a, b)
        bytes.append(mask.number << 4)   // is4: the fourth register in the immediate's high nibble
    }

    /// AVX2 integer lanes: `vpaddq`, `vpsubq` (64-bit lanes), and `vpsllq`, `vpsrlq ymm, ymm, imm8` (logical).
    mutating func vpaddq(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0xD4, dst, a, b) }
    mutating func vpsubq(_ dst: YMM, _ a: YMM, _ b: Memory) { vex(map: 0x0F, op: 0xFB, dst, a, b) }
    mutating func vpsubq(_ dst: YMM, _ a: YMM, _ b: YMM) { vex(map: 0x0F, op: 0xFB, dst, a, b) }
    mutating func vpsllq(_ dst: YMM, _ src: YMM, _ count: UInt8) { shift(extension: 6, dst, src, count) }
    mutating func vpsrlq(_ dst: YMM, _ src: YMM, _ count: UInt8) { shift(extension: 2, dst, src, count) }

    /// VEX.256.66.0F 73 /ext ib: the destination is VEX.vvvv, the source ModRM.rm.
    private mutating func shift(extension ext: UInt8, _ dst: YMM, _ src: YMM, _ count: UInt8) {
        vexPrefix(map: 0x0F, reg: ext, vvvv: dst.number, rmHigh: src.number >> 3)
        bytes += [0x73, modRM(0b11, ext, src.number), count]
    }

    /// `vzeroupper`, so that SSE code after the kernel pays no transition penalty.
    mutating func vzeroupper() { bytes += [0xC5, 0xF8, 0x77] }

    // MARK: - Encoding

    private func modRM(_ mod: UInt8, _ reg: UInt8, _ rm: UInt8) -> UInt8 { mod << 6 | (reg & 7) << 3 | rm & 7 }

    private func littleEndian(_ value: Int32) -> [UInt8] {
        let bits = UInt32(bitPattern: value)
        return (0..<4).map { UInt8(truncatingIfNeeded: bits >> (8 * $0)) }
    }

    /// A REX prefix with W and the high bits of reg, index and rm.
    private mutating func rex(w: Bool, reg: UInt8, rm: UInt8, index: UInt8 = 0) {
        bytes.append(0x40 | (w ? 8 : 0) | (reg >> 3) << 2 | (index >> 3) << 1 | rm >> 3)
    }

    /// ModRM (+ SIB when there is an index or the base is rsp/r12) and the shortest displacement.
    private mutating func memoryOperand(reg: UInt8, _ memory: Memory) {
        let base = memory.base.rawValue & 7
        let disp = memory.displacement
        // mod 00 with base 101 would mean RIP-relative (or no base), so rbp/r13 always take a displacement.
        let mod: UInt8 = disp == 0 && base != 5 ? 0b00 : Int8(exactly: disp) != nil ? 0b01 : 0b10
        if let index = memory.index {
            let scaleBits: UInt8 = [1: 0, 2: 1, 4: 2, 8: 3][memory.scale]!
            bytes.append(modRM(mod, reg, 0b100))
            bytes.append(scaleBits << 6 | (index.rawValue & 7) << 3 | base)
        } else {
            bytes.append(modRM(mod, reg, base))
            if base == 4 { bytes.append(0x24) }   // SIB: no index, base = rsp/r12
        }
        if mod == 0b01 { bytes.append(UInt8(bitPattern: Int8(disp))) }
        if mod == 0b10 { bytes += littleEndian(disp) }
    }

    /// The VEX prefix for 256-bit, prefix-66 instructions (W0 unless `w`): the two-byte form (C5) where it can
    /// say it all (map 0F, W0, no extended base or index register), as assemblers choose, else the three-byte
    /// form (C4).
    private mutating func vexPrefix(map: Int, reg: UInt8, vvvv: UInt8, rmHigh: UInt8, indexHigh: UInt8 = 0,
                                    w: Bool = false) {
        let r = (~(reg >> 3) & 1) << 7, rest = (w ? 0x80 : 0) | (~vvvv & 0xF) << 3 | 1 << 2 | 0b01
        if map == 0x0F && !w && rmHigh == 0 && indexHigh == 0 {
            bytes += [0xC5, r | rest]
            return
        }
        let mmmmm: UInt8 = map == 0x0F ? 1 : map == 0x0F38 ? 2 : 3
        bytes += [0xC4, r | (~indexHigh & 1) << 6 | (~rmHigh & 1) << 5 | mmmmm, rest]
    }

    private mutating func vex(map: Int, op: UInt8, reg: UInt8, _ memory: Memory) {
        vexPrefix(map: map, reg: reg, vvvv: 0, rmHigh: memory.base.rawValue >> 3,
                  indexHigh: (memory.index?.rawValue ?? 0) >> 3)
        bytes.append(op)
        memoryOperand(reg: reg, memory)
    }

    private mutating func vex(map: Int, op: UInt8, _ dst: YMM, _ a: YMM, _ memory: Memory, w: Bool = false) {
        vexPrefix(map: map, reg: dst.number, vvvv: a.number, rmHigh: memory.base.rawValue >> 3,
                  indexHigh: (memory.index?.rawValue ?? 0) >> 3, w: w)
        bytes.append(op)
        memoryOperand(reg: dst.number, memory)
    }

    private mutating func vex(map: Int, op: UInt8, _ dst: YMM, _ a: YMM, _ b: YMM, w: Bool = false) {
        vexPrefix(map: map, reg: dst.number, vvvv: a.number, rmHigh: b.number >> 3, w: w)
        bytes += [op, modRM(0b11, dst.number, b.number)]
    }
}
