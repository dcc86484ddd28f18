import Foundation
import Testing
import GradusEngine
import GradusTestSupport
@testable import GradusSimulation

@Suite("fp16-bf16-rounding")
struct FloatRoundingTests {
    @Test("Each value's fp16 and bf16 neighbours, from the formats' definitions")
    func values() throws {
        let table = try runSimulation("fp16-bf16-rounding")
        let x = try table.numbers("value"), half = try table.numbers("fp16"), brain = try table.numbers("bf16")
        #expect(x == FloatRounding.values)
        let expectedHalf: [Double] = [.infinity, .infinity, 65504, 2048, 1000.5, 1, 1638.0 / 16384, 1023.0 / 16_777_216,
                                      168.0 / 16_777_216, 17.0 / 16_777_216, 2.0 / 16_777_216, 1.0 / 16_777_216, 0]
        #expect(half == expectedHalf)
        // bf16 keeps 8 significant bits over fp32's range: 70 000 = 1.0001000101110000₂·2¹⁶ → 1.0001001₂·2¹⁶.
        #expect(brain[0] == 70144 && brain[1] == 65536 && brain[3] == 2048 && brain[4] == 1000)
        for (b, value) in zip(brain, x) { #expect(abs(b - value) / value <= 1.0 / 256, "\(value) → \(b)") }
        let error = try table.numbers("fp16_error")
        #expect(error[0] == .infinity && error.last == 1 && error[2] == 0)
    }

    @Test("A loss scale of 2¹⁰ rescues the small values and pushes the large ones into overflow")
    func scaled() throws {
        let table = try runSimulation("fp16-bf16-rounding", [("scale", "1024")])
        let x = try table.numbers("value"), half = try table.numbers("fp16"), brain = try table.numbers("bf16")
        #expect(half[2] == .infinity && half.last! != 0)
        // 1e-8·1024 ≈ 1.02e-5 is a subnormal with spacing 2⁻²⁴: 172 units, so 172·2⁻²⁴/1024.
        #expect(half.last! == 172.0 / 16_777_216 / 1024)
        // bf16 has the same relative spacing at every scale: a power of two changes nothing.
        let unscaled = try runSimulation("fp16-bf16-rounding").numbers("bf16")
        #expect(brain == unscaled)
        #expect(x.count == half.count)
    }
}

@Suite("loss-scale-sweep")
struct LossScaleSweepTests {
    @Test("At the defaults: fp16 without scaling flushes the first layer, 2⁸ rescues it, large scales overflow, bf16 flushes nothing")
    func defaults() throws {
        let table = try runSimulation("loss-scale-sweep")
        let k = try table.numbers("k"), zero = try table.numbers("fp16_zero"), overflow = try table.numbers("fp16_nonfinite")
        let first = try table.numbers("fp16_error_first"), all = try table.numbers("fp16_error")
        #expect(k == stride(from: 0.0, through: 32, by: 2).map { $0 })
        #expect(zero[0] > 0.1 && first[0] > 0.9)
        #expect(first[4] < 0.01)                          // k = 8
        #expect(all[0] < 1e-3)                            // the whole gradient's norm hides the first layer
        #expect(overflow[0] == 0 && overflow.last! == 1)
        let firstOverflow = try #require(overflow.firstIndex { $0 > 0 })
        #expect(all[firstOverflow] == .infinity || all[firstOverflow].isNaN)
        #expect(overflow[..<firstOverflow].allSatisfy { $0 == 0 })
        #expect(try table.numbers("bf16_zero").allSatisfy { $0 == 0 })
        let brain = try table.numbers("bf16_error_first")
        #expect(Set(brain).count == 1, "bf16's error does not depend on a power-of-two scale")
        #expect(brain[0] > 5 * first[8])                  // 8 significand bits against fp16's 11
    }

    @Test("Scaling by 2ᵏ changes nothing in Double: the unscaled gradients are the same numbers")
    func exactScaling() {
        let setup = LossScaleSweep.Setup(depth: 4, width: 8, batch: 16, seed: 2)
        let one = setup.gradients(format: nil, scale: 1), many = setup.gradients(format: nil, scale: 1024)
        #expect(one == many)
    }

    @Test("The exact gradients are numpy's, and numpy's float16 emulation flushes the same share",
          .enabled(if: PythonOracle.wantsNumpy()))
    func numpy() throws {
        let setup = LossScaleSweep.Setup(depth: 6, width: 16, batch: 32, seed: 4)
        let exact = setup.gradients(format: nil, scale: 1)
        let halves = [0, 6].map { k in setup.gradients(format: .fp16, scale: pow(2, Double(k))) }
        let script = """
        import json, sys
        import numpy as np
        d = json.load(sys.stdin)
        Ws = [np.array(w).reshape(16, 16) for w in d["W"]]
        X = np.array(d["x"]).reshape(32, 16); Y = np.array(d["y"]).reshape(32, 16)
        def grads(r, S):
            W = [r(w) for w in Ws]; h = r(X); hs = [h]; ss = []
            for i, w in enumerate(W):
                z = r(h @ w)
                if i < len(W) - 1:
                    h = r(1 / (1 + np.exp(-z))); ss.append(h)
                else:
                    h = z
                hs.append(h)
            d = r(S * 2 * (h - Y) / Y.size)
            G = [None] * len(W)
            for i in reversed(range(len(W))):
                G[i] = r(hs[i].T @ d)
                if i > 0:
                    d = r(r(d @ W[i].T) * ss[i - 1] * (1 - ss[i - 1]))
            return [(g / S).ravel().tolist() for g in G]
        half = lambda a: a.astype(np.float16).astype(np.float64)
        with np.errstate(over="ignore"):
            out = {"exact": grads(lambda a: a, 1.0), "half": [grads(half, 2.0 ** k) for k in (0, 6)]}
        print(json.dumps(out))
        """
        let input: [String: Any] = ["W": setup.network.weights.map(\.value.scalars), "x": setup.input.scalars,
                                    "y": setup.target.scalars]
        let output = try #require(try PythonOracle.run(script, input: input) as? [String: Any])
        let expected = try #require(output["exact"] as? [[Double]])
        for (layer, (mine, theirs)) in zip(exact, expected).enumerated() {
            let scale = theirs.map(abs).max()!
            #expect(zip(mine, theirs).allSatisfy { abs($0 - $1) <= 1e-12 * scale }, "layer \(layer + 1)")
        }
        // In fp16 the two differ only where the order of a sum moves a value across a rounding boundary.
        let halfExpected = try #require(output["half"] as? [[[Double]]])
        for (mine, theirs) in zip(halves, halfExpected) {
            let a = LossScaleSweep.Comparison(mine, exact), b = LossScaleSweep.Comparison(theirs, exact)
            #expect(abs(a.flushedShare - b.flushedShare) < 0.01, "\(a.flushedShare) vs \(b.flushedShare)")
            #expect(abs(a.firstLayerError - b.firstLayerError) < 0.02 * b.firstLayerError + 1e-4,
                    "\(a.firstLayerError) vs \(b.firstLayerError)")
        }
    }
}

@Suite("dynamic-loss-scaling")
struct DynamicLossScalingTests {
    @Test("At the defaults the scale doubles every 25 steps until an overflow, halves, and skips that step")
    func scaleFollowsTheRules() throws {
        let table = try runSimulation("dynamic-loss-scaling", [("every", "1")])
        let scale = try table.numbers("scale"), skipped = try table.numbers("skipped")
        #expect(scale[0] == 65536 && scale[25] == 131_072 && scale[50] == 262_144)
        #expect(skipped.last! > 0)
        for t in 1..<scale.count {
            let ratio = scale[t] / scale[t - 1]
            #expect(ratio == 1 || ratio == 2 || ratio == 0.5, "step \(t)")
            // A halving is exactly a skipped step.
            #expect((ratio == 0.5) == (skipped[t] == skipped[t - 1] + 1), "step \(t)")
        }
    }

    @Test("Without scaling fp16 leaves the first layer nearly still; with it, it moves as in fp32; fp16-only weights do not move")
    func firstLayer() throws {
        let table = try runSimulation("dynamic-loss-scaling")
        let full = try table.numbers("change_fp32").last!, unscaled = try table.numbers("change_unscaled").last!
        let scaled = try table.numbers("change_scaled").last!, halfOnly = try table.numbers("change_fp16_weights").last!
        #expect(abs(scaled / full - 1) < 0.05, "\(scaled) vs \(full)")
        #expect(unscaled < full / 5)
        #expect(halfOnly < full / 100)
        let losses = try table.numbers("loss_fp32"), mixed = try table.numbers("loss_fp16")
        #expect(zip(losses, mixed).allSatisfy { abs($0 - $1) < 0.01 * $0 })
    }

    @Test("A first scale that overflows at once is halved step after step, each step skipped, until the gradients fit")
    func largeStart() throws {
        let table = try runSimulation("dynamic-loss-scaling", [("init_scale", "1e12"), ("steps", "30"), ("every", "1")])
        let scale = try table.numbers("scale"), skipped = try table.numbers("skipped")
        let settled = try #require((0..<(skipped.count - 1)).first { skipped[$0] == skipped[$0 + 1] })
        #expect(settled >= 10)   // 10¹² against at most ~2²⁵ that fits: at least a dozen halvings
        for t in 0..<settled { #expect(scale[t + 1] == scale[t] / 2 && skipped[t + 1] == Double(t + 1)) }
        #expect(try table.numbers("change_scaled")[settled] == 0, "no update was applied while skipping")
    }
}
