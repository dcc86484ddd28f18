import Foundation
import Testing
import GradusTestSupport
@testable import GradusSimulation

@Suite("depth-gradients")
struct DepthGradientsTests {
    @Test("Sigmoid with Xavier initialisation: weight gradients shrink toward the first layers")
    func sigmoidXavierVanishes() throws {
        let table = try runSimulation("depth-gradients", [("activation", "sigmoid"), ("init", "xavier-normal"),
                                                          ("depth", "10"), ("width", "32"), ("batch", "64"), ("seeds", "3")])
        let grads = try table.numbers("grad_norm")
        #expect(grads.count == 10)
        // σ′ ≤ ¼ and Xavier keeps ‖W‖ near 1, so each layer down costs a factor of 2 or more. (Layer 1's input is
        // the N(0, 1) data rather than sigmoid outputs, so its own factor is a little smaller.)
        for layer in 1..<8 { #expect(grads[layer] < grads[layer + 1] / 2, "layer \(layer + 1)") }
        #expect(grads[0] < grads[1])
        #expect(grads[0] < grads[8] * 1e-3)
    }

    @Test("ReLU with He initialisation keeps the activation scale within a small factor over 20 layers")
    func reluHeIsStable() throws {
        let table = try runSimulation("depth-gradients", [("activation", "relu"), ("init", "he-normal"),
                                                          ("depth", "20"), ("width", "64"), ("batch", "32"), ("seeds", "1")])
        let stds = try table.numbers("activation_std").dropLast()   // the last layer is linear
        #expect(stds.max()! / stds.min()! < 4, "\(stds)")
        let grads = try table.numbers("grad_norm")
        #expect(grads.max()! / grads.min()! < 4, "\(grads)")
    }

    @Test("ReLU with N(0, 1) weights: activations grow by about √(n/2) per layer and explode")
    func reluNaiveExplodes() throws {
        let width = 64.0
        let table = try runSimulation("depth-gradients", [("activation", "relu"), ("init", "normal"),
                                                          ("depth", "20"), ("width", "64"), ("batch", "32"), ("seeds", "1")])
        let stds = try table.numbers("activation_std")
        #expect(stds[18] > 1e10 * stds[0])
        // Var(z) doubles… halves: E[relu(z)²] = Var(z)/2, times fan-in n for N(0, 1) weights.
        let rate = (log(stds[18]) - log(stds[0])) / 18
        #expect(abs(rate - log((width / 2).squareRoot())) < 0.15, "growth per layer \(rate)")
    }

    @Test("Small N(0, 0.01²) weights with tanh: activations vanish layer by layer and every weight gradient is tiny")
    func smallInitVanishes() throws {
        let settings: [(key: String, value: String)] = [("activation", "tanh"), ("depth", "6"), ("width", "32"),
                                                        ("batch", "32"), ("seeds", "1")]
        let small = try runSimulation("depth-gradients", settings + [("init", "small")])
        let xavier = try runSimulation("depth-gradients", settings + [("init", "xavier-normal")])
        let stds = try small.numbers("activation_std")
        // tanh is the identity near 0, so each layer scales the std by about 0.01·√n ≈ 0.057.
        for layer in 0..<5 { #expect(stds[layer + 1] < stds[layer] * 0.2) }
        // ∇W_l = h_{l−1}ᵀ·δ_l: the forward factor shrinks with l, the backward one with L − l, so every layer's
        // gradient is about (0.01·√n)^(L−1) times the Xavier network's.
        let grads = try small.numbers("grad_norm"), reference = try xavier.numbers("grad_norm")
        for (g, r) in zip(grads, reference) { #expect(g < r * 1e-3) }
        #expect(grads.max()! / grads.min()! < 10)
    }
}

@Suite("depth-gradients against numpy")
struct DepthGradientsNumpyTests {
    @Test("Per-layer activation std and weight-gradient norms equal numpy's forward and hand-written backward pass",
          .enabled(if: PythonOracle.wantsNumpy()), arguments: ["sigmoid", "tanh", "relu"])
    func matchesNumpy(activation: String) throws {
        let (net, x, readout) = DepthGradients.setUp(activation: NetworkChoice.activation(activation),
                                                     initializer: .xavierNormal(), depth: 5, width: 6, batch: 7, seed: 2)
        let result = DepthGradients.measure(activation: NetworkChoice.activation(activation), initializer: .xavierNormal(),
                                            depth: 5, width: 6, batch: 7, seed: 2)
        let script = """
        import json, sys
        import numpy as np
        d = json.load(sys.stdin)
        f = {"sigmoid": (lambda z: 1 / (1 + np.exp(-z)), lambda z, a: a * (1 - a)),
             "tanh": (np.tanh, lambda z, a: 1 - a ** 2),
             "relu": (lambda z: np.maximum(z, 0), lambda z, a: (z > 0).astype(float))}[d["activation"]]
        Ws = [np.array(w) for w in d["W"]]; bs = [np.array(b) for b in d["b"]]
        h = np.array(d["x"]); zs = []; hs = [h]
        for i, (W, b) in enumerate(zip(Ws, bs)):
            z = h @ W + b
            h = z if i == len(Ws) - 1 else f[0](z)
            zs.append(z); hs.append(h)
        g = np.array(d["g"]); norms = [0.0] * len(Ws)
        for i in reversed(range(len(Ws))):
            dz = g if i == len(Ws) - 1 else g * f[1](zs[i], hs[i + 1])
            norms[i] = float(np.linalg.norm(hs[i].T @ dz))
            g = dz @ Ws[i].T
        print(json.dumps({"std": [float(np.std(a)) for a in hs[1:]], "norms": norms}))
        """
        let input: [String: Any] = ["activation": activation, "x": x.rows, "g": readout.rows,
                                    "W": net.layers.map(\.weight.value.rows), "b": net.layers.map { $0.bias!.value.scalars }]
        let expected = try #require(try PythonOracle.run(script, input: input) as? [String: [Double]])
        for (a, b) in zip(result.activationStd, expected["std"]!) { #expect(abs(a - b) <= 1e-12 * b, "std \(a) vs \(b)") }
        for (a, b) in zip(result.gradientNorm, expected["norms"]!) { #expect(abs(a - b) <= 1e-12 * b, "norm \(a) vs \(b)") }
        #expect(result.gradientNorm.count == 5)
    }
}
