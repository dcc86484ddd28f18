/// Batch normalisation (Ioffe & Szegedy, "Batch Normalization: Accelerating Deep Network Training by Reducing
/// Internal Covariate Shift", ICML 2015) over the columns of a batch, with PyTorch's conventions:
/// training mode normalises with the batch mean and biased variance and updates running averages
/// (r ← (1 − momentum)·r + momentum·batch, the running variance from the unbiased batch variance);
/// evaluation mode normalises with the running averages. γ starts at 1, β at 0, ε = 1e-5, momentum 0.1.
///
/// Like its parameters, the running averages are shared by copies of the layer (they live in a reference),
/// so a layer can be called from a non-mutating `MLP`.
public struct BatchNorm: Layer {
    /// γ, `(features,)`.
    public let scale: Variable
    /// β, `(features,)`.
    public let shift: Variable
    /// ε, added to the variance.
    public let epsilon: Double
    /// The weight of the newest batch in the running averages.
    public let momentum: Double
    private let statistics: Statistics

    /// A layer for `features` columns: γ = 1, β = 0, running mean 0 and variance 1.
    public init(features: Int, epsilon: Double = 1e-5, momentum: Double = 0.1) {
        scale = Variable(Tensor.ones(.vector(features)), name: "scale")
        shift = Variable(Tensor.zeros(.vector(features)), name: "shift")
        statistics = Statistics(mean: Tensor.zeros(.vector(features)), variance: Tensor.ones(.vector(features)))
        self.epsilon = epsilon
        self.momentum = momentum
    }

    /// [γ, β].
    public var parameters: [Variable] { [scale, shift] }

    /// The running average of the batch means.
    public var runningMean: Tensor { statistics.mean }
    /// The running average of the unbiased batch variances.
    public var runningVariance: Tensor { statistics.variance }

    /// Normalises x (batch × features). In training mode (a batch of at least 2 rows) the running averages
    /// are updated.
    public func callAsFunction(_ x: Variable, training: Bool = true) -> Variable {
        if training {
            let (y, mean, variance) = x.batchNorm(scale: scale, shift: shift, epsilon: epsilon)
            let n = Double(x.shape.rows), momentum = momentum
            let unbiased = variance.map { $0 * n / (n - 1) }
            statistics.mean = statistics.mean.zipMap(mean) { r, b in (1 - momentum) * r + momentum * b }
            statistics.variance = statistics.variance.zipMap(unbiased) { r, b in (1 - momentum) * r + momentum * b }
            return y
        }
        let invstd = statistics.variance.map { 1 / ($0 + epsilon).squareRoot() }
        let normalised = (x - Variable.constant(statistics.mean)) * Variable.constant(invstd)
        return normalised * scale + shift
    }

    // MARK: - Running averages

    private final class Statistics {
        var mean: Tensor
        var variance: Tensor
        init(mean: Tensor, variance: Tensor) {
            self.mean = mean
            self.variance = variance
        }
    }
}
