import Foundation
import Testing
@testable import GradusEngine

@Suite("End-to-end cases checked against values derived by hand")
struct HandDerivedTests {
    private func sigma(_ z: Double) -> Double { 1 / (1 + exp(-z)) }

    @Test("A two-weight sigmoid network: backpropagation written out by the chain rule")
    func tinyNetwork() {
        let x = 0.5, y = 1.0
        let w1 = Variable(Tensor(rows: [[0.8]])), b1 = Variable(Tensor([0.1]))
        let w2 = Variable(Tensor(rows: [[-1.2]])), b2 = Variable(Tensor([0.3]))
        let hidden = (Variable.constant(Tensor(rows: [[x]])).matmul(w1) + b1).sigmoid()
        let out = hidden.matmul(w2) + b2
        out.meanSquaredError(Variable.constant(Tensor(rows: [[y]]))).backward()
        // h = σ(0.8·0.5 + 0.1) = σ(0.5); o = −1.2h + 0.3; L = (o − y)²
        let h = sigma(0.5), o = -1.2 * h + 0.3
        let dO = 2 * (o - y)                  // ∂L/∂o
        let dZ = dO * -1.2 * h * (1 - h)      // ∂L/∂z through w₂ and σ′ = h(1 − h)
        #expect(abs(w2.grad!.item - dO * h) < 1e-15)
        #expect(abs(b2.grad!.item - dO) < 1e-15)
        #expect(abs(w1.grad!.item - dZ * x) < 1e-15)
        #expect(abs(b1.grad!.item - dZ) < 1e-15)
        #expect(abs(hidden.grad!.item - dO * -1.2) < 1e-15)
    }

    @Test("Cross-entropy: the loss is log Σ e^(zⱼ − z_y) and its gradient is (softmax − one-hot)/N")
    func crossEntropy() {
        let logits = Variable(Tensor(rows: [[1, 2, 3], [0, 0, 0]]))
        let loss = logits.crossEntropy(labels: [2, 0])
        loss.backward()
        let first: Double = log(1 + exp(-1.0) + exp(-2.0)), second: Double = log(3.0)
        let expectedLoss = (first + second) / 2
        #expect(abs(loss.value.item - expectedLoss) < 1e-15)
        let total: Double = exp(1.0) + exp(2.0) + exp(3.0)
        let s: [Double] = [exp(1.0) / total, exp(2.0) / total, exp(3.0) / total]
        let expected: [Double] = [s[0] / 2, s[1] / 2, (s[2] - 1) / 2, (1.0 / 3 - 1) / 2, 1.0 / 6, 1.0 / 6]
        for (g, e) in zip(logits.grad!.scalars, expected) { #expect(abs(g - e) < 1e-15) }
    }

    @Test("Ten sigmoid layers at their fixed point shrink the gradient by exactly (1/4)¹⁰")
    func vanishingSigmoid() {
        // z ↦ σ(z) − ½ keeps 0 fixed, and σ′(0) = ¼ exactly.
        let input = Variable(Tensor([0]))
        var h = input
        for _ in 0..<10 { h = h.sigmoid() - 0.5 }
        h.sum().backward()
        #expect(input.grad!.item == pow(0.25, 10))
    }

    @Test("A linear RNN's ∂h_T/∂h₀ is (Wᵀ)ᵀ, so it shrinks below spectral radius 1 and grows above")
    func linearRNN() {
        var rng = Generator(seed: 12)
        for radius in [0.9, 1.1] {
            let cell = RNNCell(inputs: 2, hidden: 6, nonlinearity: .identity, generator: &rng)
            let w = cell.hiddenWeight.value
            cell.hiddenWeight.value = LinearAlgebra.rescaled(w, toSpectralRadius: radius)
            let h0 = Variable(Tensor.normal(.matrix(1, 6), generator: &rng))
            var h = h0
            for _ in 0..<40 { h = cell(Variable.constant(Tensor.normal(.matrix(1, 2), generator: &rng)), h) }
            let jacobian = LinearAlgebra.jacobian(of: h, withRespectTo: h0)
            var power = Tensor.identity(6)
            for _ in 0..<40 { power = power.matmul(cell.hiddenWeight.value) }
            let expected = power.transposed()
            let scale = LinearAlgebra.frobeniusNorm(expected)
            #expect(LinearAlgebra.frobeniusNorm(jacobian - expected) <= 1e-12 * scale)
            // ρ(J)^(1/40) is ρ(W): the per-step factor the course's vanishing/exploding lesson names.
            let perStep = pow(LinearAlgebra.spectralRadius(jacobian), 1.0 / 40)
            #expect(abs(perStep - radius) < 1e-9)
        }
    }

    @Test("Batch norm: outputs have zero mean and variance σ²/(σ² + ε); running averages and evaluation mode")
    func batchNorm() {
        let norm = BatchNorm(features: 2)
        let x = Tensor(rows: [[1, 10], [2, 20], [3, 30], [6, 60]])
        let y = norm(Variable.constant(x)).value
        // Column 0: mean 3, biased variance (4 + 1 + 0 + 9)/4 = 3.5, unbiased 14/3.
        let col0 = (0..<4).map { y[$0, 0] }
        #expect(abs(col0.reduce(0, +)) < 1e-14)
        let variance: Double = col0.map { $0 * $0 }.reduce(0, +) / 4
        #expect(abs(variance - 3.5 / (3.5 + 1e-5)) < 1e-14)
        #expect(abs(norm.runningMean.scalars[0] - 0.3) < 1e-15 && abs(norm.runningMean.scalars[1] - 3) < 1e-14)
        let running: Double = 0.9 + 0.1 * 14 / 3
        #expect(abs(norm.runningVariance.scalars[0] - running) < 1e-14)
        let evaluated = norm(Variable.constant(Tensor(rows: [[1, 10]])), training: false).value
        let expected: Double = (1 - 0.3) / (running + 1e-5).squareRoot()
        #expect(abs(evaluated[0, 0] - expected) < 1e-14)
    }

    @Test("Softmax rows sum to one and log-softmax is its logarithm, even for huge logits")
    func softmax() {
        let z = Variable.constant(Tensor(rows: [[1000, 1001, 1002], [-5, 0, 5]]))
        let p = z.softmax().value, lp = z.logSoftmax().value
        for r in 0..<2 {
            #expect(abs((0..<3).map { p[r, $0] }.reduce(0, +) - 1) < 1e-15)
            for c in 0..<3 { #expect(abs(log(p[r, c]) - lp[r, c]) < 1e-14) }
        }
        let shift: Double = log(1 + exp(-1.0) + exp(-2.0))
        #expect(abs(lp[0, 2] + shift) < 1e-15)
    }
}

@Suite("Scalar powers")
struct PowerTests {
    @Test("Special exponents agree with pow, and squaring is exactly x·x")
    func specialExponents() {
        let x = Variable.constant(Tensor([0.3, 1.7, 12.5]))
        for p in [2.0, 3, 0.5, -0.5, -1, -2, 1] {
            for (ours, xi) in zip(x.pow(p).value.scalars, x.value.scalars) {
                #expect(abs(ours - Foundation.pow(xi, p)) <= 2 * ours.ulp, "\(xi)^\(p)")
            }
        }
        #expect(x.pow(2).value.scalars == x.value.scalars.map { $0 * $0 })
        let zero = Variable(Tensor([2]))
        zero.pow(0).sum().backward()
        #expect(zero.grad!.scalars == [0])
    }
}
