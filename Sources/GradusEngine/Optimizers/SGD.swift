/// Stochastic gradient descent with optional momentum and L2 weight decay, as PyTorch's `torch.optim.SGD`
/// (dampening 0):
///
///     d = ∇p + λ·p                      (λ: weight decay)
///     v = d on the first step, else v = μ·v + d      (μ: momentum; skipped when μ = 0)
///     p = p − η·v                        (η: learning rate)
///     p = p − η·(d + μ·v)                with `nesterov` instead
///
/// With momentum this is Polyak's heavy ball (1964): p_{t+1} = p_t − η·d_t + μ·(p_t − p_{t−1}). The Nesterov form
/// is the one Sutskever et al. (2013) rewrote for deep learning: the step looks ahead along the velocity.
public struct SGD: Optimizer {
    /// The parameters updated, in order.
    public let parameters: [Variable]
    /// η.
    public var learningRate: Double
    /// μ; 0 for plain SGD.
    public var momentum: Double
    /// λ, the L2 coefficient added to the gradient.
    public var weightDecay: Double
    /// Nesterov's look-ahead step (needs μ > 0).
    public var nesterov: Bool
    private var velocity: [Tensor?]

    /// An optimizer over `parameters`.
    public init(parameters: [Variable], learningRate: Double, momentum: Double = 0, weightDecay: Double = 0,
                nesterov: Bool = false) {
        precondition(!nesterov || momentum > 0, "Nesterov momentum needs a momentum above 0")
        self.parameters = parameters
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.nesterov = nesterov
        velocity = Array(repeating: nil, count: parameters.count)
    }

    /// One update of every parameter that has a gradient.
    public mutating func step() {
        let lr = learningRate, mu = momentum, decay = weightDecay
        for (index, p) in parameters.enumerated() {
            guard var d = p.grad else { continue }
            if decay != 0 { d = d.zipMap(p.value) { g, w in g + decay * w } }
            if mu != 0 {
                let v = velocity[index].map { $0.zipMap(d) { v, d in v * mu + d } } ?? d
                velocity[index] = v
                d = nesterov ? d.zipMap(v) { d, v in d + mu * v } : v
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
