/// Batch normalisation (Ioffe & Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing
/// Internal Covariate Shift", ICML 2015) over the columns of a batch, with PyTorch's conventions:
/// training mode normalises with the batch mean and biased variance and updates running averages
/// (r ← (1 − momentum)·r + momentum·batch, the running variance from the unbiased batch variance);
/// evaluation mode normalises with the running averages. γ starts at 1, β at 0, ε = 1e-5, momentum 0.1.
public struct BatchNorm: Layer {
    /// γ, `(features,)`.
    public let scale: Variable
    /// β, `(features,)`.
    public let shift: Variable
    public private(set) var runningMean: Tensor
    public private(set) var runningVariance: Tensor
    /// ε, added to the variance.
    public let epsilon: Double
    /// The weight of the newest batch in the running averages.
    public let momentum: Double

    /// A layer for `features` columns: γ = 1, β = 0, running mean 0 and variance 1.
    public init(features: Int, epsilon: Double = 1e-5, momentum: Double = 0.1) {
        scale = Variable(Tensor.ones(.vector(features)), name: "scale")
        shift = Variable(Tensor.zeros(.vector(features)), name: "shift")
        runningMean = Tensor.zeros(.vector(features))
        runningVariance = Tensor.ones(.vector(features))
        self.epsilon = epsilon
        self.momentum = momentum
    }

    /// [γ, β].
    public var parameters: [Variable] { [scale, shift] }

    /// Normalises x (batch × features). In training mode (a batch of at least 2 rows) the running averages
    /// are updated.
    public mutating func callAsFunction(_ x: Variable, training: Bool = true) -> Variable {
        if training {
            let (y, mean, variance) = x.batchNorm(scale: scale, shift: shift, epsilon: epsilon)
            let n = Double(x.shape.rows)
            let unbiased = variance.map { $0 * n / (n - 1) }
            runningMean = runningMean.zipMap(mean) { r, b in (1 - momentum) * r + momentum * b }
            runningVariance = runningVariance.zipMap(unbiased) { r, b in (1 - momentum) * r + momentum * b }
            return y
        }
        let invstd = runningVariance.map { 1 / ($0 + epsilon).squareRoot() }
        let normalised = (x - Variable.constant(runningMean)) * Variable.constant(invstd)
        return normalised * scale + shift
    }
}
