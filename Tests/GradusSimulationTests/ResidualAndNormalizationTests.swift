import Foundation
import Testing
@testable import GradusSimulation

@Suite("residual-gradients")
struct ResidualGradientsTests {
    @Test("Sigmoid: the plain stack's gradient vanishes, the residual stack's keeps the readout's size")
    func sigmoidIdentityPath() throws {
        let table = try runSimulation("residual-gradients", [("activation", "sigmoid"), ("init", "xavier-normal"),
                                                             ("depth", "20"), ("width", "16"), ("batch", "16"), ("seeds", "1")])
        let plain = try table.numbers("grad_plain"), residual = try table.numbers("grad_residual")
        #expect(plain.count == 20 && residual.count == 20)
        // Both start from the same readout at the last layer.
        #expect(plain[19] == residual[19])
        // σ′ ≤ ¼: the plain stack loses more than a factor of 2 per layer.
        #expect(plain[0] < plain[19] * 1e-6, "\(plain)")
        // The identity term: no layer of the residual stack gets less than half the readout's gradient.
        #expect(residual.allSatisfy { $0 > residual[19] / 2 }, "\(residual)")
    }

    @Test("A branch scaled by 0 leaves the identity alone: every layer gets the readout's gradient exactly")
    func zeroBranchIsTheIdentity() throws {
        let table = try runSimulation("residual-gradients", [("depth", "5"), ("width", "4"), ("batch", "3"),
                                                             ("branch_scale", "0"), ("seeds", "1")])
        let residual = try table.numbers("grad_residual")
        #expect(residual.allSatisfy { $0 == residual[4] }, "\(residual)")
        #expect(try table.numbers("weight_grad_residual").allSatisfy { $0 == 0 })
    }

    @Test("ReLU with He initialisation: stable without shortcuts, explodes with full branches, tamed by α = 0.1")
    func reluBranchScale() throws {
        let settings: [(key: String, value: String)] = [("activation", "relu"), ("init", "he-normal"), ("depth", "30"),
                                                        ("width", "16"), ("batch", "16"), ("seeds", "1")]
        let full = try runSimulation("residual-gradients", settings)
        let plain = try full.numbers("grad_plain"), exploding = try full.numbers("grad_residual")
        #expect(plain.max()! / plain.min()! < 10, "\(plain)")
        // He initialisation gives every branch a gain near 1, so each factor I + Jᵢ enlarges the gradient.
        #expect(exploding[0] > 1000 * exploding[29], "\(exploding)")
        let scaled = try runSimulation("residual-gradients", settings + [(key: "branch_scale", value: "0.1")]).numbers("grad_residual")
        #expect(scaled.max()! / scaled.min()! < 5, "\(scaled)")
    }
}

@Suite("norm-batch-noise")
struct NormBatchNoiseTests {
    @Test("Layer and RMS norm do not depend on the batch at all; batch norm's noise falls about as 1/√B")
    func noise() throws {
        let table = try runSimulation("norm-batch-noise", [("max_batch", "64"), ("features", "32"), ("draws", "40")])
        #expect(try table.numbers("batch") == [1, 2, 4, 8, 16, 32, 64])
        #expect(try table.numbers("noise_ln").allSatisfy { $0 == 0 })
        #expect(try table.numbers("noise_rms").allSatisfy { $0 == 0 })
        let bn = try table.numbers("noise_bn")
        // A batch of one maps everything to β = 0: the deviation is the size of a standardised value, about 1.
        #expect(abs(bn[0] - 1) < 0.15, "\(bn)")
        for i in 1..<bn.count { #expect(bn[i] < bn[i - 1], "\(bn)") }
        // From 16 to 64 examples, four times the batch: about half the noise.
        let ratio = bn[4] / bn[6]
        #expect(ratio > 1.6 && ratio < 2.5, "\(bn)")
    }
}

@Suite("norm-batch-training")
struct NormBatchTrainingTests {
    @Test("Accuracies are fractions, and every normalisation learns better than chance with batches of 16")
    func learns() throws {
        let table = try runSimulation("norm-batch-training", [("max_batch", "16"), ("steps", "150"), ("seeds", "1")])
        #expect(try table.numbers("batch") == [2, 4, 8, 16])
        for key in ["accuracy_bn", "accuracy_ln", "accuracy_rms", "accuracy_none"] {
            let accuracy = try table.numbers(key)
            #expect(accuracy.allSatisfy { $0 >= 0 && $0 <= 1 }, "\(key) \(accuracy)")
            #expect(accuracy[3] > 0.4, "\(key) \(accuracy)")   // four classes: chance is about 0.25
        }
    }
}

@Suite("ln-placement")
struct LNPlacementTests {
    private func table(depth: Int, norm: String = "layer") throws -> Table {
        try runSimulation("ln-placement", [("depth", "\(depth)"), ("width", "16"), ("ffn", "32"), ("tokens", "16"),
                                           ("norm", norm), ("seeds", "1")])
    }

    @Test("Post-LN ends every block at RMS 1; Pre-LN's stream grows with every block")
    func stream() throws {
        for norm in ["layer", "rms"] {
            let t = try table(depth: 8, norm: norm)
            #expect(try t.numbers("stream_post").allSatisfy { abs($0 - 1) < 1e-4 }, "\(norm)")
            let pre = try t.numbers("stream_pre")
            #expect(pre.last! > 1.3 * pre.first!, "\(norm) \(pre)")
        }
    }

    @Test("The last block's gradient: Pre-LN's shrinks with the depth, Post-LN's does not (Xiong et al., Theorem 1)")
    func lastBlockAgainstDepth() throws {
        let shallow = try table(depth: 4), deep = try table(depth: 32)
        let post = try deep.numbers("grad_post").last! / shallow.numbers("grad_post").last!
        let pre = try deep.numbers("grad_pre").last! / shallow.numbers("grad_pre").last!
        // Eight times the depth: 1/√8 ≈ 0.35 for Pre-LN, about 1 for Post-LN.
        #expect(post > 0.6 && post < 1.6, "Post-LN ratio \(post)")
        #expect(pre < 0.6, "Pre-LN ratio \(pre)")
    }
}
