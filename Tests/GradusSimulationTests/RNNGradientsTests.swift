import Foundation
import Testing
import GradusEngine
import GradusTestSupport
@testable import GradusSimulation

@Suite("rnn-gradients")
struct RNNGradientsTests {
    @Test("Linear cell: the gradient decays for spectral radius < 1 and grows for > 1, at the rate ln r per step")
    func linearRates() throws {
        let table = try runSimulation("rnn-gradients", [("cell", "linear"), ("scale", "radius"), ("hidden", "8"),
                                                        ("max_k", "60"), ("every", "20"), ("seeds", "3")])
        #expect(try table.numbers("k") == [1, 20, 40, 60])
        for (key, r) in [("r_8", 0.8), ("r_9", 0.9), ("r_11", 1.1), ("r_12", 1.2), ("r_20", 2.0), ("r_30", 3.0)] {
            let norms = try table.numbers(key)
            if r < 1 { #expect(norms[3] < norms[0] && norms[2] < norms[0], "\(key) \(norms)") }
            else { #expect(norms[3] > norms[0] && norms[2] > norms[0], "\(key) \(norms)") }
            // ‖Wᵏ‖ ≈ C·rᵏ for large k (Gelfand's formula), so the log-slope tends to ln r.
            let rate = (log(norms[3]) - log(norms[1])) / 40
            #expect(abs(rate - log(r)) < 0.04, "\(key): rate \(rate), ln r \(log(r))")
        }
    }

    @Test("With the largest singular value set to r, ‖∂h_T/∂h_{T−k}‖ never exceeds rᵏ, in both cells",
          arguments: ["linear", "tanh"])
    func singularValueBound(cell: String) throws {
        let table = try runSimulation("rnn-gradients", [("cell", cell), ("scale", "singular"), ("hidden", "8"),
                                                        ("max_k", "30"), ("every", "3"), ("seeds", "1")])
        let k = try table.numbers("k")
        for (key, r) in [("r_8", 0.8), ("r_9", 0.9), ("r_10", 1.0), ("r_11", 1.1), ("r_12", 1.2), ("r_20", 2.0), ("r_30", 3.0)] {
            // ‖Πᵢ Dᵢ·W‖ ≤ Πᵢ ‖Dᵢ‖·‖W‖ ≤ rᵏ, with ‖Dᵢ‖ = max|1 − h²| ≤ 1 (Pascanu et al., 2013, §2.1).
            for (steps, norm) in zip(k, try table.numbers(key)) {
                #expect(norm <= pow(r, steps) * (1 + 1e-9), "\(key) at k = \(steps): \(norm) > \(pow(r, steps))")
            }
        }
        // k = 1 in the linear cell is the matrix itself: exactly r.
        if cell == "linear" { #expect(abs(try table.numbers("r_12")[0] - 1.2) < 1e-12) }
    }

    @Test("A tanh cell shrinks the gradient at r ≤ 1.2, but at r = 2 and 3 its Jacobian products grow with k")
    func tanhGrowsAtLargeRadius() throws {
        let table = try runSimulation("rnn-gradients", [("cell", "tanh"), ("hidden", "16"), ("max_k", "50"), ("every", "25"),
                                                        ("seeds", "3")])
        #expect(try table.numbers("k") == [1, 25, 50])
        let small = try table.numbers("r_12")
        #expect(small[2] < small[0] / 100, "r = 1.2: \(small)")
        for key in ["r_20", "r_30"] {
            let norms = try table.numbers(key)
            #expect(norms[2] > 10 * norms[0], "\(key): \(norms)")
        }
    }

    @Test("At k = 1 the linear cell's Jacobian norm is at least the spectral radius")
    func normAboveRadius() throws {
        let table = try runSimulation("rnn-gradients", [("hidden", "8"), ("max_k", "1"), ("seeds", "1")])
        for (key, r) in [("r_8", 0.8), ("r_10", 1.0), ("r_12", 1.2)] {
            #expect(try table.numbers(key)[0] >= r * (1 - 1e-12))
        }
    }
}

@Suite("rnn-gradients against numpy")
struct RNNGradientsNumpyTests {
    @Test("The engine's Jacobians ∂h_T/∂h_{T−k} equal numpy's products of diag(1 − h²)·Wₕᵀ, and so do their norms",
          .enabled(if: PythonOracle.wantsNumpy()), arguments: [RNNCell.Nonlinearity.identity, .tanh])
    func jacobiansMatchNumpy(cell: RNNCell.Nonlinearity) throws {
        let shown = [1, 2, 5, 9]
        let (rnn, states) = RNNGradients.unroll(cell: cell, bySingularValue: false, r: 1.1, hidden: 5, steps: 9, seed: 4)
        var jacobians: [Tensor] = []
        RNNGradients.jacobians(states, cell: rnn, shown: shown) { _, j in jacobians.append(j) }
        let script = """
        import json, sys
        import numpy as np
        d = json.load(sys.stdin)
        W = np.array(d["W"]); H = [np.array(h) for h in d["states"]]; T = len(H) - 1
        out = []
        for k in d["shown"]:
            J = np.eye(W.shape[0])
            for t in range(T - k + 1, T + 1):
                D = np.diag(1 - H[t] ** 2) if d["tanh"] else np.eye(W.shape[0])
                J = D @ W.T @ J
            out.append({"J": J.tolist(), "norm": float(np.linalg.norm(J, 2))})
        print(json.dumps(out))
        """
        let input: [String: Any] = ["W": rnn.hiddenWeight.value.rows, "states": states.map(\.value.scalars),
                                    "shown": shown, "tanh": cell == .tanh]
        let expected = try #require(try PythonOracle.run(script, input: input) as? [[String: Any]])
        for (index, k) in shown.enumerated() {
            let matrix = try #require(expected[index]["J"] as? [[Double]]).flatMap { $0 }
            for (a, b) in zip(jacobians[index].scalars, matrix) {
                #expect(abs(a - b) <= 1e-12 * max(1, abs(b)), "k = \(k): \(a) vs \(b)")
            }
            let norm = try #require(expected[index]["norm"] as? Double)
            #expect(abs(LinearAlgebra.spectralNorm(jacobians[index]) - norm) <= 1e-12 * norm, "k = \(k)")
            #expect(abs(LinearAlgebra.largestSingularValue(jacobians[index]) - norm) <= 1e-12 * norm, "k = \(k)")
        }
    }
}

@Suite("rnn-gradients: the fast methods against the exact ones")
struct RNNGradientsFastMethodTests {
    @Test("All hidden units at once give the bits of one engine backward pass per unit",
          arguments: [RNNCell.Nonlinearity.identity, .tanh])
    func batchedJacobiansAreTheEnginesBits(cell: RNNCell.Nonlinearity) {
        // hidden 13 and 30: both below and above the size where the product takes the packed kernel.
        for hidden in [3, 13, 30] {
            let shown = [1, 2, 7, 15]
            let (rnn, states) = RNNGradients.unroll(cell: cell, bySingularValue: false, r: 1.1, hidden: hidden,
                                                    steps: 15, seed: 9)
            let reference = RNNGradients.jacobiansByBackward(states, shown: shown)
            var index = 0
            RNNGradients.jacobians(states, cell: rnn, shown: shown) { k, jacobian in
                #expect(k == shown[index])
                #expect(jacobian.scalars.map(\.bitPattern) == reference[index].scalars.map(\.bitPattern),
                        "hidden \(hidden), k = \(k)")
                index += 1
            }
            #expect(index == shown.count)
        }
    }

    @Test("The Lanczos largest singular value agrees with the full SVD to 1e-12 on the simulation's Jacobians")
    func lanczosAgreesWithSVD() {
        for (cell, r, hidden) in [(RNNCell.Nonlinearity.identity, 0.8, 24), (.identity, 1.0, 40), (.tanh, 1.2, 32),
                                  (.tanh, 0.9, 5)] {
            let shown = [1, 2, 3, 5, 10, 30]
            let (rnn, states) = RNNGradients.unroll(cell: cell, bySingularValue: false, r: r, hidden: hidden,
                                                    steps: 30, seed: 3)
            RNNGradients.jacobians(states, cell: rnn, shown: shown) { k, jacobian in
                let exact = LinearAlgebra.spectralNorm(jacobian)
                let fast = LinearAlgebra.largestSingularValue(jacobian)
                #expect(abs(fast - exact) <= 1e-12 * exact, "\(cell) r = \(r) hidden \(hidden) k = \(k): \(fast) vs \(exact)")
            }
        }
    }
}
