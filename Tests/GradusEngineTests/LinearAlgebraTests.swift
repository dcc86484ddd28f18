import Foundation
import Testing
@testable import GradusEngine
import GradusTestSupport

/// Random matrices of several shapes, some with complex eigenvalues, some scaled, some rank-deficient.
private func randomMatrices() -> [Tensor] {
    var rng = Generator(seed: 2024)
    var matrices: [Tensor] = []
    for (rows, cols) in [(1, 1), (2, 2), (3, 3), (5, 5), (8, 8), (16, 16), (33, 33), (64, 64), (7, 3), (3, 7), (40, 12)] {
        matrices.append(Tensor.normal(.matrix(rows, cols), std: 1 / Double(cols).squareRoot(), generator: &rng))
    }
    // A rotation (eigenvalues e^{±iθ}), a rank-one product, a triangular matrix, a matrix with a huge scale.
    matrices.append(Tensor(rows: [[0.6, -0.8], [0.8, 0.6]]))
    let u = Tensor.normal(.matrix(6, 1), generator: &rng), v = Tensor.normal(.matrix(1, 6), generator: &rng)
    matrices.append(u.matmul(v))
    matrices.append(Tensor(rows: [[2, 1, 0], [0, 2, 1], [0, 0, 2]]))
    matrices.append(Tensor.normal(.matrix(10, 10), std: 1e120, generator: &rng))
    return matrices
}

private let numpyScript = """
import json, sys, numpy as np
out = []
for m in json.load(sys.stdin):
    a = np.array(m["values"], dtype=np.float64).reshape(m["rows"], m["cols"])
    r = {"fro": float(np.linalg.norm(a)), "sv": [float(x) for x in np.linalg.svd(a, compute_uv=False)]}
    if a.shape[0] == a.shape[1]:
        e = np.linalg.eigvals(a)
        r["eig"] = sorted([[float(z.real), float(z.imag)] for z in e])
    out.append(r)
print(json.dumps(out))
"""

@Suite("Linear algebra agrees with numpy.linalg")
struct LinearAlgebraTests {
    @Test("Norms, singular values and eigenvalues match numpy on random matrices",
          .enabled(if: PythonOracle.wantsNumpy()))
    func matchesNumpy() throws {
        #expect(PythonOracle.hasNumpy, "python3 with numpy is required under CI")
        let matrices = randomMatrices()
        let input = matrices.map { ["rows": $0.shape.rows, "cols": $0.shape.cols, "values": $0.scalars] as [String: Any] }
        let output = try #require(try PythonOracle.run(numpyScript, input: input) as? [[String: Any]])
        try #require(output.count == matrices.count)
        for (a, expected) in zip(matrices, output) {
            let fro = try #require(expected["fro"] as? Double)
            #expect(abs(LinearAlgebra.frobeniusNorm(a) - fro) <= 1e-13 * fro, "Frobenius norm of \(a.shape)")
            let sv = try #require(expected["sv"] as? [Double])
            let ours = LinearAlgebra.singularValues(a)
            #expect(ours.count == sv.count)
            for (x, y) in zip(ours, sv) {
                #expect(abs(x - y) <= 1e-12 * sv[0], "singular values of \(a.shape): \(ours) vs \(sv)")
            }
            #expect(abs(LinearAlgebra.spectralNorm(a) - sv[0]) <= 1e-12 * sv[0])
            #expect(abs(LinearAlgebra.largestSingularValue(a) - sv[0]) <= 1e-12 * sv[0], "Lanczos σ₁ of \(a.shape)")
            guard let eig = expected["eig"] as? [[Double]] else { continue }
            let mine = LinearAlgebra.eigenvalues(a).map { [$0.real, $0.imaginary] }
                .sorted { ($0[0], $0[1]) < ($1[0], $1[1]) }
            #expect(mine.count == eig.count)
            let scale = max(sv[0], 1e-300)
            // A defective eigenvalue of multiplicity k is only determined to about ε^(1/k): 1e-5 for the Jordan block.
            let tolerance = a.shape.rows == 3 && a[0, 1] == 1 ? 1e-4 : 1e-9
            // Eigenvalues match as a set: pair each with its nearest numpy value.
            for z in mine {
                let nearest = eig.map { hypot($0[0] - z[0], $0[1] - z[1]) }.min() ?? .infinity
                #expect(nearest <= tolerance * scale, "eigenvalue \(z) of \(a.shape) is \(nearest) from numpy's")
            }
            let radius = eig.map { hypot($0[0], $0[1]) }.max() ?? 0
            #expect(abs(LinearAlgebra.spectralRadius(a) - radius) <= tolerance * scale, "spectral radius of \(a.shape)")
        }
    }

    @Test("A rotation's eigenvalues are the complex pair cos θ ± i sin θ")
    func rotationEigenvalues() {
        let theta = 0.3
        let r = Tensor(rows: [[cos(theta), -sin(theta)], [sin(theta), cos(theta)]])
        let values = LinearAlgebra.eigenvalues(r).sorted { $0.imaginary < $1.imaginary }
        #expect(abs(values[0].real - cos(theta)) < 1e-15 && abs(values[0].imaginary + sin(theta)) < 1e-15)
        #expect(abs(values[1].real - cos(theta)) < 1e-15 && abs(values[1].imaginary - sin(theta)) < 1e-15)
        #expect(abs(LinearAlgebra.spectralRadius(r) - 1) < 1e-15)
    }

    @Test("Lanczos' largest singular value agrees with the full SVD's to 1e-12 relative")
    func largestSingularValueMatchesSVD() {
        var rng = Generator(seed: 77)
        var matrices = randomMatrices()
        for (rows, cols) in [(128, 128), (100, 37), (37, 100), (2, 90), (64, 64)] {
            matrices.append(Tensor.normal(.matrix(rows, cols), generator: &rng))
        }
        // Products of random matrices (one dominant direction) and a matrix with two equal singular values.
        var product = Tensor.identity(48)
        for _ in 0..<20 { product = Tensor.normal(.matrix(48, 48), std: 0.2, generator: &rng).matmul(product) }
        matrices.append(product)
        matrices.append(Tensor(rows: [[3, 0, 0], [0, 3, 0], [0, 0, 1]]))
        for a in matrices {
            let exact = LinearAlgebra.spectralNorm(a), fast = LinearAlgebra.largestSingularValue(a)
            #expect(abs(fast - exact) <= 1e-12 * exact, "\(a.shape): \(fast) vs \(exact)")
        }
        #expect(LinearAlgebra.largestSingularValue(Tensor.zeros(.matrix(4, 3))) == 0)
        #expect(LinearAlgebra.largestSingularValue(Tensor(rows: [[1, .nan], [0, 1]])).isNaN)
        #expect(LinearAlgebra.largestSingularValue(Tensor(rows: [[-2.5]])) == 2.5)
    }

    @Test("Non-finite matrices give NaN norms and eigenvalues instead of trapping")
    func nonFinite() {
        let a = Tensor(rows: [[1, .nan], [0, 1]])
        #expect(LinearAlgebra.frobeniusNorm(a).isNaN)
        #expect(LinearAlgebra.spectralNorm(a).isNaN)
        #expect(LinearAlgebra.eigenvalues(a).allSatisfy { $0.real.isNaN })
        #expect(LinearAlgebra.frobeniusNorm(Tensor([1e200, 1e200])) == .infinity)
    }

    @Test("The Jacobian of an RNN step is diag(1 − h'²)·Wₕᵀ, as derived by hand")
    func rnnStepJacobian() {
        var rng = Generator(seed: 5)
        let cell = RNNCell(inputs: 3, hidden: 4, generator: &rng)
        let x = Variable.constant(Tensor.normal(.matrix(1, 3), generator: &rng))
        let h0 = Tensor.normal(.matrix(1, 4), generator: &rng)
        let jacobian = LinearAlgebra.jacobian(at: h0) { cell(x, $0) }
        let h1 = cell(x, Variable.constant(h0)).value
        let w = cell.hiddenWeight.value
        for i in 0..<4 {
            for j in 0..<4 {
                // h'ᵢ = tanh(Σⱼ hⱼ·W[j, i] + …), so ∂h'ᵢ/∂hⱼ = (1 − h'ᵢ²)·W[j, i]
                let expected = (1 - h1[0, i] * h1[0, i]) * w[j, i]
                #expect(abs(jacobian[i, j] - expected) < 1e-15)
            }
        }
    }

    @Test("The Jacobian through several steps equals the product of the step Jacobians")
    func unrolledJacobian() {
        var rng = Generator(seed: 6)
        let cell = RNNCell(inputs: 2, hidden: 5, generator: &rng)
        let xs = (0..<4).map { _ in Variable.constant(Tensor.normal(.matrix(1, 2), generator: &rng)) }
        let start = Variable(Tensor.normal(.matrix(1, 5), generator: &rng))
        var states = [start]
        for x in xs { states.append(cell(x, states.last!)) }
        let whole = LinearAlgebra.jacobian(of: states[4], withRespectTo: states[1])
        var product = Tensor.identity(5)
        for t in 1..<4 {
            let step = LinearAlgebra.jacobian(at: states[t].value) { cell(xs[t], $0) }
            product = step.matmul(product)
        }
        for (a, b) in zip(whole.scalars, product.scalars) { #expect(abs(a - b) < 1e-14) }
    }
}
