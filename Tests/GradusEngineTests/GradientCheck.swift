import Testing
@testable import GradusEngine

/// Central finite differences as the oracle for reverse-mode gradients.
///
/// A function of several tensors is reduced to the scalar L = Σ f(x) ⊙ W with a fixed random W (so every
/// output element counts, with a different weight); each input element is perturbed by ±h and
/// ∂L/∂x ≈ (L(x + h) − L(x − h)) / 2h (error O(h²)). The reported error is normwise:
/// max |analytic − numeric| / max |numeric|.
struct GradientCheck {
    var step = 1e-5

    /// The relative error of each input's analytic gradient, in input order.
    func errors(_ inputs: [Tensor], seed: UInt64 = 99, _ f: ([Variable]) -> Variable) -> [Double] {
        let probe = f(inputs.map { Variable($0) })
        var generator = Generator(seed: seed)
        let weights = Tensor.normal(probe.shape, generator: &generator)
        func loss(_ values: [Tensor]) -> Double {
            (f(values.map { Variable.constant($0) }).value * weights).sum()
        }
        let variables = inputs.map { Variable($0) }
        (f(variables) * Variable.constant(weights)).sum().backward()
        return inputs.indices.map { index in
            let analytic = variables[index].grad ?? Tensor.zeros(inputs[index].shape)
            var worst = 0.0, scale = 0.0
            for i in 0..<inputs[index].count {
                var plus = inputs, minus = inputs
                plus[index].scalars[i] += step
                minus[index].scalars[i] -= step
                let numeric = (loss(plus) - loss(minus)) / (2 * step)
                worst = max(worst, abs(analytic.scalars[i] - numeric))
                scale = max(scale, abs(numeric))
            }
            return scale == 0 ? worst : worst / scale
        }
    }
}

/// Random test tensors, with values kept away from the kinks of relu-like functions.
enum Sample {
    static func normal(_ dims: [Int], seed: UInt64, awayFromZero: Bool = false) -> Tensor {
        var generator = Generator(seed: seed)
        var t = Tensor.normal(Shape(dims), generator: &generator)
        if awayFromZero { t.apply { $0 < 0 ? $0 - 0.1 : $0 + 0.1 } }
        return t
    }

    static func positive(_ dims: [Int], seed: UInt64) -> Tensor {
        var generator = Generator(seed: seed)
        return Tensor.uniform(Shape(dims), low: 0.5, high: 2, generator: &generator)
    }
}

extension GradientCheck {
    /// The relative error of each parameter's analytic gradient of the scalar `loss()`, which is rebuilt for
    /// every perturbation of a parameter's value (so layers are checked as they are, parameters in place).
    func errors(parameters: [Variable], _ loss: () -> Variable) -> [Double] {
        for p in parameters { p.zeroGrad() }
        loss().backward()
        return parameters.map { p in
            let analytic = p.grad ?? Tensor.zeros(p.shape)
            var worst = 0.0, scale = 0.0
            for i in 0..<p.value.count {
                let original = p.value.scalars[i]
                p.value.scalars[i] = original + step
                let plus = loss().value.item
                p.value.scalars[i] = original - step
                let minus = loss().value.item
                p.value.scalars[i] = original
                let numeric = (plus - minus) / (2 * step)
                worst = max(worst, abs(analytic.scalars[i] - numeric))
                scale = max(scale, abs(numeric))
            }
            return scale == 0 ? worst : worst / scale
        }
    }
}

/// Σ output ⊙ W for a fixed random W: a scalar in which every output element counts.
func projected(_ output: Variable, seed: UInt64 = 77) -> Variable {
    var rng = Generator(seed: seed)
    return (output * Variable.constant(Tensor.normal(output.shape, generator: &rng))).sum()
}
