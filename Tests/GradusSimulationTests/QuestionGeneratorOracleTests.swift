import Foundation
import Testing
import GradusEngine
@testable import GradusSimulation

/// Each generator's numbers against closed forms written out here from the values it shows, and its gradients
/// against central finite differences of the forward computation it differentiates.
@Suite("Question generators: closed forms and finite differences")
struct QuestionGeneratorOracleTests {
    static let seeds: ClosedRange<UInt64> = 1...200

    /// What a generator should have computed for one draw.
    struct Expected {
        var answer: Double
        /// Computed values by placeholder name.
        var intermediates: [(name: String, value: Double)]
        var distractors: [Double]
    }

    static func sigma(_ t: Double) -> Double { 1 / (1 + exp(-t)) }

    /// The closed form for generator `name`, from the values `draw` shows; nil for a generator without one.
    static func expected(_ name: String, _ draw: QuestionGenerator.Draw) -> Expected? {
        func v(_ key: String) -> Double { draw[key]! }
        switch name {
        case "backprop-step":
            let x = v("x"), w1 = v("w1"), w2 = v("w2"), y = v("y")
            let z1 = w1 * x, h = sigma(z1), z2 = w2 * h, yhat = sigma(z2)
            let answer = (yhat - y) * yhat * (1 - yhat) * w2 * h * (1 - h) * x
            return Expected(answer: answer, intermediates: [("z1", z1), ("h", h), ("z2", z2), ("yhat", yhat)],
                            distractors: [-answer, (yhat - y) * w2 * h * (1 - h) * x,
                                          (yhat - y) * yhat * (1 - yhat) * w2 * x])
        case "sigmoid-slope":
            let s = sigma(v("z"))
            return Expected(answer: s * (1 - s), intermediates: [("s", s)], distractors: [s, 1 - s, 1 - s * s])
        case "tanh-slope":
            let z = v("z"), t = tanh(z)
            return Expected(answer: 1 - t * t, intermediates: [("t", t)], distractors: [t, 1 - t, 1 - z * z])
        case "layer-product":
            let k = v("k"), w = v("w"), z = v("z"), s = sigma(z), slope = s * (1 - s), factor = w * slope
            return Expected(answer: pow(factor, k),
                            intermediates: [("s", s), ("slope", slope), ("factor", factor), ("b", z - w * s)],
                            distractors: [pow(slope, k), pow(w / 4, k), pow(factor, k - 1)])
        case "lstm-cell-path":
            let f = [v("f1"), v("f2"), v("f3"), v("f4")]
            return Expected(answer: f[0] * f[1] * f[2] * f[3], intermediates: [],
                            distractors: [(1 - f[0]) * (1 - f[1]) * (1 - f[2]) * (1 - f[3]), f[1] * f[2] * f[3],
                                          f[0] * (1 - f[0]) * f[1] * (1 - f[1]) * f[2] * (1 - f[2]) * f[3] * (1 - f[3])])
        case "clip-factor", "clip-factor-3d":
            let g = name == "clip-factor" ? [v("g1"), v("g2")] : [v("g1"), v("g2"), v("g3")], m = v("max_norm")
            let norm = sqrt(g.map { $0 * $0 }.reduce(0, +))
            return Expected(answer: min(1, m / (norm + 1e-6)), intermediates: [("norm", norm)],
                            distractors: [norm / m, m / g.map(abs).reduce(0, +), m / (norm * norm)])
        case "he-std":
            let fanIn = v("fan_in"), fanOut = v("fan_out")
            return Expected(answer: sqrt(2 / fanIn), intermediates: [("variance", 2 / fanIn)],
                            distractors: [sqrt(2 / fanOut), 2 / fanIn, sqrt(1 / fanIn)])
        case "xavier-std":
            let fans = v("fan_in") + v("fan_out")
            return Expected(answer: sqrt(2 / fans), intermediates: [("variance", 2 / fans)],
                            distractors: [sqrt(2 / v("fan_in")), sqrt(6 / fans), 2 / fans])
        case "sgd-weight-decay":
            let w = v("w"), x = v("x"), y = v("y"), eta = v("eta"), lambda = v("lambda")
            let grad = (w * x - y) * x
            return Expected(answer: w - eta * (grad + lambda * w), intermediates: [("grad", grad)],
                            distractors: [w - eta * grad, w - eta * (grad - lambda * w), w - eta * grad - lambda * w])
        case "batch-norm-output":
            let x = [v("x1"), v("x2"), v("x3"), v("x4")], gamma = v("gamma"), beta = v("beta"), epsilon = 1e-5
            let mean = x.reduce(0, +) / 4
            let variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            let xhat = (x[0] - mean) / sqrt(variance + epsilon)
            let unbiased = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 3
            return Expected(answer: gamma * xhat + beta,
                            intermediates: [("mean", mean), ("var", variance), ("xhat", xhat)],
                            distractors: [gamma * (x[0] - mean) / sqrt(unbiased + epsilon) + beta,
                                          gamma * (x[0] - mean) / (variance + epsilon) + beta, gamma * xhat])
        case "residual-product":
            let k = v("k"), a = v("a")
            return Expected(answer: pow(1 + a, k), intermediates: [("factor", 1 + a)],
                            distractors: [pow(a, k), 1 + k * a, pow(1 + a, k - 1)])
        case "rms-norm-output":
            let x = [v("x1"), v("x2"), v("x3"), v("x4")], gamma = v("gamma")
            let squares = x.map { $0 * $0 }.reduce(0, +), ms = squares / 4, rms = sqrt(ms + 1e-6)
            let mean = x.reduce(0, +) / 4, variance = x.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
            return Expected(answer: gamma * x[0] / rms, intermediates: [("ms", ms), ("rms", rms)],
                            distractors: [gamma * (x[0] - mean) / sqrt(variance + 1e-5), gamma * x[0] / sqrt(squares + 1e-6),
                                          gamma * x[0] / (ms + 1e-6)])
        case "adam-second-step":
            let g1 = v("g1"), g2 = v("g2"), eta = v("eta")
            let m = 0.9 * (0.1 * g1) + 0.1 * g2, second = 0.999 * (0.001 * g1 * g1) + 0.001 * g2 * g2
            let mHat = m / (1 - 0.81), vHat = second / (1 - 0.998001)
            return Expected(answer: -eta * mHat / (vHat.squareRoot() + 1e-8),
                            intermediates: [("m_hat", mHat), ("v_hat", vHat)],
                            distractors: [-eta * m / (second.squareRoot() + 1e-8), -eta * mHat / (second.squareRoot() + 1e-8),
                                          -eta * m / (vHat.squareRoot() + 1e-8)])
        case "fp16-spacing":
            let e = floor(log2(v("x")))
            return Expected(answer: pow(2, e - 10), intermediates: [("exponent", e)],
                            distractors: [pow(2, e - 23), pow(2, e - 7), pow(2, e - 11)])
        case "loss-scale-update":
            // PyTorch's GradScaler.update, step by step: on inf/NaN scale × 0.5 and the tracker to 0; else the
            // tracker + 1, and at N scale × 2 and the tracker to 0.
            let overflow = Set([Int(v("o1")), Int(v("o2"))]), n = Int(v("n"))
            var scale = v("s0"), tracker = 0, growths = 0.0
            var notReset = v("s0"), notResetTracker = 0, onlySkips = v("s0"), onlySkipsTracker = 0
            var ignored = v("s0"), ignoredTracker = 0
            for t in 1...Int(v("steps")) {
                if overflow.contains(t) {
                    scale *= 0.5; tracker = 0
                    notReset *= 0.5
                    onlySkipsTracker = 0
                    continue
                }
                tracker += 1
                if tracker == n { scale *= 2; tracker = 0; growths += 1 }
                notResetTracker += 1
                if notResetTracker == n { notReset *= 2; notResetTracker = 0 }
                onlySkipsTracker += 1
                if onlySkipsTracker == n { onlySkips *= 2; onlySkipsTracker = 0 }
                ignoredTracker += 1
                if ignoredTracker == n { ignored *= 2; ignoredTracker = 0 }
            }
            return Expected(answer: scale, intermediates: [("growths", growths)],
                            distractors: [notReset, onlySkips, ignored])
        default:
            return nil
        }
    }

    /// Equal to 1e-12 relative; `floor` sets the scale below which the difference counts as absolute (for
    /// intermediates that may pass through 0, such as a bias).
    static func agrees(_ actual: Double, _ expected: Double, floor: Double = 0) -> Bool {
        abs(actual - expected) <= 1e-12 * max(abs(expected), floor)
    }

    @Test("The engine's answer, intermediates and distractors equal the closed forms",
          arguments: QuestionGenerators.standard.names)
    func closedForms(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        for seed in Self.seeds {
            let draw = generator.draw(seed)
            let expected = try #require(Self.expected(name, draw), "no closed form for \(name)")
            #expect(Self.agrees(draw.answer, expected.answer), "seed \(seed): \(draw.answer) vs \(expected.answer)")
            #expect(draw.distractors.count == expected.distractors.count)
            for (index, (actual, wanted)) in zip(draw.distractors, expected.distractors).enumerated() {
                #expect(Self.agrees(actual, wanted), "seed \(seed), distractor \(index): \(actual) vs \(wanted)")
            }
            let computed = draw.shown.filter { $0.decimals == nil }
            #expect(computed.map(\.name) == expected.intermediates.map(\.name))
            for (shown, wanted) in zip(computed, expected.intermediates) {
                #expect(Self.agrees(shown.value, wanted.value, floor: 1),
                        "seed \(seed), \(shown.name): \(shown.value) vs \(wanted.value)")
            }
        }
    }

    // MARK: - Hand computation

    /// What a learner computes from the drawn values and the intermediates as the question shows them, rounded
    /// to four significant digits, doing the rest exactly (a pocket calculator).
    static func byHand(_ name: String, _ draw: QuestionGenerator.Draw) -> Double? {
        func v(_ key: String) -> Double { draw[key]! }
        func shown(_ key: String) -> Double { Double(String(format: "%.4g", draw[key]!))! }
        switch name {
        case "backprop-step":
            let h = shown("h"), yhat = shown("yhat")
            return (yhat - v("y")) * yhat * (1 - yhat) * v("w2") * h * (1 - h) * v("x")
        case "sigmoid-slope": return shown("s") * (1 - shown("s"))
        case "tanh-slope": return 1 - shown("t") * shown("t")
        case "layer-product": return pow(v("w") * shown("slope"), v("k"))
        case "lstm-cell-path": return v("f1") * v("f2") * v("f3") * v("f4")
        case "clip-factor", "clip-factor-3d": return v("max_norm") / shown("norm")
        case "he-std": return sqrt(2 / v("fan_in"))
        case "xavier-std": return sqrt(2 / (v("fan_in") + v("fan_out")))
        case "sgd-weight-decay": return v("w") - v("eta") * (shown("grad") + v("lambda") * v("w"))
        case "batch-norm-output":
            return v("gamma") * (v("x1") - shown("mean")) / (shown("var") + 1e-5).squareRoot() + v("beta")
        case "residual-product": return pow(1 + v("a"), v("k"))
        case "rms-norm-output": return v("gamma") * v("x1") / shown("rms")
        case "adam-second-step": return -v("eta") * shown("m_hat") / shown("v_hat").squareRoot()
        case "fp16-spacing": return pow(2, v("exponent") - 10)
        case "loss-scale-update": return v("s0") * pow(2, v("growths") - 2)
        default: return nil
        }
    }

    @Test("A learner who works from the shown values, rounded to four digits, lands within the tolerance",
          arguments: QuestionGenerators.standard.names)
    func toleranceAllowsHandWork(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        for seed in Self.seeds {
            let draw = generator.draw(seed)
            let reply = try #require(Self.byHand(name, draw), "no hand computation for \(name)")
            let error = abs(reply - draw.answer) / abs(draw.answer)
            #expect(error <= generator.relativeTolerance, "seed \(seed): \(reply) is \(error) from \(draw.answer)")
        }
    }

    // MARK: - Finite differences

    /// (f(t + h) − f(t − h)) / 2h.
    static func centralDifference(at t: Double, step h: Double = 1e-6, _ f: (Double) -> Double) -> Double {
        (f(t + h) - f(t - h)) / (2 * h)
    }

    /// Within 1e-6 relative, or 1e-9 absolute for a small derivative (the difference's rounding is about 1e-10).
    static func near(_ numeric: Double, _ engine: Double) -> Bool {
        abs(numeric - engine) <= 1e-6 * abs(engine) + 1e-9
    }

    static func draws(_ name: String) throws -> [QuestionGenerator.Draw] {
        let generator = try #require(QuestionGenerators.standard[name])
        return seeds.map(generator.draw)
    }

    @Test("backprop-step: ∂L/∂w₁ matches central differences of the network's loss")
    func backpropStepDifferences() throws {
        for draw in try Self.draws("backprop-step") {
            let x = draw["x"]!, w1 = draw["w1"]!, w2 = draw["w2"]!, y = draw["y"]!
            let numeric = Self.centralDifference(at: w1) { BackpropStep.forward(x: x, w1: $0, w2: w2, y: y).loss.value.item }
            #expect(Self.near(numeric, draw.answer), "\(numeric) vs \(draw.answer)")
        }
    }

    @Test("sigmoid-slope and tanh-slope: the slopes match central differences of the engine's σ and tanh")
    func slopeDifferences() throws {
        for draw in try Self.draws("sigmoid-slope") {
            let numeric = Self.centralDifference(at: draw["z"]!) {
                Variable.constant(Tensor(scalar: $0)).sigmoid().value.item
            }
            #expect(Self.near(numeric, draw.answer), "\(numeric) vs \(draw.answer)")
        }
        for draw in try Self.draws("tanh-slope") {
            let numeric = Self.centralDifference(at: draw["z"]!) {
                Variable.constant(Tensor(scalar: $0)).tanh().value.item
            }
            #expect(Self.near(numeric, draw.answer), "\(numeric) vs \(draw.answer)")
        }
    }

    @Test("layer-product: ∂h_k/∂h₀ matches central differences of the k-layer chain")
    func layerProductDifferences() throws {
        for draw in try Self.draws("layer-product") {
            let layers = Int(draw["k"]!), w = draw["w"]!, b = draw["b"]!
            let numeric = Self.centralDifference(at: draw["s"]!) {
                LayerProduct.forward(input: $0, weight: w, bias: b, layers: layers).output.value.item
            }
            #expect(Self.near(numeric, draw.answer), "\(numeric) vs \(draw.answer)")
        }
    }

    @Test("lstm-cell-path: ∂c₄/∂c₀ matches central differences of the cell, whatever the input gates and candidates")
    func lstmDifferences() throws {
        for (index, draw) in try Self.draws("lstm-cell-path").enumerated() {
            let f = (1...4).map { draw["f\($0)"]! }
            // Other gates than the generator drew: the derivative must not depend on them.
            let gates: [(i: Double, f: Double, g: Double)] = f.indices.map { step in
                let i: Double = 0.15 + 0.2 * Double((index + step) % 4)
                let g: Double = -0.8 + 0.5 * Double((index * 3 + step) % 4)
                return (i: i, f: f[step], g: g)
            }
            let start = -1 + 0.01 * Double(index)
            let numeric = Self.centralDifference(at: start) {
                LSTMCellPath.forward(cell: $0, gates: gates).output.value.item
            }
            #expect(Self.near(numeric, draw.answer), "\(numeric) vs \(draw.answer)")
        }
    }

    @Test("residual-product: ∂h_k/∂h₀ matches central differences of the k residual blocks")
    func residualProductDifferences() throws {
        for draw in try Self.draws("residual-product") {
            let blocks = Int(draw["k"]!), a = draw["a"]!
            let numeric = Self.centralDifference(at: 0.7) {
                ResidualProduct.forward(input: $0, branch: a, blocks: blocks).output.value.item
            }
            #expect(Self.near(numeric, draw.answer), "\(numeric) vs \(draw.answer)")
        }
    }

    @Test("fp16-spacing: the answer is the gap between x's fp16 number and the next, by Swift's Float16")
    func halfSpacingNeighbours() throws {
        for draw in try Self.draws("fp16-spacing") {
            let x = draw["x"]!, nearest = FloatFormat.float16(x)
            // The next fp16 number above: the smallest step up that Float16 does not round back down.
            let next = FloatFormat.float16(nearest + draw.answer), before = FloatFormat.float16(nearest + draw.answer * 0.49)
            #expect(next - nearest == draw.answer && before == nearest, "x \(x)")
        }
    }

    @Test("sgd-weight-decay: ∂L/∂w matches central differences of the loss")
    func sgdGradientDifferences() throws {
        for draw in try Self.draws("sgd-weight-decay") {
            let x = draw["x"]!, y = draw["y"]!
            let numeric = Self.centralDifference(at: draw["w"]!) {
                SGDWeightDecay.forward(w: $0, x: x, y: y).loss.value.item
            }
            #expect(Self.near(numeric, draw["grad"]!), "\(numeric) vs \(draw["grad"]!)")
        }
    }
}
