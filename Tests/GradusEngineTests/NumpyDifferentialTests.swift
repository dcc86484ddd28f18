import Foundation
import Testing
@testable import GradusEngine
import GradusTestSupport

/// The engine against backward passes written by hand with numpy (Benchmarks/engine_numpy.py, the benchmark's
/// own code, so the benchmark is also shown to compute the same thing).
@Suite("The engine agrees with hand-written numpy backpropagation")
struct NumpyDifferentialTests {
    private let prelude = """
    import json, sys
    sys.path.insert(0, sys.argv[1] if len(sys.argv) > 1 else "Benchmarks")
    import numpy as np
    import engine_numpy as bench
    """

    private func run(_ body: String, _ input: [String: Any]) throws -> [String: Any] {
        let script = prelude.replacingOccurrences(of: "sys.argv[1] if len(sys.argv) > 1 else \"Benchmarks\"",
                                                  with: "\"\(TestEnvironment.packageRoot.path)/Benchmarks\"") + "\n" + body
        return try #require(try PythonOracle.run(script, input: input) as? [String: Any])
    }

    private func close(_ a: [Double], _ b: [Double], _ what: String, rtol: Double = 1e-12) {
        #expect(a.count == b.count, "\(what): \(a.count) vs \(b.count) elements")
        let scale = max(b.map(abs).max() ?? 0, 1e-300)
        let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
        #expect(worst <= rtol * scale, "\(what): max difference \(worst) for scale \(scale)")
    }

    @Test("LSTM: 30 steps of backpropagation through time give numpy's gradients",
          .enabled(if: PythonOracle.wantsNumpy()))
    func lstm() throws {
        var rng = Generator(seed: 8)
        let cell = LSTMCell(inputs: 5, hidden: 4, generator: &rng)
        let xs = (0..<30).map { _ in Tensor.normal(.matrix(3, 5), generator: &rng) }
        let h0 = Variable(Tensor.zeros(.matrix(3, 4))), c0 = Variable(Tensor.zeros(.matrix(3, 4)))
        var state = (h: h0, c: c0)
        for x in xs { state = cell(Variable.constant(x), state) }
        state.h.sum().backward()
        let output = try run("""
        d = json.load(sys.stdin)
        wx = np.array(d["wx"]).reshape(5, 16); wh = np.array(d["wh"]).reshape(4, 16); b = np.array(d["b"])
        xs = [np.array(x).reshape(3, 5) for x in d["xs"]]
        dwx, dwh, db, dh, dc = bench.lstm_unroll(wx, wh, b, xs)
        print(json.dumps({k: v.ravel().tolist() for k, v in dict(wx=dwx, wh=dwh, b=db, h0=dh, c0=dc).items()}))
        """, ["wx": cell.inputWeight.value.scalars, "wh": cell.hiddenWeight.value.scalars,
              "b": cell.bias.value.scalars, "xs": xs.map(\.scalars)])
        close(cell.inputWeight.grad!.scalars, try #require(output["wx"] as? [Double]), "∂L/∂Wx")
        close(cell.hiddenWeight.grad!.scalars, try #require(output["wh"] as? [Double]), "∂L/∂Wh")
        close(cell.bias.grad!.scalars, try #require(output["b"] as? [Double]), "∂L/∂b")
        close(h0.grad!.scalars, try #require(output["h0"] as? [Double]), "∂L/∂h0")
        close(c0.grad!.scalars, try #require(output["c0"] as? [Double]), "∂L/∂c0")
    }

    @Test("MLP: three SGD steps of a 4-layer tanh network give numpy's weights and losses",
          .enabled(if: PythonOracle.wantsNumpy()))
    func mlp() throws {
        var rng = Generator(seed: 9)
        let net = MLP(inputs: 6, width: 6, depth: 4, outputs: 6, activation: .tanh,
                      initializer: .xavierNormal(gain: 5.0 / 3.0), generator: &rng)
        for layer in net.layers { layer.bias!.value = Tensor.normal(.vector(6), std: 0.1, generator: &rng) }
        let x = Tensor.normal(.matrix(8, 6), generator: &rng), y = Tensor.normal(.matrix(8, 6), generator: &rng)
        let input: [String: Any] = ["w": net.layers.map { $0.weight.value.scalars },
                                    "b": net.layers.map { $0.bias!.value.scalars },
                                    "x": x.scalars, "y": y.scalars]
        var sgd = SGD(parameters: net.parameters, learningRate: 0.05)
        var losses: [Double] = []
        for _ in 0..<3 {
            sgd.zeroGrad()
            let loss = net(Variable.constant(x)).meanSquaredError(Variable.constant(y))
            loss.backward()
            losses.append(loss.value.item)
            sgd.step()
        }
        let output = try run("""
        d = json.load(sys.stdin)
        ws = [np.array(w).reshape(6, 6) for w in d["w"]]; bs = [np.array(b) for b in d["b"]]
        x = np.array(d["x"]).reshape(8, 6); y = np.array(d["y"]).reshape(8, 6)
        losses = [float(bench.mlp_step(ws, bs, x, y, lr=0.05)) for _ in range(3)]
        print(json.dumps({"losses": losses, "w": [w.ravel().tolist() for w in ws], "b": [b.tolist() for b in bs]}))
        """, input)
        close(losses, try #require(output["losses"] as? [Double]), "losses")
        let weights = try #require(output["w"] as? [[Double]]), biases = try #require(output["b"] as? [[Double]])
        for (index, layer) in net.layers.enumerated() {
            close(layer.weight.value.scalars, weights[index], "W\(index + 1)")
            close(layer.bias!.value.scalars, biases[index], "b\(index + 1)")
        }
    }
}
