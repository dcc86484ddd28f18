import Foundation
import Testing
import GradusTestSupport

/// The engine picks its matrix-product kernel at run time (AVX, generated, where the CPU has it; portable SSE2
/// otherwise). The course's numbers must not depend on the machine: every simulation, run through the real
/// binary, prints the same bytes with either kernel.
@Suite("Simulations do not depend on the CPU")
struct KernelIndependenceTests {
    @Test("Every simulation's JSON is byte-identical with the generated AVX kernel and the portable one")
    func sameBytesWithEitherKernel() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let list = try runProcess(binary, ["simulate", "--list"])
        try #require(list.status == 0, "\(list.stderrText)")
        let names = list.stdoutText.split(separator: "\n")
            .filter { !$0.hasPrefix(" ") && $0.contains(":") }
            .map { String($0.prefix { $0 != ":" }) }
        #expect(names.count >= 11)
        var environment = ProcessInfo.processInfo.environment
        for name in names {
            environment["GRADUS_PORTABLE_KERNELS"] = "0"
            let best = try runProcess(binary, ["simulate", name, "--format", "json"], environment: environment)
            environment["GRADUS_PORTABLE_KERNELS"] = "1"
            let portable = try runProcess(binary, ["simulate", name, "--format", "json"], environment: environment)
            #expect(best.status == 0 && portable.status == 0, "\(name): \(best.stderrText) \(portable.stderrText)")
            #expect(best.stdout.count > 100, "\(name) printed a table")
            #expect(best.stdout == portable.stdout, "\(name) depends on the kernel")
        }
    }
}
