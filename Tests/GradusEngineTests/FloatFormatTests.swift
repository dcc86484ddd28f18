import Foundation
import Testing
@testable import GradusEngine
import GradusTestSupport

@Suite("Low-precision formats: fp16 through Float16, bf16 from a Float's bits")
struct FloatFormatTests {
    @Test("The formats' limits are the IEEE and bfloat16 constants")
    func limits() {
        #expect(FloatFormat.fp16.greatestFiniteMagnitude == 65504)
        #expect(FloatFormat.fp16.leastNormalMagnitude == 1.0 / 16384)         // 2⁻¹⁴ ≈ 6.1e-5
        #expect(FloatFormat.fp16.leastNonzeroMagnitude == 1.0 / 16_777_216)   // 2⁻²⁴ ≈ 6.0e-8
        #expect(FloatFormat.fp16.epsilon == 1.0 / 1024)
        #expect(FloatFormat.bf16.epsilon == 1.0 / 128)
        #expect(FloatFormat.bf16.leastNormalMagnitude == Double(Float.leastNormalMagnitude))
        #expect(FloatFormat.fp32.greatestFiniteMagnitude == Double(Float.greatestFiniteMagnitude))
        #expect(FloatFormat.fp32.leastNonzeroMagnitude == Double(Float.leastNonzeroMagnitude))
        // bf16's largest finite number: exponent 127, significand 1.1111111₂.
        #expect(FloatFormat.bf16.greatestFiniteMagnitude == (2 - 1.0 / 128) * pow(2, 127))
        #if !((os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64))
        if #available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *) {
            #expect(FloatFormat.fp16.greatestFiniteMagnitude == Double(Float16.greatestFiniteMagnitude))
            #expect(FloatFormat.fp16.leastNormalMagnitude == Double(Float16.leastNormalMagnitude))
            #expect(FloatFormat.fp16.leastNonzeroMagnitude == Double(Float16.leastNonzeroMagnitude))
        }
        #endif
    }

    @Test("fp16 rounding: overflow, ties to even, subnormals and flushing to zero")
    func halfCases() {
        let fp16 = FloatFormat.fp16
        #expect(fp16.round(65504) == 65504)
        #expect(fp16.round(65519.99) == 65504)
        #expect(fp16.round(65520) == .infinity)          // the midpoint to 2¹⁶, and 2¹⁶ is "even"
        #expect(fp16.round(-70000) == -.infinity)
        #expect(fp16.round(2049) == 2048)                // spacing 2 above 2048; a tie, to even
        #expect(fp16.round(2051) == 2052)
        #expect(fp16.round(0.1) == 0.0999755859375)      // 1638/16384
        #expect(fp16.round(1e-7) == 2 * fp16.leastNonzeroMagnitude)   // subnormal: 1.68 units of 2⁻²⁴ → 2
        #expect(fp16.round(2.9e-8) == 0)                 // below half the smallest subnormal (2⁻²⁵ ≈ 2.98e-8)
        #expect(fp16.round(3e-8) == fp16.leastNonzeroMagnitude)
        #expect(fp16.round(.nan).isNaN)
    }

    @Test("bf16 rounding: eight significand bits, fp32's range, ties to even")
    func bfloatCases() {
        let bf16 = FloatFormat.bf16
        #expect(bf16.round(1.0 / 3) == 0.333984375)       // 171/512
        #expect(bf16.round(Double.pi) == 3.140625)
        #expect(bf16.round(257) == 256)                   // spacing 2 above 256, a tie, to even
        #expect(bf16.round(259) == 260)
        #expect(bf16.round(1e-30) != 0 && abs(bf16.round(1e-30) / 1e-30 - 1) < 1.0 / 256)
        // The largest finite bf16 is (2 − 2⁻⁷)·2¹²⁷ ≈ 3.390e38; from the midpoint (2 − 2⁻⁸)·2¹²⁷ ≈ 3.396e38 on, ∞.
        #expect(bf16.round(3.39e38) == bf16.greatestFiniteMagnitude)
        #expect(bf16.round(3.4e38) == .infinity)
        #expect(bf16.round(-.infinity) == -.infinity)
        #expect(bf16.round(.nan).isNaN)
        #expect(FloatFormat.bfloat16(Float(bitPattern: 0x7FC0_0001)).isNaN)
    }

    @Test("Float16 and bf16-from-bits agree with a correctly rounded reference on random and edge values")
    func againstReference() {
        var generator = Generator(seed: 21)
        var values: [Double] = [0, -0.0, 1, -1, 65504, 65519, 65520, 65536, 1e-8, 2.9802322387695312e-08]
        for _ in 0..<20_000 {
            // Magnitudes from 2⁻³⁰ to 2¹⁸, both signs: fp16's subnormals, normals and overflow.
            let x = Foundation.pow(2, -30 + 48 * generator.nextUniform()) * (generator.nextUniform() < 0.5 ? -1 : 1)
            values.append(x)
            values.append(Double(Float(x)))
        }
        // Midpoints between neighbouring fp16 numbers, where ties to even decide.
        for k in stride(from: 1.0, to: 2048, by: 37) { values.append((k + 0.5) * pow(2, -10)) }
        for x in values {
            let half = FloatFormat.float16(x), reference = FloatFormat.roundBinary(x, format: .fp16)
            #expect(half == reference || (half.isNaN && reference.isNaN), "Float16 of \(x): \(half) vs \(reference)")
            #expect(FloatFormat.fp16.round(x) == reference, "fp16 of \(x): \(FloatFormat.fp16.round(x)) vs \(reference)")
            // bf16 rounds the Float of x; for an exact Float there is no double rounding to tell apart.
            let f = Double(Float(x))
            guard f.isFinite else { continue }
            let brain = FloatFormat.bf16.round(f), brainReference = FloatFormat.roundBinary(f, format: .bf16)
            #expect(brain == brainReference, "bf16 of \(f): \(brain) vs \(brainReference)")
        }
    }

    @Test("The fp16 rounding on Double bits equals Swift's Float16 around every fp16 number")
    func halfAgainstFloat16() {
        // For every pair of neighbouring non-negative fp16 numbers: both, their midpoint (a tie) and the Doubles
        // just beside it, in both signs; and every finite fp16 number beyond, up to the overflow midpoint 65 520.
        var checked = 0
        for pattern in UInt16(0)..<0x7BFF {
            let low = halfValue(pattern)
            let high = halfValue(pattern + 1), middle = (low + high) / 2
            for x in [low, high, middle, middle.nextUp, middle.nextDown, low.nextUp, high.nextDown] {
                for signed in [x, -x] {
                    let fast = FloatFormat.half(signed), reference = FloatFormat.float16(signed)
                    #expect(fast.bitPattern == reference.bitPattern, "\(signed): \(fast) vs Float16 \(reference)")
                    checked += 1
                }
            }
        }
        for x in [65504, 65519.999, 65520, 65536, 1e10, .infinity, -.infinity, 0x1p-25, 0x1p-25.nextUp, 0x1p-26] {
            #expect(FloatFormat.half(x).bitPattern == FloatFormat.float16(x).bitPattern, "\(x)")
        }
        #expect(FloatFormat.half(.nan).isNaN && FloatFormat.half(-0.0).sign == .minus)
        #expect(checked > 400_000)
    }

    /// The value of the fp16 number with bits `pattern` (sign 0), decoded by hand: subnormal below exponent field 1.
    private func halfValue(_ pattern: UInt16) -> Double {
        let exponent = Int(pattern >> 10), fraction = Double(pattern & 0x3FF)
        return exponent == 0 ? fraction * 0x1p-24 : (1 + fraction / 1024) * pow(2, Double(exponent - 15))
    }

    @Test("fp16 rounding agrees with numpy's float16 conversion", .enabled(if: PythonOracle.wantsNumpy()))
    func numpyHalf() throws {
        var generator = Generator(seed: 5)
        let values = (0..<2000).map { _ in
            Foundation.pow(2, -28 + 46 * generator.nextUniform()) * (generator.nextUniform() < 0.5 ? -1 : 1)
        } + [65519.99, 65520, 2049, 0.1, 1e-7, 3e-8, 2.9e-8]
        let output = try #require(try PythonOracle.run("""
        import json, sys
        import numpy as np
        x = np.array(json.load(sys.stdin), dtype=np.float64)
        with np.errstate(over="ignore"):
            y = x.astype(np.float16).astype(np.float64)
        print(json.dumps([repr(float(v)) for v in y]))
        """, input: values) as? [String])
        for (x, text) in zip(values, output) {
            let expected = text == "inf" ? Double.infinity : text == "-inf" ? -Double.infinity : Double(text)!
            #expect(FloatFormat.fp16.round(x) == expected, "\(x): \(FloatFormat.fp16.round(x)) vs numpy \(expected)")
        }
    }

    @Test("The spacing of fp16 numbers is 2^(e−10), and 2⁻²⁴ among the subnormals")
    func spacing() {
        #expect(FloatFormat.fp16.spacing(at: 1) == 1.0 / 1024)
        #expect(FloatFormat.fp16.spacing(at: 1000) == 0.5)
        #expect(FloatFormat.fp16.spacing(at: 2048) == 2)
        #expect(FloatFormat.fp16.spacing(at: 1e-6) == FloatFormat.fp16.leastNonzeroMagnitude)
        #expect(FloatFormat.bf16.spacing(at: 1) == 1.0 / 128)
        // Neighbours differ by the spacing: x + spacing/2 (a tie) rounds to even, a hair more rounds up.
        let x = 1000.0, unit = FloatFormat.fp16.spacing(at: x)
        #expect(FloatFormat.fp16.round(x + unit / 2) == x)
        #expect(FloatFormat.fp16.round(x + unit / 2 + 1e-9) == x + unit)
    }

    @Test("A variable stored in fp16 rounds its value forward and its gradient backward")
    func roundedVariable() {
        let w = Variable(Tensor([0.1, 1e-9, 3]))
        let stored = w.rounded(to: .fp16)
        #expect(stored.value.scalars == [0.0999755859375, 0, 3])
        (stored * Variable.constant(Tensor([1e-8, 1, 0.3]))).sum().backward()
        // The gradient 1e-8 is below half of 2⁻²⁴ and flushes to 0; 0.3 is stored as 1229/4096.
        #expect(w.grad!.scalars == [0, 1, 0.300048828125])
    }
}
