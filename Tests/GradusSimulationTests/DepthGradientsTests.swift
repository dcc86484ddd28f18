import Foundation
import Testing
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
                                                          ("depth", "20"), ("width", "64"), ("batch", "64"), ("seeds", "1")])
        let stds = try table.numbers("activation_std").dropLast()   // the last layer is linear
        #expect(stds.max()! / stds.min()! < 4, "\(stds)")
        let grads = try table.numbers("grad_norm")
        #expect(grads.max()! / grads.min()! < 4, "\(grads)")
    }

    @Test("ReLU with N(0, 1) weights: activations grow by about √(n/2) per layer and explode")
    func reluNaiveExplodes() throws {
        let width = 64.0
        let table = try runSimulation("depth-gradients", [("activation", "relu"), ("init", "normal"),
                                                          ("depth", "20"), ("width", "64"), ("batch", "64"), ("seeds", "1")])
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
