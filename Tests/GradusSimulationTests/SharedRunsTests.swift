import Foundation
import Testing
import GradusEngine
@testable import GradusSimulation

/// The simulations that draw a seed's values once and share them between runs, or hand their runs to the cores
/// costliest first, print what one run per job, each drawing its own values, gives.
@Suite("Shared draws and run order")
struct SharedRunsTests {
    /// A batchnorm run that draws its own weights, batch and readout.
    private func batchNormRun(normalised: Bool, depth: Int, width: Int, batch: Int, seed: UInt64) -> [Double] {
        var generator = Generator(seed: seed)
        let layers = (0..<depth).map { _ in
            Linear(inputs: width, outputs: width, initializer: .xavierNormal(), generator: &generator)
        }
        let norms = (0..<depth - 1).map { _ in BatchNorm(features: width) }
        var h = Variable.constant(Tensor.normal(.matrix(batch, width), generator: &generator))
        for (index, layer) in layers.enumerated() {
            h = layer(h)
            if index < depth - 1 { h = (normalised ? norms[index](h) : h).sigmoid() }
        }
        h.backward(seed: Tensor.normal(.matrix(batch, width), std: 1 / Double(batch), generator: &generator))
        return layers.map { Statistics.norm($0.weight.grad!) }
    }

    /// A residual-gradients run (sigmoid, Xavier) that draws its own weights, batch and readout.
    private func residualRun(branchScale: Double?, depth: Int, width: Int, batch: Int, seed: UInt64) -> [Double] {
        var generator = Generator(seed: seed)
        let layers = (0..<depth).map { _ in
            Linear(inputs: width, outputs: width, initializer: .xavierNormal(), generator: &generator)
        }
        var h = Variable.constant(Tensor.normal(.matrix(batch, width), generator: &generator))
        var outputs: [Variable] = []
        for layer in layers {
            let branch = layer(h).sigmoid()
            h = branchScale.map { h + branch * $0 } ?? branch
            outputs.append(h)
        }
        h.backward(seed: Tensor.normal(.matrix(batch, width), std: 1 / Double(batch), generator: &generator))
        return outputs.map { Statistics.norm($0.grad!) }
    }

    @Test("batchnorm: both passes from one draw per seed give the medians of passes that draw their own")
    func batchNorm() throws {
        let table = try runSimulation("batchnorm", [("depth", "6"), ("width", "12"), ("batch", "16"), ("seeds", "3")], seed: 5)
        let seeds = Statistics.seeds(5, count: 3)
        for (key, normalised) in [("grad_norm_plain", false), ("grad_norm_bn", true)] {
            let runs = seeds.map { batchNormRun(normalised: normalised, depth: 6, width: 12, batch: 16, seed: $0) }
            #expect(try table.numbers(key) == Statistics.medians(runs), "\(key)")
        }
    }

    @Test("residual-gradients: both stacks from one draw per seed give the medians of stacks that draw their own")
    func residual() throws {
        let table = try runSimulation("residual-gradients", [("depth", "6"), ("width", "12"), ("batch", "16"),
                                                             ("branch_scale", "0.5"), ("seeds", "3")], seed: 5)
        let seeds = Statistics.seeds(5, count: 3)
        for (key, scale) in [("grad_plain", nil), ("grad_residual", 0.5)] as [(String, Double?)] {
            let runs = seeds.map { residualRun(branchScale: scale, depth: 6, width: 12, batch: 16, seed: $0) }
            #expect(try table.numbers(key) == Statistics.medians(runs), "\(key)")
        }
    }

    @Test("norm-batch-training: runs sharing each seed's data, the largest batches first, give the medians of runs alone")
    func normBatchTraining() throws {
        let table = try runSimulation("norm-batch-training", [("max_batch", "8"), ("steps", "20"), ("seeds", "3")], seed: 5)
        let seeds = Statistics.seeds(5, count: 3)
        let keys = ["accuracy_bn", "accuracy_ln", "accuracy_rms", "accuracy_none"]
        for (kind, key) in zip(NormBatchTraining.Kind.allCases, keys) {
            let expected = [2, 4, 8].map { batch in
                Statistics.median(seeds.map { NormBatchTraining.train(kind, batch: batch, steps: 20, lr: 0.1, seed: $0) })
            }
            #expect(try table.numbers(key) == expected, "\(key)")
        }
    }
}

/// The ranges that stop where larger values only cost time: the bound is accepted, one past it refused.
@Suite("Parameter ranges kept within the time budget")
struct TimeBudgetRangeTests {
    @Test("Each narrowed range accepts its bound and refuses the next value with the range in the message",
          arguments: [("norm-batch-training", "max_batch", 256), ("norm-batch-training", "steps", 2000),
                      ("norm-batch-training", "seeds", 5), ("dying-relu", "seeds", 20),
                      ("dying-relu", "then_steps", 1000), ("strategies", "depth", 30), ("strategies", "width", 128),
                      ("norm-batch-noise", "draws", 2000), ("batchnorm", "width", 256)])
    func bounds(name: String, key: String, bound: Int) throws {
        let simulation = try #require(Registry.standard[name])
        #expect(throws: Never.self) { try simulation.resolve([(key, "\(bound)")]).get() }
        let spec = try #require(simulation.parameters.first { $0.key == key })
        guard case .integer(let range) = spec.kind else { Issue.record("\(key) is not a whole number"); return }
        let message = "invalid value '\(bound + 1)' for \(key): expected a whole number from \(range.lowerBound) to \(bound)"
        #expect(throws: ParameterError(message)) { try simulation.resolve([(key, "\(bound + 1)")]).get() }
    }
}
