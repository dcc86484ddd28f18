import Foundation
import GradusTestSupport
import Testing
@testable import GradusEngine

/// The kernels generated at run time: their encodings against GNU `as`, the CPU features against the kernel's
/// own report, and the AVX product against the portable one, bit for bit.
@Suite("Generated x86-64 kernels")
struct GeneratedKernelTests {
    /// Assembles `source` (Intel syntax) with GNU as and returns the raw bytes of its text section.
    private func gnuAssemble(_ source: String) throws -> [UInt8] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-as-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = folder.appendingPathComponent("k.s"), object = folder.appendingPathComponent("k.o")
        let raw = folder.appendingPathComponent("k.bin")
        try (".intel_syntax noprefix\n" + source + "\n").write(to: text, atomically: true, encoding: .utf8)
        let assembled = try runProcess(TestEnvironment.tool("as")!, ["--64", "-o", object.path, text.path])
        try #require(assembled.status == 0, "as: \(assembled.stderrText)")
        let copied = try runProcess(TestEnvironment.tool("objcopy")!, ["-O", "binary", "-j", ".text", object.path, raw.path])
        try #require(copied.status == 0, "objcopy: \(copied.stderrText)")
        return Array(try Data(contentsOf: raw))
    }

    @Test("Every instruction form encodes as GNU as encodes it", .enabled(if: TestEnvironment.wants("as")))
    func encodingsMatchGNUAssembler() throws {
        typealias M = X86Assembler.Memory
        typealias Y = X86Assembler.YMM
        var asm = X86Assembler()
        var source: [String] = []
        func both(_ text: String, _ emit: (inout X86Assembler) -> Void) { source.append(text); emit(&asm) }
        both("add rsi, 48") { $0.add(.rsi, 48) }
        both("add rdx, 4096") { $0.add(.rdx, 4096) }
        both("add r11, -8") { $0.add(.r11, -8) }
        both("add rcx, r8") { $0.add(.rcx, .r8) }
        both("add r11, rsi") { $0.add(.r11, .rsi) }
        both("2: dec rdi") { $0.dec(.rdi) }
        both("jnz 2b") { $0.jnz(X86Assembler.Label(offset: $0.bytes.count - 3)) }
        both("mov r8, rdx") { $0.mov(.r8, .rdx) }
        both("mov r10, qword ptr [rsp + 8]") { $0.mov(.r10, M(base: .rsp, displacement: 8)) }
        both("mov rax, qword ptr [r13]") { $0.mov(.rax, M(base: .r13)) }
        both("lea r11, [r10 + r10*2]") { $0.lea(.r11, M(base: .r10, index: .r10, scale: 2)) }
        both("lea rax, [rbx + r12*8 + 1000]") { $0.lea(.rax, M(base: .rbx, index: .r12, scale: 8, displacement: 1000)) }
        both("mov dword ptr [r8 + 12], edx") { $0.mov32(M(base: .r8, displacement: 12), .rdx) }
        both("mov dword ptr [r8], eax") { $0.mov32(M(base: .r8), .rax) }
        both("mov eax, edi") { $0.mov32(.rax, .rdi) }
        both("xor ecx, ecx") { $0.xor32(.rcx, .rcx) }
        both("dec rdi") { $0.dec(.rdi) }
        both("push rbx") { $0.push(.rbx) }
        both("pop r12") { $0.pop(.r12) }
        both("cpuid") { $0.cpuid() }
        both("xgetbv") { $0.xgetbv() }
        both("vmovupd ymm12, ymmword ptr [rdx]") { $0.vmovupd(Y(12), M(base: .rdx)) }
        both("vmovupd ymm3, ymmword ptr [r13 + 32]") { $0.vmovupd(Y(3), M(base: .r13, displacement: 32)) }
        both("vmovupd ymmword ptr [rcx + 32], ymm11") { $0.vmovupd(M(base: .rcx, displacement: 32), Y(11)) }
        both("vmovupd ymmword ptr [rsp + 512], ymm0") { $0.vmovupd(M(base: .rsp, displacement: 512), Y(0)) }
        both("vbroadcastsd ymm14, qword ptr [rsi]") { $0.vbroadcastsd(Y(14), M(base: .rsi)) }
        both("vbroadcastsd ymm14, qword ptr [r11 + r10*2]") { $0.vbroadcastsd(Y(14), M(base: .r11, index: .r10, scale: 2)) }
        both("vbroadcastsd ymm2, qword ptr [rsi + r10]") { $0.vbroadcastsd(Y(2), M(base: .rsi, index: .r10)) }
        both("vmulpd ymm15, ymm14, ymm12") { $0.vmulpd(Y(15), Y(14), Y(12)) }
        both("vaddpd ymm0, ymm0, ymm15") { $0.vaddpd(Y(0), Y(0), Y(15)) }
        both("vaddpd ymm9, ymm3, ymm1") { $0.vaddpd(Y(9), Y(3), Y(1)) }
        both("vxorpd ymm11, ymm11, ymm11") { $0.vxorpd(Y(11), Y(11), Y(11)) }
        both("vzeroupper") { $0.vzeroupper() }
        both("ret") { $0.ret() }
        #expect(asm.bytes == (try gnuAssemble(source.joined(separator: "\n"))))
    }

    @Test("The generated micro-kernel is the program its comments describe", .enabled(if: TestEnvironment.wants("as")))
    func microKernelMatchesItsAssembly() throws {
        // The same kernel written out by hand: a second reading of AVXMicroKernel.machineCode().
        var lines = ["mov r10, qword ptr [rsp + 8]", "lea r11, [r10 + r10*2]", "add r11, rsi"]
        lines += (0..<12).map { "vxorpd ymm\($0), ymm\($0), ymm\($0)" }
        lines += ["1:", "vmovupd ymm12, ymmword ptr [rdx]", "vmovupd ymm13, ymmword ptr [rdx + 32]"]
        let rows = ["[rsi]", "[rsi + r10]", "[rsi + r10*2]", "[r11]", "[r11 + r10]", "[r11 + r10*2]"]
        for (i, row) in rows.enumerated() {
            lines += ["vbroadcastsd ymm14, qword ptr \(row)",
                      "vmulpd ymm15, ymm14, ymm12", "vaddpd ymm\(2 * i), ymm\(2 * i), ymm15",
                      "vmulpd ymm15, ymm14, ymm13", "vaddpd ymm\(2 * i + 1), ymm\(2 * i + 1), ymm15"]
        }
        lines += ["add rsi, r9", "add r11, r9", "add rdx, 64", "dec rdi", "jnz 1b"]
        for i in 0..<6 {
            lines += ["vmovupd ymmword ptr [rcx], ymm\(2 * i)", "vmovupd ymmword ptr [rcx + 32], ymm\(2 * i + 1)"]
            if i < 5 { lines.append("add rcx, r8") }
        }
        lines += ["vzeroupper", "ret"]
        let expected = try gnuAssemble(lines.joined(separator: "\n"))
        #expect(AVXMicroKernel.machineCode() == expected)
    }

    @Test("CPUID reports what the kernel reports in /proc/cpuinfo")
    func featuresMatchProcCPUInfo() throws {
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = Set(info.split(separator: "\n").first { $0.hasPrefix("flags") }!.split(separator: " ").map(String.init))
        let detected = CPUFeatures.current
        #expect(detected.avx == flags.contains("avx"))
        #expect(detected.avx2 == flags.contains("avx2"))
        let vendor = try #require(CPUFeatures.cpuid(leaf: 0))
        let name = [vendor[1], vendor[3], vendor[2]].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
        #expect(info.contains("vendor_id\t: \(String(decoding: name, as: UTF8.self))"))
    }

    @Test("The AVX product gives the portable product's bits, for every shape and transposition",
          .enabled(if: AVXMicroKernel.function != nil))
    func avxMatchesPortableBitForBit() throws {
        let kernel = try #require(AVXMicroKernel.function)
        var rng = Generator(seed: 17)
        // (160, 200, 140) is past the threshold where the work is shared between threads.
        var shapes = [(1, 1, 1), (6, 8, 1), (12, 16, 5), (13, 17, 64), (128, 64, 64), (7, 9, 300), (160, 200, 140)]
        for _ in 0..<300 {
            shapes.append((Int(rng.nextUniform() * 50) + 1, Int(rng.nextUniform() * 50) + 1, Int(rng.nextUniform() * 50) + 1))
        }
        for (trial, (m, n, k)) in shapes.enumerated() {
            let ta = trial % 2 == 1, tb = trial % 4 >= 2
            var a = Tensor.normal(ta ? .matrix(k, m) : .matrix(m, k), generator: &rng)
            let b = Tensor.normal(tb ? .matrix(n, k) : .matrix(k, n), generator: &rng)
            if trial == 3 { a[0, 0] = .infinity; a[1, 1] = .nan }   // non-finite values flow the same way
            let portable = Tensor.gemm(a, transposeA: ta, b, transposeB: tb, kernel: nil)
            let avx = Tensor.gemm(a, transposeA: ta, b, transposeB: tb, kernel: kernel)
            #expect(avx.shape == portable.shape)
            #expect(avx.scalars.map(\.bitPattern) == portable.scalars.map(\.bitPattern), "\(m)×\(k)·\(k)×\(n) \(ta) \(tb)")
        }
    }
}

@Suite("Memory kept between training steps")
struct MemoryPolicyTests {
    @Test("After a backward pass glibc keeps freed pages (both malloc thresholds accepted)")
    func thresholdsAccepted() {
        let x = Variable(Tensor([1, 2, 3]))
        (x * x).sum().backward()
        // Under AddressSanitizer (Benchmarks/sanitizers.sh) malloc is the sanitizer's, whose mallopt accepts
        // nothing; with glibc's, both settings must be taken.
        let sanitizerAllocator = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "__asan_init") != nil
        #expect(MemoryPolicy.applied == !sanitizerAllocator)
        #expect(x.grad?.scalars == [2, 4, 6])
    }
}
