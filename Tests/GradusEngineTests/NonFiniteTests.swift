import Foundation
import Testing
@testable import GradusEngine

@Suite("Non-finite values flow as IEEE 754 says")
struct NonFiniteTests {
    @Test("Overflow gives ∞ and then NaN in the backward pass, without trapping")
    func overflow() {
        let x = Variable(Tensor([1000, 1]))
        let y = x.exp()
        #expect(y.value.scalars[0] == .infinity)
        (y * 0).sum().backward()   // d/dx = 0·e^x: 0·∞ = NaN
        #expect(x.grad!.scalars[0].isNaN && x.grad!.scalars[1] == 0)
    }

    @Test("log(0) = −∞, sqrt(−1) = NaN, relu(NaN) = NaN, and 1/0 = ∞")
    func edges() {
        let x = Variable(Tensor([0, -1, .nan, 2]))
        #expect(x.log().value.scalars[0] == -.infinity)
        #expect(x.sqrt().value.scalars[1].isNaN)
        #expect(x.relu().value.scalars[2].isNaN)
        #expect((Variable.constant(Tensor([1])) / x).value.scalars[0] == .infinity)
        #expect(!x.value.isFinite && Tensor([1, 2]).isFinite && !Tensor([.infinity]).isFinite)
    }

    @Test("A diverging run reports the first non-finite step: L = w², SGD with η = 10 gives |w| = 19ᵗ")
    func divergence() {
        let w = Variable(Tensor([1]))
        var sgd = SGD(parameters: [w], learningRate: 10)
        // w ← w − 10·2w = −19w. The loss 19²ᵗ first overflows at t = 121 (log₁₀ 19²⁴² ≈ 309.5 > 308.25),
        // while the gradient 2·19ᵗ is still finite.
        let run = TrainingRun(steps: 200, optimizer: &sgd, stopAtNonFinite: true) { _ in w * w }
        #expect(run.firstNonFinite == TrainingRun.NonFinite(step: 121, quantity: .loss))
        #expect(run.losses.count == 122)
        #expect(abs(run.losses[120] / pow(19, 240) - 1) < 1e-13)
        #expect(run.gradientNorms[1] == 38)
    }

    @Test("Without stopping, NaN flows on through the remaining steps")
    func flowsOn() {
        let w = Variable(Tensor([1]))
        var sgd = SGD(parameters: [w], learningRate: 10)
        let run = TrainingRun(steps: 300, optimizer: &sgd) { _ in w * w }
        #expect(run.losses.count == 300)
        #expect(run.firstNonFinite?.step == 121)
        #expect(run.losses.last!.isNaN || run.losses.last!.isInfinite)
    }

    @Test("Clipping keeps the same divergent run finite")
    func clippingRescues() {
        let w = Variable(Tensor([1]))
        var sgd = SGD(parameters: [w], learningRate: 10)
        let run = TrainingRun(steps: 300, optimizer: &sgd, clipNorm: 0.05) { _ in w * w }
        #expect(run.firstNonFinite == nil)
        #expect(run.losses.allSatisfy { $0 <= 1 })
    }

    @Test("A non-finite gradient is reported with its parameter's index")
    func gradientReported() {
        let a = Variable(Tensor([1])), b = Variable(Tensor([0]))
        var sgd = SGD(parameters: [a, b], learningRate: 0)
        // d sqrt(b)/db at b = 0 is +∞ while the loss sqrt(0) + a = 1 is finite.
        let run = TrainingRun(steps: 3, optimizer: &sgd) { _ in a + b.sqrt() }
        #expect(run.firstNonFinite == TrainingRun.NonFinite(step: 0, quantity: .gradient(parameterIndex: 1)))
    }
}

@Suite("Long graphs")
struct LongGraphTests {
    @Test("A 5000-step unroll is differentiated and freed on a thread with a 512 KiB stack")
    func deepGraphOnSmallStack() {
        final class Box: @unchecked Sendable { var gradient: Double? }
        let box = Box(), done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var rng = Generator(seed: 1)
            let cell = RNNCell(inputs: 2, hidden: 3, generator: &rng)
            let x = Variable.constant(Tensor.ones(.matrix(1, 2)))
            var h = Variable.constant(Tensor.zeros(.matrix(1, 3)))
            for _ in 0..<5000 { h = cell(x, h) }
            h.sum().backward()
            h = Variable.constant(Tensor.zeros(.matrix(1, 3)))   // drops the whole graph
            box.gradient = cell.bias.grad?.scalars[0]
            done.signal()
        }
        thread.stackSize = 512 * 1024
        thread.start()
        done.wait()
        #expect(box.gradient?.isFinite == true)
    }
}
