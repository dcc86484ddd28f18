import Foundation
import Testing
@testable import GradusEngine

@Suite("Optimizers and clipping follow PyTorch's update rules")
struct OptimizerTests {
    /// L = ½‖w‖², so ∇L = w.
    private func halfSquare(_ w: Variable) -> Variable { (w * w).sum() * 0.5 }

    @Test("SGD with momentum and weight decay: two steps derived by hand")
    func sgdMomentum() {
        let w = Variable(Tensor([1, -2]))
        var sgd = SGD(parameters: [w], learningRate: 0.1, momentum: 0.9, weightDecay: 0.01)
        for _ in 0..<2 {
            sgd.zeroGrad()
            halfSquare(w).backward()
            sgd.step()
        }
        // Step 1: d = 1.01w, v = d, w₁ = 0.899w.  Step 2: d = 1.01·0.899w = 0.90799w,
        // v = 0.9·1.01w + 0.90799w = 1.81699w, w₂ = 0.899w − 0.181699w = 0.717301w.
        #expect(abs(w.value.scalars[0] - 0.717301) < 1e-15)
        #expect(abs(w.value.scalars[1] + 2 * 0.717301) < 1e-15)
    }

    @Test("Plain SGD is w − η∇L")
    func sgdPlain() {
        let w = Variable(Tensor([3]))
        var sgd = SGD(parameters: [w], learningRate: 0.25)
        halfSquare(w).backward()
        sgd.step()
        #expect(w.value.scalars == [2.25])
    }

    @Test("Adam agrees with the bias-corrected formulas of Kingma & Ba over ten steps")
    func adam() {
        let w = Variable(Tensor([1, -0.5]))
        var adam = Adam(parameters: [w], learningRate: 0.1, weightDecay: 0.05)
        var reference = [1.0, -0.5], m = [0.0, 0.0], v = [0.0, 0.0]
        for t in 1...10 {
            adam.zeroGrad()
            (w * w).sum().backward()   // ∇ = 2w
            adam.step()
            for i in 0..<2 {
                let g = 2 * reference[i] + 0.05 * reference[i]
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                let mHat = m[i] / (1 - pow(0.9, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                reference[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            for i in 0..<2 { #expect(abs(w.value.scalars[i] - reference[i]) < 1e-14, "step \(t)") }
        }
        // Adam's first step moves each weight by almost exactly η against the gradient's sign.
        #expect(adam.steps == 10)
    }

    @Test("Parameters without a gradient are left alone")
    func untouched() {
        let used = Variable(Tensor([1])), unused = Variable(Tensor([5]))
        var adam = Adam(parameters: [used, unused])
        var sgd = SGD(parameters: [used, unused], learningRate: 1, momentum: 0.5)
        halfSquare(used).backward()
        adam.step(); sgd.step()
        #expect(unused.value.scalars == [5])
        #expect(used.value.scalars != [1])
    }

    @Test("Clipping by global norm scales by max/(total + 1e-6) and returns the total")
    func clipNorm() {
        let a = Variable(Tensor([0, 0])), b = Variable(Tensor([0]))
        a.grad = Tensor([3, 4]); b.grad = Tensor([12])
        let total = Clipping.clipGradientNorm([a, b], maxNorm: 6.5)
        #expect(total == 13)
        let factor = 6.5 / (13 + 1e-6)
        #expect(a.grad!.scalars == [3 * factor, 4 * factor])
        #expect(b.grad!.scalars == [12 * factor])
        #expect(abs(Clipping.globalNorm([a, b]) - 6.5) < 1e-6)
        #expect(Clipping.clipFactor(totalNorm: 13, maxNorm: 6.5) == factor)
        #expect(Clipping.clipFactor(totalNorm: 13, maxNorm: 13.1) == 1)
        #expect(Clipping.clipFactor(totalNorm: 0, maxNorm: 1) == 1)
        #expect(Clipping.clipFactor(totalNorm: .nan, maxNorm: 1).isNaN)
        // Below the limit nothing changes.
        a.grad = Tensor([3, 4]); b.grad = Tensor([12])
        #expect(Clipping.clipGradientNorm([a, b], maxNorm: 13.1) == 13)
        #expect(a.grad!.scalars == [3, 4] && b.grad!.scalars == [12])
    }

    @Test("Clipping a non-finite gradient propagates like PyTorch: ∞ zeroes finite entries, NaN spreads")
    func clipNonFinite() {
        let a = Variable(Tensor([0, 0])), b = Variable(Tensor([0]))
        a.grad = Tensor([.infinity, 1]); b.grad = Tensor([2])
        #expect(Clipping.clipGradientNorm([a, b], maxNorm: 1) == .infinity)
        #expect(a.grad!.scalars[0].isNaN && a.grad!.scalars[1] == 0 && b.grad!.scalars == [0])
        a.grad = Tensor([.nan, 1]); b.grad = Tensor([2])
        #expect(Clipping.clipGradientNorm([a, b], maxNorm: 1).isNaN)
        #expect(b.grad!.scalars[0].isNaN)
    }

    @Test("Clipping by value clamps each element and keeps NaN")
    func clipValue() {
        let a = Variable(Tensor([0, 0, 0, 0]))
        a.grad = Tensor([-3, 0.5, 7, .nan])
        Clipping.clipGradientValues([a], limit: 1)
        #expect(Array(a.grad!.scalars[0..<3]) == [-1, 0.5, 1])
        #expect(a.grad!.scalars[3].isNaN)
    }
}
