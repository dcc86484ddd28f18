/// Stochastic gradient descent with optional momentum and L2 weight decay, as PyTorch's `torch.optim.SGD`
/// (dampening 0, no Nesterov):
///
///     d = ∇p + λ·p                      (λ: weight decay)
///     v = d on the first step, else v = μ·v + d      (μ: momentum; skipped when μ = 0)
///     p = p − η·v                        (η: learning rate)
public struct SGD: Optimizer {
    /// The parameters updated, in order.
    public let parameters: [Variable]
    /// η.
    public var learningRate: Double
    /// μ; 0 for plain SGD.
    public var momentum: Double
    /// λ, the L2 coefficient added to the gradient.
    public var weightDecay: Double
    private var velocity: [Tensor?]

    /// An optimizer over `parameters`.
    public init(parameters: [Variable], learningRate: Double, momentum: Double = 0, weightDecay: Double = 0) {
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        velocity = Array(repeating: nil, count: parameters.count)
    }

    /// One update of every parameter that has a gradient.
    public mutating func step() {
        let lr = learningRate, mu = momentum, decay = weightDecay
        for (index, p) in parameters.enumerated() {
            guard var d = p.grad else { continue }
            if decay != 0 { d = d.zipMap(p.value) { g, w in g + decay * w } }
            if mu != 0 {
                if let v = velocity[index] { d = v.zipMap(d) { v, d in v * mu + d } }
                velocity[index] = d
            }
            // In place: the step's arithmetic, w + (−η)·d, without a new array.
            precondition(p.value.shape == d.shape, "gradient of shape \(d.shape) for a parameter of shape \(p.value.shape)")
            p.value.scalars.withUnsafeMutableBufferPointer { w in
                d.scalars.withUnsafeBufferPointer { d in
                    for i in 0..<w.count { w[i] = w[i] + -lr * d[i] }
                }
            }
        }
    }
}
