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

    @Test("Nesterov momentum: two steps derived by hand, and the heavy ball equals Polyak's two-step form")
    func nesterovAndHeavyBall() {
        let w = Variable(Tensor([1, -2]))
        var sgd = SGD(parameters: [w], learningRate: 0.1, momentum: 0.9, nesterov: true)
        for _ in 0..<2 {
            sgd.zeroGrad()
            halfSquare(w).backward()
            sgd.step()
        }
        // Step 1: g = w, v = w, step g + 0.9v = 1.9w, w₁ = 0.81w.  Step 2: g = 0.81w, v = 0.9w + 0.81w = 1.71w,
        // step 0.81w + 0.9·1.71w = 2.349w, w₂ = 0.81w − 0.2349w = 0.5751w.
        #expect(abs(w.value.scalars[0] - 0.5751) < 1e-15)
        #expect(abs(w.value.scalars[1] + 2 * 0.5751) < 1e-15)

        // Heavy ball on L = ½·3w²: w_{t+1} = w_t − η·3w_t + μ(w_t − w_{t−1}), w₋₁ = w₀.
        let u = Variable(Tensor([1.5]))
        var heavy = SGD(parameters: [u], learningRate: 0.05, momentum: 0.8)
        var previous = 1.5, current = 1.5
        for t in 1...30 {
            heavy.zeroGrad()
            ((u * u).sum() * 1.5).backward()
            heavy.step()
            let next = current - 0.05 * 3 * current + 0.8 * (current - previous)
            (previous, current) = (current, next)
            #expect(abs(u.value.scalars[0] - current) < 1e-14, "step \(t)")
        }
    }

    @Test("AdamW decays before the adaptive step: PyTorch's order, against the formulas over ten steps")
    func adamW() {
        let w = Variable(Tensor([1, -0.5, 0]))
        var adamW = AdamW(parameters: [w], learningRate: 0.1, weightDecay: 0.2)
        var reference = [1.0, -0.5, 0], m = [0.0, 0.0, 0.0], v = [0.0, 0.0, 0.0]
        for t in 1...10 {
            adamW.zeroGrad()
            (w * w).sum().backward()   // ∇ = 2w
            adamW.step()
            for i in 0..<3 {
                let g = 2 * reference[i]
                reference[i] *= 1 - 0.1 * 0.2
                m[i] = 0.9 * m[i] + 0.1 * g
                v[i] = 0.999 * v[i] + 0.001 * g * g
                let mHat = m[i] / (1 - pow(0.9, Double(t))), vHat = v[i] / (1 - pow(0.999, Double(t)))
                reference[i] -= 0.1 * mHat / (vHat.squareRoot() + 1e-8)
            }
            for i in 0..<3 { #expect(abs(w.value.scalars[i] - reference[i]) < 1e-14, "step \(t)") }
        }
        #expect(w.value.scalars[2] == 0)
        #expect(adamW.steps == 10)
    }

    @Test("A weight without loss gradient: AdamW shrinks it by exactly (1 − ηλ) a step, Adam with L2 by about η")
    func decoupledAgainstL2() {
        // L2 in Adam: the gradient is g = λw alone, so the first step is η·g/(|g| + ε), η up to ε, whatever λ.
        for lambda in [1e-3, 1e-1, 10] {
            let coupled = Variable(Tensor([2])), decoupled = Variable(Tensor([2]))
            var adam = Adam(parameters: [coupled], learningRate: 0.01, weightDecay: lambda)
            var adamW = AdamW(parameters: [decoupled], learningRate: 0.01, weightDecay: lambda)
            for t in 1...50 {
                for p in [coupled, decoupled] { p.grad = Tensor([0]) }
                adam.step(); adamW.step()
                if t == 1 {
                    let g = 2 * lambda
                    #expect(abs(coupled.value.scalars[0] - (2 - 0.01 * g / (g + 1e-8))) < 1e-15, "λ = \(lambda)")
                    #expect(abs(coupled.value.scalars[0] - (2 - 0.01)) < 1e-7, "λ = \(lambda)")
                }
                let expected = 2 * pow(1 - 0.01 * lambda, Double(t))
                #expect(abs(decoupled.value.scalars[0] - expected) <= 1e-14 * expected, "λ = \(lambda), step \(t)")
            }
        }
    }

    @Test("Linear warm-up: min(1, t/W), and 1 throughout without warm-up")
    func warmup() {
        let warmup = LinearWarmup(steps: 4)
        #expect((1...6).map { warmup.factor(atStep: $0) } == [0.25, 0.5, 0.75, 1, 1, 1])
        #expect(warmup.learningRate(0.02, atStep: 2) == 0.01)
        #expect((1...3).map { LinearWarmup(steps: 0).factor(atStep: $0) } == [1, 1, 1])
        #expect(LinearWarmup(steps: 1).factor(atStep: 1) == 1)
    }

    @Test("Dynamic loss scaling: halve and skip on overflow, double after N finite steps in a row")
    func lossScaler() {
        var scaler = DynamicLossScaler(scale: 1024, growthInterval: 3)
        let finite = [true, true, false, true, true, true, true, true, true, false, false, true]
        var applied: [Bool] = [], scales: [Double] = []
        for ok in finite {
            applied.append(scaler.update(gradientsFinite: ok))
            scales.append(scaler.scale)
        }
        #expect(applied == finite)
        // Two good steps, an overflow (halve, count reset), three good (double), three good (double), two
        // overflows (halve twice), one good.
        #expect(scales == [1024, 1024, 512, 512, 512, 1024, 1024, 1024, 2048, 1024, 512, 512])
        #expect(scaler.skippedSteps == 3 && scaler.goodSteps == 1)
        #expect(DynamicLossScaler().scale == 65536 && DynamicLossScaler().growthInterval == 2000)

        let p = Variable(Tensor([0, 0]))
        p.grad = Tensor([2048, -512])
        #expect(scaler.unscale([p]) && p.grad!.scalars == [4, -1])
        p.grad = Tensor([.infinity, 1])
        #expect(!scaler.unscale([p]))
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
