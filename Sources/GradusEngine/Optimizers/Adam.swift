/// Adam (Kingma & Ba, "Adam: A Method for Stochastic Optimization", ICLR 2015) with optional L2 weight decay
/// added to the gradient, in the same operation order as PyTorch's `torch.optim.Adam` (single-tensor path):
///
///     g = ∇p + λ·p
///     m = m + (1 − β₁)·(g − m)           v = β₂·v + (1 − β₂)·g²
///     p = p − (η / (1 − β₁ᵗ)) · m / (√v / √(1 − β₂ᵗ) + ε)
public struct Adam: Optimizer {
    /// The parameters updated, in order.
    public let parameters: [Variable]
    /// η.
    public var learningRate: Double
    /// β₁, the decay of the first-moment average.
    public var beta1: Double
    /// β₂, the decay of the second-moment average.
    public var beta2: Double
    /// ε, added to the denominator.
    public var epsilon: Double
    /// λ, the L2 coefficient added to the gradient.
    public var weightDecay: Double
    /// The number of steps taken (t, from 1 after the first step).
    public private(set) var steps = 0
    private var firstMoment: [Tensor?]
    private var secondMoment: [Tensor?]

    /// An optimizer with PyTorch's defaults (η = 1e-3, β = (0.9, 0.999), ε = 1e-8, no decay).
    public init(parameters: [Variable], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
        self.weightDecay = weightDecay
        firstMoment = Array(repeating: nil, count: parameters.count)
        secondMoment = Array(repeating: nil, count: parameters.count)
    }

    /// One Adam update of every parameter that has a gradient.
    public mutating func step() {
        steps += 1
        let b1 = beta1, b2 = beta2, eps = epsilon, decay = weightDecay
        let stepSize = learningRate / (1 - pow(b1, steps))
        let correction2 = (1 - pow(b2, steps)).squareRoot()
        for (index, p) in parameters.enumerated() {
            guard var g = p.grad else { continue }
            if decay != 0 { g = g.zipMap(p.value) { g, w in g + decay * w } }
            let m0 = firstMoment[index] ?? Tensor.zeros(p.shape), v0 = secondMoment[index] ?? Tensor.zeros(p.shape)
            let m = m0.zipMap(g) { m, g in m + (1 - b1) * (g - m) }
            let v = v0.zipMap(g) { v, g in v * b2 + (1 - b2) * (g * g) }
            firstMoment[index] = m
            secondMoment[index] = v
            p.value = p.value.zipMap(m, v) { w, m, v in w + -stepSize * (m / (v.squareRoot() / correction2 + eps)) }
        }
    }

    private func pow(_ base: Double, _ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<exponent { result *= base }
        return result
    }
}
