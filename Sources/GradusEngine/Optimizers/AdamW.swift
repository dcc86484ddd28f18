/// AdamW (Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019): Adam whose weight decay
/// shrinks the parameters directly instead of entering the gradient, in the operation order of PyTorch's
/// `torch.optim.AdamW`:
///
///     p = p·(1 − η·λ)                    (before, and independent of, the adaptive step)
///     m, v, p as in `Adam` with the gradient ∇p alone
///
/// With L2 in Adam (`Adam(weightDecay:)`) the term λ·p is divided by √v̂ like the rest of the gradient, so a
/// parameter with a large gradient history is barely decayed; here every parameter loses the same fraction η·λ.
/// The paper writes the decay as η_t·λ with η_t the schedule's multiplier; PyTorch, followed here, uses the
/// learning rate η itself, so a warm-up that scales η scales the decay too.
public struct AdamW: Optimizer {
    /// The adaptive step, without weight decay of its own.
    private var adam: Adam
    /// λ, the fraction of each parameter removed per unit of learning rate.
    public var weightDecay: Double

    /// An optimizer with PyTorch's defaults (η = 1e-3, β = (0.9, 0.999), ε = 1e-8, λ = 0.01).
    public init(parameters: [Variable], learningRate: Double = 1e-3, beta1: Double = 0.9, beta2: Double = 0.999,
                epsilon: Double = 1e-8, weightDecay: Double = 0.01) {
        adam = Adam(parameters: parameters, learningRate: learningRate, beta1: beta1, beta2: beta2,
                    epsilon: epsilon, weightDecay: 0)
        self.weightDecay = weightDecay
    }

    public var parameters: [Variable] { adam.parameters }

    /// η; a schedule sets it before each step.
    public var learningRate: Double {
        get { adam.learningRate }
        set { adam.learningRate = newValue }
    }

    /// The number of steps taken.
    public var steps: Int { adam.steps }

    /// Decays every parameter that has a gradient, then takes Adam's step.
    public mutating func step() {
        let factor = 1 - adam.learningRate * weightDecay
        if weightDecay != 0 {
            for p in parameters where p.grad != nil { p.value.apply { $0 * factor } }
        }
        adam.step()
    }
}
