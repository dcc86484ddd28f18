#if canImport(Glibc)
import Glibc
#endif

/// Machine code copied into its own pages, which are writable while it is copied and then only readable and
/// executable (never both writable and executable). The pages live as long as the process: kernels are made
/// once, on first use.
struct ExecutableCode: @unchecked Sendable {
    let entry: UnsafeRawPointer

    /// nil where the system refuses executable memory (a hardened kernel, a sandbox) or on other systems:
    /// callers then keep to the portable Swift kernels.
    init?(_ bytes: [UInt8]) {
        #if os(Linux) && arch(x86_64)
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        let size = (bytes.count + pageSize - 1) / pageSize * pageSize
        guard size > 0 else { return nil }
        let pages = mmap(nil, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0)
        guard let pages, pages != MAP_FAILED else { return nil }
        bytes.withUnsafeBytes { pages.copyMemory(from: $0.baseAddress!, byteCount: bytes.count) }
        guard mprotect(pages, size, PROT_READ | PROT_EXEC) == 0 else {
            munmap(pages, size)
            return nil
        }
        entry = UnsafeRawPointer(pages)
        #else
        return nil
        #endif
    }
}

/// What the processor and the operating system allow, asked of the processor itself with CPUID and XGETBV
/// (two tiny generated functions), as the SDM prescribes for AVX: the CPU has it (CPUID.1:ECX.AVX) and the
/// OS saves the YMM registers on a context switch (CPUID.1:ECX.OSXSAVE, then XCR0 bits 1 and 2). FMA3
/// (CPUID.1:ECX.FMA) uses the same registers, so it counts only with AVX.
struct CPUFeatures: Sendable {
    let avx: Bool
    let avx2: Bool
    let fma: Bool

    /// The x86-64 baseline (SSE2): none of these.
    static let baseline = CPUFeatures(avx: false, avx2: false, fma: false)

    /// What the running machine has; the baseline where code cannot be generated.
    static let hardware: CPUFeatures = detect() ?? .baseline

    /// The features the generated kernels may use: `hardware`, or the baseline when `GRADUS_PORTABLE_KERNELS=1` is in
    /// the environment, to compare with the portable kernels (which round as the generated ones would, see
    /// `ProductRounding`).
    static let current: CPUFeatures = {
        if let flag = getenv("GRADUS_PORTABLE_KERNELS"), String(cString: flag) == "1" { return .baseline }
        return hardware
    }()

    private typealias CPUIDFunction = @convention(c) (UInt32, UInt32, UnsafeMutablePointer<UInt32>) -> Void
    private typealias XGETBVFunction = @convention(c) () -> UInt32

    /// CPUID(leaf, subleaf) → [eax, ebx, ecx, edx] through a generated function.
    static func cpuid(leaf: UInt32, subleaf: UInt32 = 0) -> [UInt32]? {
        guard let code = cpuidCode else { return nil }
        var registers = [UInt32](repeating: 0, count: 4)
        let function = unsafeBitCast(code.entry, to: CPUIDFunction.self)
        registers.withUnsafeMutableBufferPointer { function(leaf, subleaf, $0.baseAddress!) }
        return registers
    }

    private static func detect() -> CPUFeatures? {
        guard let vendor = cpuid(leaf: 0), let leaf1 = cpuid(leaf: 1), let xgetbvCode else { return nil }
        let osxsave = leaf1[2] & (1 << 27) != 0, cpuAVX = leaf1[2] & (1 << 28) != 0
        guard osxsave && cpuAVX else { return .baseline }
        let xcr0 = unsafeBitCast(xgetbvCode.entry, to: XGETBVFunction.self)()
        let avx = xcr0 & 0b110 == 0b110
        let avx2 = avx && vendor[0] >= 7 && (cpuid(leaf: 7)?[1] ?? 0) & (1 << 5) != 0
        return CPUFeatures(avx: avx, avx2: avx2, fma: avx && leaf1[2] & (1 << 12) != 0)
    }

    /// `void cpuid(uint32 leaf, uint32 subleaf, uint32 out[4])`: rbx is callee-saved, and CPUID overwrites rdx,
    /// so the output pointer moves to r8 first.
    private static let cpuidCode: ExecutableCode? = {
        var asm = X86Assembler()
        asm.push(.rbx)
        asm.mov(.r8, .rdx)
        asm.mov32(.rax, .rdi)
        asm.mov32(.rcx, .rsi)
        asm.cpuid()
        asm.mov32(.init(base: .r8, displacement: 0), .rax)
        asm.mov32(.init(base: .r8, displacement: 4), .rbx)
        asm.mov32(.init(base: .r8, displacement: 8), .rcx)
        asm.mov32(.init(base: .r8, displacement: 12), .rdx)
        asm.pop(.rbx)
        asm.ret()
        return ExecutableCode(asm.bytes)
    }()

    /// `uint32 xgetbv0(void)`: the low half of XCR0.
    private static let xgetbvCode: ExecutableCode? = {
        var asm = X86Assembler()
        asm.xor32(.rcx, .rcx)
        asm.xgetbv()
        asm.ret()
        return ExecutableCode(asm.bytes)
    }()
}
