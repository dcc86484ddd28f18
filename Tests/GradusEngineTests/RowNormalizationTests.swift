import Foundation
import Testing
@testable import GradusEngine

@Suite("Layer and RMS normalisation")
struct RowNormalizationTests {
    @Test("Layer norm's and RMS norm's gradients agree with central finite differences",
          arguments: ["layer", "rms"])
    func gradients(kind: String) {
        let inputs = [Sample.normal([5, 4], seed: 61), Sample.normal([4], seed: 62), Sample.normal([4], seed: 63)]
        let errors = GradientCheck().errors(kind == "layer" ? inputs : Array(inputs.prefix(2))) { v in
            kind == "layer" ? v[0].layerNorm(scale: v[1], shift: v[2]) : v[0].rmsNorm(scale: v[1])
        }
        for (index, error) in errors.enumerated() { #expect(error < 1e-6, "\(kind) input \(index): \(error)") }
    }

    @Test("The layers inside a small network, every parameter checked", arguments: ["layer", "rms"])
    func layersInANetwork(kind: String) {
        var rng = Generator(seed: 64)
        let first = Linear(inputs: 3, outputs: 6, bias: .uniform(bound: 1), generator: &rng)
        let layer = LayerNorm(features: 6), rms = RMSNorm(features: 6)
        layer.scale.value = Tensor.normal(.vector(6), generator: &rng)
        layer.shift.value = Tensor.normal(.vector(6), generator: &rng)
        rms.scale.value = Tensor.normal(.vector(6), generator: &rng)
        let x = Variable.constant(Tensor.normal(.matrix(4, 3), generator: &rng))
        let parameters = first.parameters + (kind == "layer" ? layer.parameters : rms.parameters)
        let errors = GradientCheck().errors(parameters: parameters) {
            projected((kind == "layer" ? layer(first(x)) : rms(first(x))).tanh())
        }
        for (index, error) in errors.enumerated() { #expect(error < 1e-6, "\(kind) parameter \(index): \(error)") }
    }

    @Test("Layer norm of 2, 4, 4, 4, 5, 5, 7, 9 (mean 5, variance 4) is −1.5, −0.5, …, 2")
    func layerNormByHand() {
        let y = LayerNorm(features: 8)(Variable.constant(Tensor(rows: [[2, 4, 4, 4, 5, 5, 7, 9]]))).value
        let expected: [Double] = [-1.5, -0.5, -0.5, -0.5, 0, 0, 1, 2]
        let factor = 2 / (4 + 1e-5).squareRoot()
        for (c, e) in expected.enumerated() { #expect(abs(y[0, c] - e * factor) < 1e-15) }
    }

    @Test("RMS norm of (3, 4): mean square 12.5, so (3, 4)/√12.5; a shifted row is not re-centred")
    func rmsNormByHand() {
        let y = RMSNorm(features: 2, epsilon: 0)(Variable.constant(Tensor(rows: [[3, 4], [103, 104]]))).value
        #expect(abs(y[0, 0] - 3 / 12.5.squareRoot()) < 1e-15 && abs(y[0, 1] - 4 / 12.5.squareRoot()) < 1e-15)
        // Layer norm would give (−1, 1) for both rows; RMS norm keeps the second row's offset: both near 1.
        #expect(abs(y[1, 0] - 103 / (0.5 * (103 * 103 + 104 * 104)).squareRoot()) < 1e-15)
        #expect(y[1, 0] > 0.99 && y[1, 1] > 1 && y[1, 1] < 1.01)
    }

    @Test("A row's output is the same, bit for bit, alone and inside a batch", arguments: ["layer", "rms"])
    func independentOfTheBatch(kind: String) {
        var rng = Generator(seed: 65)
        let batch = Tensor.normal(.matrix(16, 8), mean: 3, std: 2, generator: &rng)
        let alone = Tensor(rows: [(0..<8).map { batch[5, $0] }])
        let apply: (Tensor) -> Tensor = { x in
            kind == "layer" ? LayerNorm(features: 8)(Variable.constant(x)).value
                            : RMSNorm(features: 8)(Variable.constant(x)).value
        }
        let inBatch = apply(batch), single = apply(alone)
        for c in 0..<8 { #expect(inBatch[5, c] == single[0, c]) }
        // Batch norm, by contrast, gives row 5 another output in another batch.
        let bn = BatchNorm(features: 8)
        let first = bn(Variable.constant(batch)).value[5, 0]
        let half = Tensor(rows: (0..<8).map { r in (0..<8).map { batch[r, $0] } })
        #expect(bn(Variable.constant(half)).value[5, 0] != first)
    }

    @Test("Each layer-normalised row has mean 0 and variance σ²/(σ² + ε); each RMS-normalised row mean square 1")
    func rowStatistics() {
        var rng = Generator(seed: 66)
        let x = Tensor.normal(.matrix(6, 32), mean: -4, std: 5, generator: &rng)
        let layer = LayerNorm(features: 32, epsilon: 0)(Variable.constant(x)).value
        let rms = RMSNorm(features: 32, epsilon: 0)(Variable.constant(x)).value
        for r in 0..<6 {
            let l = (0..<32).map { layer[r, $0] }, s = (0..<32).map { rms[r, $0] }
            #expect(abs(l.reduce(0, +) / 32) < 1e-14)
            #expect(abs(l.map { $0 * $0 }.reduce(0, +) / 32 - 1) < 1e-13)
            #expect(abs(s.map { $0 * $0 }.reduce(0, +) / 32 - 1) < 1e-13)
        }
    }
}
