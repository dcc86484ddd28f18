/// Stochastic gradient descent with optional momentum and L2 weight decay, as PyTorch's `torch.optim.SGD`
/// (dampening 0, no Nesterov):
///
///     d = ∇p + λ·p                      (λ: weight decay)
///     v = d on the first step, else v = μ·v + d      (μ: momentum; skipped when μ = 0)
///     p = p − η·v                        (η: learning rate)
public struct SGD: Optimizer {
    public let parameters: [Variable]
    public var learningRate: Double
    public var momentum: Double
    public var weightDecay: Double
    private var velocity: [Tensor?]

    public init(parameters: [Variable], learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        velocity = Array(repeating: nil, count: parameters.count)
    }

    public mutating func step() {
        let lr = learningRate, mu = momentum, decay = weightDecay
        for (index, p) in parameters.enumerated() {
            guard var d = p.grad else { continue }
            if decay != 0 { d = d.zipMap(p.value) { g, w in g + decay * w } }
            if mu != 0 {
                if let v = velocity[index] { d = v.zipMap(d) { v, d in v * mu + d } }
                velocity[index] = d
            }
            p.value = p.value.zipMap(d) { w, d in w + -lr * d }
        }
    }
}
