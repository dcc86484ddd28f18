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
        both("mov rax, qword ptr [rsp + 16]") { $0.mov(.rax, M(base: .rsp, displacement: 16)) }
        both("add rdx, rax") { $0.add(.rdx, .rax) }
        both("mov rax, qword ptr [r13]") { $0.mov(.rax, M(base: .r13)) }
        both("lea r11, [r10 + r10*2]") { $0.lea(.r11, M(base: .r10, index: .r10, scale: 2)) }
        both("lea rax, [rbx + r12*8 + 1000]") { $0.lea(.rax, M(base: .rbx, index: .r12, scale: 8, displacement: 1000)) }
        both("mov dword ptr [r8 + 12], edx") { $0.mov32(M(base: .r8, displacement: 12), .rdx) }
        both("mov dword ptr [r8], eax") { $0.mov32(M(base: .r8), .rax) }
        both("mov eax, edi") { $0.mov32(.rax, .rdi) }
        both("xor ecx, ecx") { $0.xor32(.rcx, .rcx) }
        both("dec rdi") { $0.dec(.rdi) }
        both("sub rdi, 2") { $0.sub(.rdi, 2) }
        both("sub r11, -8") { $0.sub(.r11, -8) }
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
        both("vsubpd ymm4, ymm1, ymm4") { $0.vsubpd(Y(4), Y(1), Y(4)) }
        both("vdivpd ymm8, ymm8, ymm9") { $0.vdivpd(Y(8), Y(8), Y(9)) }
        both("vorpd ymm8, ymm8, ymm0") { $0.vorpd(Y(8), Y(8), Y(0)) }
        both("vminpd ymm1, ymm15, ymm1") { $0.vminpd(Y(1), Y(15), Y(1)) }
        both("vaddpd ymm2, ymm2, ymmword ptr [rcx + 160]") { $0.vaddpd(Y(2), Y(2), M(base: .rcx, displacement: 160)) }
        both("vmulpd ymm1, ymm1, ymmword ptr [rcx + 96]") { $0.vmulpd(Y(1), Y(1), M(base: .rcx, displacement: 96)) }
        both("vsubpd ymm9, ymm7, ymmword ptr [rcx + 640]") { $0.vsubpd(Y(9), Y(7), M(base: .rcx, displacement: 640)) }
        both("vandpd ymm1, ymm0, ymmword ptr [rcx]") { $0.vandpd(Y(1), Y(0), M(base: .rcx)) }
        both("vandpd ymm12, ymm13, ymmword ptr [r9 + 32]") { $0.vandpd(Y(12), Y(13), M(base: .r9, displacement: 32)) }
        both("vpaddq ymm7, ymm7, ymmword ptr [rcx + 704]") { $0.vpaddq(Y(7), Y(7), M(base: .rcx, displacement: 704)) }
        both("vpsubq ymm7, ymm2, ymmword ptr [rcx + 160]") { $0.vpsubq(Y(7), Y(2), M(base: .rcx, displacement: 160)) }
        both("vpsllq ymm7, ymm7, 52") { $0.vpsllq(Y(7), Y(7), 52) }
        both("vpsllq ymm3, ymm12, 1") { $0.vpsllq(Y(3), Y(12), 1) }
        both("vxorpd ymm1, ymm1, ymmword ptr [rcx + 32]") { $0.vxorpd(Y(1), Y(1), M(base: .rcx, displacement: 32)) }
        both("vblendvpd ymm5, ymm5, ymm3, ymm0") { $0.vblendvpd(Y(5), Y(5), Y(3), Y(0)) }
        both("vblendvpd ymm11, ymm11, ymm9, ymm6") { $0.vblendvpd(Y(11), Y(11), Y(9), Y(6)) }
        both("vpsrlq ymm7, ymm7, 1") { $0.vpsrlq(Y(7), Y(7), 1) }
        both("vpsubq ymm8, ymm8, ymm7") { $0.vpsubq(Y(8), Y(8), Y(7)) }
        both("vfmadd231pd ymm0, ymm14, ymm12") { $0.vfmadd231pd(Y(0), Y(14), Y(12)) }
        both("vfmadd231pd ymm11, ymm14, ymm13") { $0.vfmadd231pd(Y(11), Y(14), Y(13)) }
        both("vfmadd231pd ymm9, ymm2, ymm3") { $0.vfmadd231pd(Y(9), Y(2), Y(3)) }
        both("vfmadd231pd ymm3, ymm12, ymmword ptr [rcx + 64]") { $0.vfmadd231pd(Y(3), Y(12), M(base: .rcx, displacement: 64)) }
        both("vfmadd231pd ymm1, ymm2, ymmword ptr [r9]") { $0.vfmadd231pd(Y(1), Y(2), M(base: .r9)) }
        both("vzeroupper") { $0.vzeroupper() }
        both("ret") { $0.ret() }
        #expect(asm.bytes == (try gnuAssemble(source.joined(separator: "\n"))))
    }

    @Test("Each generated micro-kernel is the program its comments describe", .enabled(if: TestEnvironment.wants("as")))
    func microKernelMatchesItsAssembly() throws {
        // The kernels written out by hand: a second reading of AVXMicroKernel.machineCode(rows:accumulate:).
        for (accumulate, fused) in [(false, false), (true, false), (false, true), (true, true)] {
            for height in 1...6 {
                var lines = ["mov r10, qword ptr [rsp + 8]", "mov rax, qword ptr [rsp + 16]"]
                if height > 3 { lines += ["lea r11, [r10 + r10*2]", "add r11, rsi"] }
                lines += (0 ..< 2 * height).map { "vxorpd ymm\($0), ymm\($0), ymm\($0)" }
                lines += ["1:", "vmovupd ymm12, ymmword ptr [rdx]", "vmovupd ymm13, ymmword ptr [rdx + 32]"]
                let rows = ["[rsi]", "[rsi + r10]", "[rsi + r10*2]", "[r11]", "[r11 + r10]", "[r11 + r10*2]"]
                for (i, row) in rows.prefix(height).enumerated() {
                    lines.append("vbroadcastsd ymm14, qword ptr \(row)")
                    if fused {
                        lines += ["vfmadd231pd ymm\(2 * i), ymm14, ymm12", "vfmadd231pd ymm\(2 * i + 1), ymm14, ymm13"]
                    } else {
                        lines += ["vmulpd ymm15, ymm14, ymm12", "vaddpd ymm\(2 * i), ymm\(2 * i), ymm15",
                                  "vmulpd ymm15, ymm14, ymm13", "vaddpd ymm\(2 * i + 1), ymm\(2 * i + 1), ymm15"]
                    }
                }
                lines += ["add rsi, r9"] + (height > 3 ? ["add r11, r9"] : []) + ["add rdx, rax", "dec rdi", "jnz 1b"]
                for i in 0..<height {
                    for half in 0..<2 {
                        let place = half == 0 ? "[rcx]" : "[rcx + 32]", acc = 2 * i + half
                        if accumulate {
                            lines += ["vmovupd ymm\(14 + half), ymmword ptr \(place)",
                                      "vaddpd ymm\(14 + half), ymm\(14 + half), ymm\(acc)",
                                      "vmovupd ymmword ptr \(place), ymm\(14 + half)"]
                        } else {
                            lines.append("vmovupd ymmword ptr \(place), ymm\(acc)")
                        }
                    }
                    if i < height - 1 { lines.append("add rcx, r8") }
                }
                lines += ["vzeroupper", "ret"]
                let expected = try gnuAssemble(lines.joined(separator: "\n"))
                #expect(AVXMicroKernel.machineCode(rows: height, accumulate: accumulate, fused: fused) == expected,
                        "\(height) rows, accumulate \(accumulate), fused \(fused)")
            }
        }
    }

    @Test("The generated tanh is the program its comments describe", .enabled(if: TestEnvironment.wants("as")))
    func tanhKernelMatchesItsAssembly() throws {
        let slot = Listing.slot, y = Listing.y, x = Listing.x
        let lines = Listing.elementwise(setup: "vmovupd ymm15, ymmword ptr \(slot(2))") { each in
            each { b, o in "vmovupd \(y(b)), ymmword ptr \(x(o))" }
            each { b, _ in "vandpd \(y(b + 1)), \(y(b)), ymmword ptr \(slot(0))" }
            each { b, _ in "vminpd \(y(b + 1)), ymm15, \(y(b + 1))" }
            each { b, _ in "vmulpd \(y(b + 1)), \(y(b + 1)), ymmword ptr \(slot(3))" }
            each { b, _ in "vmulpd \(y(b + 2)), \(y(b + 1)), ymmword ptr \(slot(4))" }
            each { b, _ in "vaddpd \(y(b + 2)), \(y(b + 2)), ymmword ptr \(slot(5))" }
            each { b, _ in "vsubpd \(y(b + 3)), \(y(b + 2)), ymmword ptr \(slot(5))" }
            each { b, _ in "vmulpd \(y(b + 4)), \(y(b + 3)), ymmword ptr \(slot(6))" }
            each { b, _ in "vsubpd \(y(b + 4)), \(y(b + 1)), \(y(b + 4))" }
            each { b, _ in "vmulpd \(y(b)), \(y(b + 3)), ymmword ptr \(slot(7))" }
            each { b, _ in "vsubpd \(y(b + 4)), \(y(b + 4)), \(y(b))" }
            each { b, _ in "vpsubq \(y(b + 1)), \(y(b + 2)), ymmword ptr \(slot(5))" }
            each { b, _ in "vpaddq \(y(b + 1)), \(y(b + 1)), ymmword ptr \(slot(22))" }
            each { b, _ in "vpsllq \(y(b + 1)), \(y(b + 1)), 52" }
            each { b, _ in "vmovupd \(y(b + 2)), ymmword ptr \(slot(8))" }
            for index in 9...19 {
                each { b, _ in "vmulpd \(y(b + 2)), \(y(b + 2)), \(y(b + 4))" }
                each { b, _ in "vaddpd \(y(b + 2)), \(y(b + 2)), ymmword ptr \(slot(index))" }
            }
            each { b, _ in "vmulpd \(y(b + 3)), \(y(b + 4)), \(y(b + 4))" }
            each { b, _ in "vmulpd \(y(b + 3)), \(y(b + 3)), \(y(b + 2))" }
            each { b, _ in "vaddpd \(y(b + 3)), \(y(b + 4)), \(y(b + 3))" }
            each { b, _ in "vmulpd \(y(b + 2)), \(y(b + 1)), \(y(b + 3))" }
            each { b, _ in "vsubpd \(y(b + 4)), \(y(b + 1)), ymmword ptr \(slot(20))" }
            each { b, _ in "vaddpd \(y(b + 2)), \(y(b + 2)), \(y(b + 4))" }
            each { b, _ in "vaddpd \(y(b + 4)), \(y(b + 2)), ymmword ptr \(slot(21))" }
            each { b, _ in "vdivpd \(y(b + 2)), \(y(b + 2)), \(y(b + 4))" }
            each { b, _ in "vandpd \(y(b + 2)), \(y(b + 2)), ymmword ptr \(slot(0))" }
            each { b, o in "vmovupd \(y(b)), ymmword ptr \(x(o))" }
            each { b, _ in "vandpd \(y(b)), \(y(b)), ymmword ptr \(slot(1))" }
            each { b, _ in "vorpd \(y(b + 2)), \(y(b + 2)), \(y(b))" }
            each { b, o in "vmovupd ymmword ptr \(o == 0 ? "[rdx]" : "[rdx + \(o)]"), \(y(b + 2))" }
        }
        #expect(AVXTanh.machineCode() == (try gnuAssemble(lines)))
    }

    @Test("The generated sigmoid is the program its comments describe", .enabled(if: TestEnvironment.wants("as")))
    func sigmoidKernelMatchesItsAssembly() throws {
        let slot = Listing.slot, y = Listing.y, x = Listing.x
        let lines = Listing.elementwise(setup: "vmovupd ymm15, ymmword ptr \(slot(2))") { each in
            each { b, o in "vmovupd \(y(b)), ymmword ptr \(x(o))" }
            each { b, _ in "vandpd \(y(b + 1)), \(y(b)), ymmword ptr \(slot(0))" }
            each { b, _ in "vminpd \(y(b + 1)), ymm15, \(y(b + 1))" }
            each { b, _ in "vxorpd \(y(b + 1)), \(y(b + 1)), ymmword ptr \(slot(1))" }
            each { b, _ in "vmulpd \(y(b + 2)), \(y(b + 1)), ymmword ptr \(slot(3))" }
            each { b, _ in "vaddpd \(y(b + 2)), \(y(b + 2)), ymmword ptr \(slot(4))" }
            each { b, _ in "vsubpd \(y(b + 3)), \(y(b + 2)), ymmword ptr \(slot(4))" }
            each { b, _ in "vmulpd \(y(b + 4)), \(y(b + 3)), ymmword ptr \(slot(5))" }
            each { b, _ in "vsubpd \(y(b + 4)), \(y(b + 1)), \(y(b + 4))" }
            each { b, _ in "vmulpd \(y(b)), \(y(b + 3)), ymmword ptr \(slot(6))" }
            each { b, _ in "vsubpd \(y(b + 4)), \(y(b + 4)), \(y(b))" }
            each { b, _ in "vpsubq \(y(b + 2)), \(y(b + 2)), ymmword ptr \(slot(4))" }
            each { b, _ in "vpaddq \(y(b + 1)), \(y(b + 2)), ymmword ptr \(slot(20))" }
            each { b, _ in "vpsrlq \(y(b + 1)), \(y(b + 1)), 1" }
            each { b, _ in "vpsubq \(y(b + 1)), \(y(b + 1)), ymmword ptr \(slot(21))" }
            each { b, _ in "vpsubq \(y(b + 2)), \(y(b + 2)), \(y(b + 1))" }
            each { b, _ in "vpaddq \(y(b + 1)), \(y(b + 1)), ymmword ptr \(slot(22))" }
            each { b, _ in "vpsllq \(y(b + 1)), \(y(b + 1)), 52" }
            each { b, _ in "vpaddq \(y(b + 2)), \(y(b + 2)), ymmword ptr \(slot(22))" }
            each { b, _ in "vpsllq \(y(b + 2)), \(y(b + 2)), 52" }
            each { b, _ in "vmovupd \(y(b)), ymmword ptr \(slot(7))" }
            for index in 8...18 {
                each { b, _ in "vmulpd \(y(b)), \(y(b)), \(y(b + 4))" }
                each { b, _ in "vaddpd \(y(b)), \(y(b)), ymmword ptr \(slot(index))" }
            }
            each { b, _ in "vmulpd \(y(b + 3)), \(y(b + 4)), \(y(b + 4))" }
            each { b, _ in "vmulpd \(y(b + 3)), \(y(b + 3)), \(y(b))" }
            each { b, _ in "vaddpd \(y(b + 3)), \(y(b + 4)), \(y(b + 3))" }
            each { b, _ in "vaddpd \(y(b + 3)), \(y(b + 3)), ymmword ptr \(slot(19))" }
            each { b, _ in "vmulpd \(y(b + 3)), \(y(b + 3)), \(y(b + 1))" }
            each { b, _ in "vmulpd \(y(b + 3)), \(y(b + 3)), \(y(b + 2))" }
            each { b, _ in "vaddpd \(y(b + 4)), \(y(b + 3)), ymmword ptr \(slot(19))" }
            each { b, _ in "vmovupd \(y(b)), ymmword ptr \(slot(19))" }
            each { b, o in "vmovupd \(y(b + 1)), ymmword ptr \(x(o))" }
            each { b, _ in "vblendvpd \(y(b)), \(y(b)), \(y(b + 3)), \(y(b + 1))" }
            each { b, _ in "vdivpd \(y(b)), \(y(b)), \(y(b + 4))" }
            each { b, _ in "vandpd \(y(b)), \(y(b)), ymmword ptr \(slot(0))" }
            each { b, o in "vmovupd ymmword ptr \(o == 0 ? "[rdx]" : "[rdx + \(o)]"), \(y(b))" }
        }
        #expect(AVXSigmoid.machineCode() == (try gnuAssemble(lines)))
    }

    /// A generated elementwise kernel, with the arguments that test it: its edge cases (the caps, the subnormal
    /// tail, NaN payloads) and the spread of its random arguments.
    struct ElementwiseCase: CustomStringConvertible, Sendable {
        var description: String
        var seed: UInt64
        var edges: [Double]
        var exponentRange: Double
        var normalScale: Double
        var apply: @Sendable (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, Bool) -> Void

        static let sigmoid = ElementwiseCase(description: "sigmoid", seed: 37,
            edges: [0, -0.0, 5e-324, -5e-324, 1e-300, -1e-17, 3e-9, 0.5, -0.5, 0.3465735902799726, 36.7, -37,
                    708, -708.5, 709.8, -709.8, 744.9, -745.2, 745.9, -746, 746.1, -800, 1e308, -1e308,
                    .infinity, -.infinity, .nan, -Double.nan, Double(bitPattern: 0x7FF4_0000_0000_0001),
                    Double(bitPattern: 0xFFF8_0000_0000_0042), .greatestFiniteMagnitude],
            exponentRange: 42, normalScale: 5, apply: { Elementary.sigmoid($0, into: $1, portable: $2) })
        static let tanh = ElementwiseCase(description: "tanh", seed: 31,
            edges: [0, -0.0, 5e-324, -5e-324, 1e-300, 1e-17, 3e-9, 0.5, -0.5, 0.3465735902799726, 19.99, 20,
                    20.01, 21, 700, 1e308, -1e308, .infinity, -.infinity, .nan, -Double.nan,
                    Double(bitPattern: 0x7FF4_0000_0000_0001), .greatestFiniteMagnitude],
            exponentRange: 40, normalScale: 3, apply: { Elementary.tanh($0, into: $1, portable: $2) })
    }

    @Test("The generated sigmoid gives the portable sigmoid's bits, edge cases and 10⁵ random arguments",
          .enabled(if: AVXSigmoid.function != nil))
    func avxSigmoidMatchesPortableBitForBit() { expectPortableBits(.sigmoid) }

    @Test("The generated tanh gives the portable tanh's bits, edge cases and 10⁵ random arguments",
          .enabled(if: AVXTanh.function != nil))
    func avxTanhMatchesPortableBitForBit() { expectPortableBits(.tanh) }

    func expectPortableBits(_ kernel: ElementwiseCase) {
        var rng = Generator(seed: kernel.seed)
        var xs = kernel.edges
        for _ in 0..<50_000 { xs.append((rng.nextUniform() - 0.5) * Foundation.pow(2, rng.nextUniform() * kernel.exponentRange - 30)) }
        for _ in 0..<50_000 { xs.append(rng.nextNormal() * kernel.normalScale) }
        // Every length mod 12: whole triples of groups of four and one or two groups after them, and every tail
        // the portable code takes.
        for count in (0..<12).map({ xs.count - $0 }) + [1, 2, 3, 4, 5, 7, 8, 9, 11, 12, 13, 16, 20, 23, 24, 25] {
            let input = Array(xs.prefix(count))
            var portable = [Double](repeating: 0, count: count), generated = portable
            input.withUnsafeBufferPointer { x in
                portable.withUnsafeMutableBufferPointer { kernel.apply(x, $0, true) }
                generated.withUnsafeMutableBufferPointer { kernel.apply(x, $0, false) }
            }
            #expect(generated.map(\.bitPattern) == portable.map(\.bitPattern), "\(count) arguments")
            // In place, as the LSTM's gates use it (x is read again near the end of each step).
            var inPlace = input
            inPlace.withUnsafeMutableBufferPointer { kernel.apply(UnsafeBufferPointer($0), $0, false) }
            #expect(inPlace.map(\.bitPattern) == portable.map(\.bitPattern), "\(count) arguments in place")
        }
    }

    @Test("CPUID reports what the kernel reports in /proc/cpuinfo")
    func featuresMatchProcCPUInfo() throws {
        let info = try String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)
        let flags = Set(info.split(separator: "\n").first { $0.hasPrefix("flags") }!.split(separator: " ").map(String.init))
        let detected = CPUFeatures.current
        #expect(detected.avx == flags.contains("avx"))
        #expect(detected.avx2 == flags.contains("avx2"))
        #expect(detected.fma == (flags.contains("fma") && flags.contains("avx")))
        // Products fuse on every machine; the generated kernels exist, fused, exactly where the CPU has AVX and FMA.
        #expect(ProductRounding.fused)
        #expect(AVXMicroKernel.kernels.map { $0.fused } ?? true)
        #expect((AVXMicroKernel.kernels != nil) == (detected.avx && detected.fma))
        let vendor = try #require(CPUFeatures.cpuid(leaf: 0))
        let name = [vendor[1], vendor[3], vendor[2]].flatMap { word in (0..<4).map { UInt8(truncatingIfNeeded: word >> (8 * $0)) } }
        #expect(info.contains("vendor_id\t: \(String(decoding: name, as: UTF8.self))"))
    }

    /// The modes this CPU can run the generated kernels in: unfused always, fused with FMA.
    static var modes: [Bool] { CPUFeatures.current.fma ? [false, true] : [false] }

    /// op(a)·op(b) by the definition, element by element: Σₚ from +0 in increasing p, each step fused or a
    /// product then a sum. The kernels must give these bits.
    private func naiveProduct(_ a: Tensor, _ ta: Bool, _ b: Tensor, _ tb: Bool, fused: Bool) -> Tensor {
        let m = ta ? a.shape.cols : a.shape.rows, k = ta ? a.shape.rows : a.shape.cols
        let n = tb ? b.shape.rows : b.shape.cols
        var out = Tensor.zeros(.matrix(m, n))
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    let x = ta ? a[p, i] : a[i, p], y = tb ? b[j, p] : b[p, j]
                    if fused { s = s.addingProduct(x, y) } else { s += x * y }
                }
                out[i, j] = s
            }
        }
        return out
    }

    @Test("The AVX product gives the portable product's bits and the definition's, for every shape and transposition, fused or not",
          .enabled(if: AVXMicroKernel.kernels != nil))
    func avxMatchesPortableBitForBit() throws {
        for fused in Self.modes { try avxMatchesPortable(fused: fused) }
    }

    private func avxMatchesPortable(fused: Bool) throws {
        let kernel = try #require(AVXMicroKernel.make(fused: fused))
        var rng = Generator(seed: 17)
        // (160, 200, 140) is past the threshold where the work is shared between threads.
        // 1 … 3 rows and 2 … 4 steps: the few-rows code when unfused, the AVX kernels when fused.
        var shapes = [(1, 1, 1), (6, 8, 1), (12, 16, 5), (13, 17, 64), (128, 64, 64), (7, 9, 300), (160, 200, 140),
                      (32, 128, 32), (32, 32, 128), (128, 128, 128), (1, 128, 32), (1, 32, 128), (2, 13, 9),
                      (3, 40, 3), (20, 9, 2), (1, 7, 4), (5, 1, 1), (1, 1, 37)]
        for m in 12...17 { shapes.append((m, 24, 7)); shapes.append((m, 21, 7)) }   // each last-block height
        // A last block of 1 or 2 rows: the last two blocks share their rows (4 + 3, 4 + 4).
        for m in [19, 20, 26, 32, 38] { shapes.append((m, 16, 33)); shapes.append((m, 13, 33)) }
        for _ in 0..<300 {
            shapes.append((Int(rng.nextUniform() * 50) + 1, Int(rng.nextUniform() * 50) + 1, Int(rng.nextUniform() * 50) + 1))
        }
        for (trial, (m, n, k)) in shapes.enumerated() {
            let ta = trial % 2 == 1, tb = trial % 4 >= 2
            var a = Tensor.normal(ta ? .matrix(k, m) : .matrix(m, k), generator: &rng)
            let b = Tensor.normal(tb ? .matrix(n, k) : .matrix(k, n), generator: &rng)
            if trial == 3 { a[0, 0] = .infinity; a[1, 1] = .nan }   // non-finite values flow the same way
            let portable = Tensor.gemm(a, transposeA: ta, b, transposeB: tb, kernel: nil, fused: fused)
            let avx = Tensor.gemm(a, transposeA: ta, b, transposeB: tb, kernel: kernel, fused: fused)
            let naive = naiveProduct(a, ta, b, tb, fused: fused)
            #expect(avx.shape == portable.shape)
            let label = "\(m)×\(k)·\(k)×\(n) \(ta) \(tb) fused \(fused)"
            #expect(avx.scalars.map(\.bitPattern) == portable.scalars.map(\.bitPattern), "\(label)")
            #expect(portable.scalars.map(\.bitPattern) == naive.scalars.map(\.bitPattern), "\(label)")
        }
    }

    @Test("Fused and unfused products differ in the last bits, not more", .enabled(if: CPUFeatures.current.fma))
    func fusedDiffersFromUnfused() throws {
        var rng = Generator(seed: 29)
        let a = Tensor.normal(.matrix(64, 64), generator: &rng), b = Tensor.normal(.matrix(64, 64), generator: &rng)
        for kernel in [nil, AVXMicroKernel.make(fused: true)] {
            let fused = Tensor.gemm(a, transposeA: false, b, transposeB: false, kernel: kernel, fused: true)
            let unfused = Tensor.gemm(a, transposeA: false, b, transposeB: false,
                                      kernel: kernel == nil ? nil : AVXMicroKernel.make(fused: false), fused: false)
            #expect(fused.scalars != unfused.scalars)
            let gap = zip(fused.scalars, unfused.scalars).map { abs($0 - $1) }.max()!
            #expect(gap < 1e-12)
        }
    }

    @Test("Adding a product in place gives the bits of adding the product, with the AVX kernels and the portable one",
          .enabled(if: AVXMicroKernel.kernels != nil))
    func addProductMatchesAddBitForBit() throws {
        for fused in Self.modes { try addProductMatchesAdd(fused: fused) }
    }

    private func addProductMatchesAdd(fused: Bool) throws {
        let kernel = try #require(AVXMicroKernel.make(fused: fused))
        var rng = Generator(seed: 23)
        // Every height of the last row block (m mod 6), B read in place (n a multiple of 8) and packed, the
        // few-rows paths (m < 12 portable, m < 4 AVX, k ≤ 4), and a product past the threshold where threads share
        // the work.
        var shapes = [(1, 1, 1), (1, 32, 128), (32, 128, 32), (32, 32, 128), (7, 16, 3), (160, 200, 140), (13, 24, 0)]
        for m in 12...17 { shapes.append((m, 16, 9)); shapes.append((m, 13, 9)) }
        for m in [19, 20, 26, 38] { shapes.append((m, 16, 9)); shapes.append((m, 13, 9)) }
        for m in 3...11 { shapes.append((m, 32, 128)); shapes.append((m, 7, 5)) }   // the AVX kernel from 4 rows on
        for m in 1...3 { shapes.append((m, 16, 2)); shapes.append((m, 9, 4)) }   // fused: the AVX kernels here too
        for _ in 0..<150 {
            shapes.append((Int(rng.nextUniform() * 40) + 1, Int(rng.nextUniform() * 40) + 1, Int(rng.nextUniform() * 40) + 1))
        }
        for (trial, (m, n, k)) in shapes.enumerated() {
            let ta = trial % 2 == 1, tb = trial % 4 >= 2
            let a = Tensor.normal(ta ? .matrix(k, m) : .matrix(m, k), generator: &rng)
            let b = Tensor.normal(tb ? .matrix(n, k) : .matrix(k, n), generator: &rng)
            var start = Tensor.normal(.matrix(m, n), generator: &rng)
            if m * n > 2 { start.scalars[1] = -0.0; start.scalars[2] = .nan }
            var reference = start
            reference.add(Tensor.gemm(a, transposeA: ta, b, transposeB: tb, kernel: nil, fused: fused))
            var portable = start, avx = start
            portable.addProduct(a, transposeA: ta, b, transposeB: tb, kernel: nil, fused: fused)
            avx.addProduct(a, transposeA: ta, b, transposeB: tb, kernel: kernel, fused: fused)
            let expected = reference.scalars.map(\.bitPattern)
            let label = "\(m)×\(k)·\(k)×\(n) \(ta) \(tb) fused \(fused)"
            #expect(portable.scalars.map(\.bitPattern) == expected, "portable \(label)")
            #expect(avx.scalars.map(\.bitPattern) == expected, "AVX \(label)")
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

/// The GNU as listings of the generated elementwise kernels, written out by hand as the oracle of their code.
enum Listing {
    static func slot(_ index: Int) -> String { index == 0 ? "[rcx]" : "[rcx + \(32 * index)]" }
    static func y(_ n: Int) -> String { "ymm\(n)" }
    static func x(_ offset: Int) -> String { offset == 0 ? "[rsi]" : "[rsi + \(offset)]" }

    /// `setup`, then the steps for three vectors side by side while three or more groups are left, then for one
    /// at a time. `steps` lists one vector's instructions through `each`, which writes one line per vector from
    /// its first register (ymm(5v)) and its offset (32v).
    static func elementwise(setup: String, _ steps: (_ each: ((Int, Int) -> String) -> Void) -> Void) -> String {
        func body(_ lanes: Int) -> [String] {
            var lines: [String] = []
            steps { step in for v in 0..<lanes { lines.append(step(5 * v, 32 * v)) } }
            return lines + ["add rsi, \(32 * lanes)", "add rdx, \(32 * lanes)"]
        }
        var lines = [setup, "sub rdi, 3", "js 3f", "2:"]
        lines += body(3) + ["sub rdi, 3", "jns 2b", "3:", "add rdi, 3", "jz 4f", "5:"] + body(1)
        lines += ["dec rdi", "jnz 5b", "4:", "vzeroupper", "ret"]
        return lines.joined(separator: "\n")
    }
}
