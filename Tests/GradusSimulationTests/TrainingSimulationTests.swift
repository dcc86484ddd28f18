import Foundation
import Testing
import GradusEngine
import GradusTestSupport
@testable import GradusSimulation

@Suite("clipping")
struct ClippingTests {
    @Test("At its defaults, clipping keeps the loss finite and ends below its start where the unclipped run overflows")
    func clippingKeepsLossFinite() throws {
        let table = try runSimulation("clipping")
        let plain = try table.numbers("loss_plain"), clipped = try table.numbers("loss_clipped")
        #expect(plain.count == 150)
        #expect(clipped.allSatisfy { $0.isFinite })
        #expect(clipped.max()! < 100)
        // Clipping does more than keep the numbers finite: the clipped run ends below its starting loss.
        #expect(clipped.last! < clipped[0], "clipped run: \(clipped[0]) → \(clipped.last!)")
        let first = try #require(plain.firstIndex { !$0.isFinite }, "the unclipped run should diverge")
        // It diverges geometrically first: the loss grows by orders of magnitude before it overflows.
        #expect(plain[first - 1] > 1e100)
        // Steps 122 (∞ in the loss), 124 (first NaN, in the gradient), 125 (NaN in the loss), as the lessons say.
        #expect(first == 121 && plain[first] == .infinity)
        #expect(plain[122] == .infinity && plain[123] == .infinity && plain[124].isNaN)
        let norms = try table.numbers("grad_norm_plain")
        #expect(norms[122] == .infinity && norms[123].isNaN)
        let events = table.texts("event")
        #expect(events[first] == "unclipped: first overflow (∞) in the loss")
        #expect(events[123] == "unclipped: first NaN in the gradient")
        #expect(events.enumerated().allSatisfy { $0.offset == first || !$0.element.hasPrefix("unclipped: first overflow") })
        #expect(table.texts("event", language: "pt")[first].hasPrefix("sem recorte: primeiro"))
    }

    @Test("When every gradient norm stays below max_norm, clipping changes nothing, step for step")
    func clippingIsIdentityBelowThreshold() throws {
        let table = try runSimulation("clipping", [("lr", "0.05"), ("max_norm", "1000"), ("steps", "15"), ("batch", "16")])
        #expect(try table.numbers("grad_norm_plain").allSatisfy { $0 < 1000 })
        #expect(try table.numbers("loss_plain") == table.numbers("loss_clipped"))
        #expect(try table.numbers("grad_norm_plain") == table.numbers("grad_norm_clipped"))
    }

    @Test("Once a gradient is clipped the runs part, and the clipped gradient norms are what the engine reports")
    func clippedRunsPart() throws {
        let table = try runSimulation("clipping", [("steps", "20"), ("batch", "16"), ("max_norm", "0.1")])
        let plain = try table.numbers("loss_plain"), clipped = try table.numbers("loss_clipped")
        let norms = try table.numbers("grad_norm_plain")
        let firstClipped = try #require(norms.firstIndex { $0 > 0.1 })
        #expect(plain[...firstClipped] == clipped[...firstClipped])
        #expect(plain[firstClipped + 1] != clipped[firstClipped + 1])
    }
}

@Suite("lstm-vs-rnn")
struct LSTMvsRNNTests {
    @Test("The LSTM's gradient decays far slower than the vanilla RNN's")
    func lstmDecaysSlower() throws {
        let table = try runSimulation("lstm-vs-rnn", [("hidden", "8"), ("max_k", "30"), ("every", "10"), ("seeds", "3")])
        #expect(try table.numbers("k") == [0, 10, 20, 30])
        let rnn = try table.numbers("rnn"), lstm = try table.numbers("lstm"), gru = try table.numbers("gru")
        for series in [rnn, lstm, gru] { #expect(series[3] < series[0]) }
        // Relative to k = 0, the LSTM keeps over a thousand times more of its gradient after 30 steps.
        #expect(lstm[3] / lstm[0] > 1000 * rnn[3] / rnn[0], "LSTM \(lstm), RNN \(rnn)")
    }

    @Test("The LSTM's decay per step follows its forget gate: a larger forget bias keeps more gradient")
    func forgetGateSetsDecay() throws {
        let settings: [(key: String, value: String)] = [("hidden", "8"), ("max_k", "20"), ("every", "20"), ("seeds", "1")]
        let open = try runSimulation("lstm-vs-rnn", settings + [("forget_bias", "4")]).numbers("lstm")
        let shut = try runSimulation("lstm-vs-rnn", settings + [("forget_bias", "-2")]).numbers("lstm")
        #expect(open[1] / open[0] > 100 * shut[1] / shut[0])
        // Along the cell path the gradient shrinks by f ≈ σ(bias) a step; with σ(4) ≈ 0.98, 20 steps keep ≥ 1/100.
        #expect(open[1] / open[0] > 0.01)
        // With σ(−2) ≈ 0.12 the cell path keeps less than 0.2²⁰ after 20 steps; what is left is below 1e-6.
        #expect(shut[1] / shut[0] < 1e-6)
    }
}

@Suite("batchnorm")
struct BatchNormTests {
    @Test("Batch normalisation keeps per-layer gradient norms within a small range where the plain sigmoid net's vanish")
    func batchNormKeepsGradients() throws {
        let table = try runSimulation("batchnorm", [("depth", "12"), ("width", "32"), ("batch", "64"), ("seeds", "1")])
        let plain = try table.numbers("grad_norm_plain"), normalised = try table.numbers("grad_norm_bn")
        #expect(plain[0] < plain[10] * 1e-4, "\(plain)")
        #expect(normalised.max()! / normalised.min()! < 5, "\(normalised)")
        // The last layer sees the same backward signal in both; its input differs, so only the order of magnitude.
        #expect(abs(log10(plain[11]) - log10(normalised[11])) < 1)
    }
}

@Suite("weight-decay")
struct WeightDecayTests {
    @Test("Weight decay keeps the weight norm below the undecayed run's, from the same start")
    func decayShrinksWeights() throws {
        let table = try runSimulation("weight-decay", [("decay", "0.1"), ("steps", "45"), ("every", "15")])
        #expect(try table.numbers("step") == [0, 15, 30, 45])
        let plain = try table.numbers("weight_norm_plain"), decayed = try table.numbers("weight_norm_decay")
        #expect(plain[0] == decayed[0])
        for i in 1..<4 { #expect(decayed[i] < plain[i]) }
        #expect(zip(decayed, decayed.dropFirst()).allSatisfy { $0 > $1 })
        #expect(try table.numbers("loss_plain")[0] == table.numbers("loss_decay")[0])
    }

    @Test("At the default learning rate no seed's run jumps in its first steps: its largest gradient is at step 0",
          arguments: [UInt64(1), 2, 3, 4, 5])
    func noJumpAtDefaults(seed: UInt64) throws {
        let table = try runSimulation("weight-decay", [("steps", "30"), ("every", "1")], seed: seed)
        for key in ["max_grad_norm_plain", "max_grad_norm_decay"] {
            let norms = try table.numbers(key)
            #expect(norms.dropFirst().allSatisfy { $0 < norms[0] }, "seed \(seed), \(key): \(norms)")
        }
        let loss = try table.numbers("loss_plain")
        #expect(loss.dropFirst().allSatisfy { $0 < loss[0] }, "seed \(seed): \(loss)")
    }

    @Test("Decay alone shrinks the weights by (1 − ηλ) per step: with λ large the norm follows that bound")
    func decayFactor() throws {
        // With η·λ = 0.5 the decay term dominates the data's pull; after 10 steps the norm is close to 0.5¹⁰ of
        // the start, and never above it by more than the data's contribution.
        let table = try runSimulation("weight-decay", [("decay", "10"), ("lr", "0.05"), ("steps", "10"), ("every", "10")])
        let decayed = try table.numbers("weight_norm_decay")
        let ratio = decayed[1] / decayed[0]
        #expect(ratio > pow(0.5, 10) * 0.5 && ratio < pow(0.5, 10) * 4, "ratio \(ratio)")
    }
}

@Suite("dying-relu")
struct DyingReLUTests {
    @Test("Small steps leave every ReLU unit alive; large ones silence a share of them")
    func largeStepsKillUnits() throws {
        let table = try runSimulation("dying-relu", [("points", "5"), ("seeds", "3"), ("then_steps", "0")])
        let rates = try table.numbers("lr"), relu = try table.numbers("dead_relu")
        #expect(rates.first == 0.01 && abs(rates.last! - 100) < 1e-12)
        #expect(relu[0] == 0)
        #expect(relu.last! >= 0.1)
        for share in try ["dead_relu", "dead_leaky_relu", "dead_prelu"].flatMap({ try table.numbers($0) }) {
            #expect(share >= 0 && share <= 1)
        }
        // Without later steps nothing can come back, and every inactive unit's weights are as the step left them.
        #expect(try table.numbers("revived_relu").allSatisfy { $0 == 0 })
        #expect(try table.numbers("frozen_relu") == relu)
        #expect(try table.numbers("frozen_leaky_relu") == table.numbers("dead_leaky_relu"))
    }

    @Test("After later steps, inactive ReLU units keep their weights exactly; inactive Leaky ReLU units do not")
    func leakyUnitsKeepLearning() throws {
        let table = try runSimulation("dying-relu", [("from_lr", "10"), ("to_lr", "100"), ("points", "2"), ("seeds", "1"),
                                                     ("then_steps", "20")])
        let dead = try table.numbers("dead_relu"), revived = try table.numbers("revived_relu")
        let frozen = try table.numbers("frozen_relu")
        #expect(dead.allSatisfy { $0 > 0 })
        #expect(try table.numbers("dead_leaky_relu").allSatisfy { $0 > 0 })
        // A ReLU unit inactive on every example gets exactly zero gradient: unless a change in the layer below
        // revives it, its weights do not move.
        for i in dead.indices { #expect(frozen[i] + revived[i] <= dead[i] && frozen[i] > 0, "row \(i)") }
        // A Leaky ReLU unit keeps a gradient of slope · x: none stays frozen.
        #expect(try table.numbers("frozen_leaky_relu").allSatisfy { $0 == 0 })
    }

    @Test("A unit counts as inactive exactly when its pre-activation is ≤ 0 on every example")
    func inactiveShareCountsUnits() {
        var generator = Generator(seed: 3)
        // One hidden layer fed by N(0, 1) data with zero biases: a unit is ≤ 0 on all 128 examples only if its
        // weights are 0, so none is inactive at the start.
        let net = MLP(sizes: [8, 32, 1], activation: .relu, initializer: .heNormal(), generator: &generator)
        let (input, _) = DyingReLU.data(generator: &generator)
        #expect(DyingReLU.deadShare(net, input) == 0)
        // Four first-layer units pushed far below 0, and their weights to 0: negative on every example.
        for j in 0..<4 {
            net.layers[0].bias!.value.scalars[j] = -1e3
            for i in 0..<8 { net.layers[0].weight.value[i, j] = 0 }
        }
        #expect(DyingReLU.deadShare(net, input) == 4.0 / 32.0)
        // Such a unit's weights get exactly zero gradient under ReLU, never again to change.
        net(input).meanSquaredError(Variable.constant(Tensor.zeros(.matrix(128, 1)))).backward()
        for j in 0..<4 { for i in 0..<8 { #expect(net.layers[0].weight.grad![i, j] == 0) } }
    }
}

@Suite("strategies")
struct StrategiesTests {
    @Test("Every remedy is a row; ReLU with He and batch normalisation stop the vanishing that the plain net shows")
    func remedies() throws {
        let table = try runSimulation("strategies", [("depth", "8"), ("width", "16"), ("steps", "30"), ("batch", "32")])
        #expect(table.texts("strategy") == ["plain (sigmoid)", "Xavier initialisation", "ReLU with He initialisation",
                                            "gradient clipping by norm", "batch normalization", "weight decay"])
        let low = try table.numbers("min_grad_norm"), high = try table.numbers("max_grad_norm")
        let spread = zip(low, high).map { $0 / $1 }
        #expect(spread[0] < 1e-8, "plain: \(spread[0])")
        #expect(spread[2] > 1e-2 && spread[4] > 1e-2, "ReLU/He \(spread[2]), batch norm \(spread[4])")
        // Clipping and weight decay act on updates, not on the first gradient: the same spread as plain.
        #expect(low[3] == low[0] && high[3] == high[0] && low[5] == low[0])
        let loss = try table.numbers("final_loss")
        #expect(loss[4] < loss[0] && loss[2] < loss[0])
        #expect(table.texts("diverged") == Array(repeating: "no", count: 6))
    }

    @Test("A learning rate far too large makes some run diverge, and the table says at which step")
    func divergenceIsReported() throws {
        let table = try runSimulation("strategies", [("depth", "4"), ("width", "16"), ("steps", "40"), ("batch", "32"),
                                                     ("lr", "5"), ("init", "normal")])
        let diverged = table.texts("diverged"), loss = try table.numbers("final_loss")
        for (text, value) in zip(diverged, loss) where !value.isFinite {
            #expect(text.hasPrefix("at step "), "\(text) with final loss \(value)")
        }
        // A loss that is still finite but astronomically large counts as diverged too.
        #expect(loss[0].isFinite && loss[0] > 1e100)
        #expect(diverged[0] == "at step 2")
        #expect(diverged[3] == "no", "clipping keeps the run finite")
        #expect(loss[3] < 100)
    }
}

@Suite("lstm-vs-rnn against finite differences")
struct LSTMvsRNNFiniteDifferenceTests {
    @Test("Each model's ‖∂h_T/∂x_{T−k}‖ matches central finite differences of its forward pass",
          arguments: [LSTMvsRNN.Model.rnn, .lstm, .gru])
    func finiteDifferences(model: LSTMvsRNN.Model) {
        let shown = [0, 2, 5]
        let (xs, forward) = LSTMvsRNN.setUp(model: model, hidden: 3, forgetBias: 1, steps: 6, seed: 9)
        let autodiff = LSTMvsRNN.inputGradientNorms(forward(xs), inputs: xs, shown: shown)
        let values = xs.map(\.value), h = 1e-6
        func last(_ inputs: [Tensor]) -> [Double] { forward(inputs.map { Variable.constant($0) }).value.scalars }
        for (index, k) in shown.enumerated() {
            let t = xs.count - 1 - k
            var squares = 0.0
            for j in 0..<values[t].count {
                var plus = values, minus = values
                plus[t].scalars[j] += h
                minus[t].scalars[j] -= h
                for (a, b) in zip(last(plus), last(minus)) { squares += ((a - b) / (2 * h)) * ((a - b) / (2 * h)) }
            }
            let numeric = squares.squareRoot()
            #expect(abs(autodiff[index] - numeric) <= 1e-6 * numeric + 1e-9, "\(model) k = \(k): \(autodiff[index]) vs \(numeric)")
        }
    }
}

@Suite("lstm-vs-rnn: one batched backward pass")
struct LSTMvsRNNBatchedTests {
    @Test("All hidden units in one batched pass give the bits of one backward pass per unit",
          arguments: [LSTMvsRNN.Model.rnn, .lstm, .gru])
    func batchedMatchesOnePassPerUnit(model: LSTMvsRNN.Model) {
        // hidden 13: the batched products are past the size where they take the packed kernel.
        for hidden in [3, 13] {
            let shown = [0, 1, 4, 9]
            let batched = LSTMvsRNN.inputGradientNorms(model: model, hidden: hidden, forgetBias: 1, shown: shown, seed: 5)
            let reference = LSTMvsRNN.inputGradientNormsByUnit(model: model, hidden: hidden, forgetBias: 1, shown: shown,
                                                                seed: 5)
            #expect(batched.map(\.bitPattern) == reference.map(\.bitPattern), "\(model), hidden \(hidden)")
        }
    }
}

@Suite("dying-relu against numpy")
struct DyingReLUNumpyTests {
    @Test("After one large step numpy finds the same share of inactive units, for each activation",
          .enabled(if: PythonOracle.wantsNumpy()),
          arguments: [("relu", 10.0), ("relu", 100.0), ("leaky", 100.0), ("prelu", 10.0), ("prelu", 100.0)])
    func matchesNumpy(name: String, lr: Double) throws {
        let activation: Activation = name == "relu" ? .relu : name == "leaky" ? .leakyRelu(slope: 0.01)
            : .prelu(initialSlope: 0.25)
        var shares: [Double] = []
        var inputs: [[String: Any]] = []
        for seed in UInt64(1)...3 {
            let (net, x, y) = DyingReLU.setUp(activation: activation, seed: seed)
            inputs.append(["W": net.layers.map(\.weight.value.rows), "b": net.layers.map { $0.bias!.value.scalars },
                           "x": x.value.rows, "y": y.value.scalars])
            shares.append(DyingReLU.deadShare(activation: activation, lr: lr, seed: seed))
        }
        let script = """
        import json, sys
        import numpy as np
        d = json.load(sys.stdin); lr = d["lr"]; kind = d["kind"]; out = []
        for run in d["runs"]:
            Ws = [np.array(w) for w in run["W"]]; bs = [np.array(b) for b in run["b"]]
            slopes = [np.full(W.shape[1], {"relu": 0.0, "leaky": 0.01, "prelu": 0.25}[kind]) for W in Ws[:-1]]
            x = np.array(run["x"]); y = np.array(run["y"]).reshape(-1, 1)
            def forward():
                h = x; zs = []; hs = [x]
                for i, (W, b) in enumerate(zip(Ws, bs)):
                    z = h @ W + b; zs.append(z)
                    h = z if i == len(Ws) - 1 else np.where(z > 0, z, slopes[i] * z)
                    hs.append(h)
                return zs, hs
            zs, hs = forward()
            g = 2 * (hs[-1] - y) / y.size
            dW = [None] * len(Ws); db = [None] * len(Ws); da = [None] * len(slopes)
            for i in reversed(range(len(Ws))):
                dz = g
                if i < len(Ws) - 1:
                    da[i] = np.sum(np.where(zs[i] > 0, 0, zs[i]) * g, axis=0)
                    dz = g * np.where(zs[i] > 0, 1, slopes[i])
                dW[i] = hs[i].T @ dz; db[i] = dz.sum(axis=0); g = dz @ Ws[i].T
            for i in range(len(Ws)):
                Ws[i] = Ws[i] - lr * dW[i]; bs[i] = bs[i] - lr * db[i]
            if kind == "prelu":
                slopes = [a - lr * g for a, g in zip(slopes, da)]
            zs, _ = forward()
            dead = sum(int(np.all(z[:, j] <= 0)) for z in zs[:-1] for j in range(z.shape[1]))
            out.append(dead / sum(z.shape[1] for z in zs[:-1]))
        print(json.dumps(out))
        """
        let expected = try #require(try PythonOracle.run(script, input: ["lr": lr, "kind": name, "runs": inputs]) as? [Double])
        #expect(shares == expected)
    }
}
