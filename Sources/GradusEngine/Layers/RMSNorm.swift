/// Root-mean-square normalisation (Zhang & Sennrich, "Root Mean Square Layer Normalization", NeurIPS 2019) over
/// the columns of each row: x/√(mean(x²) + ε)·γ, as PyTorch's `nn.RMSNorm` with a learnable γ starting at 1.
/// It keeps layer normalisation's rescaling and drops its re-centring (no mean, no β), which saves one reduction
/// per row. ε defaults to 1e-6.
public struct RMSNorm: Layer {
    /// γ, `(features,)`.
    public let scale: Variable
    /// ε, added to the mean square.
    public let epsilon: Double

    /// A layer for rows of `features` columns: γ = 1.
    public init(features: Int, epsilon: Double = 1e-6) {
        scale = Variable(Tensor.ones(.vector(features)), name: "scale")
        self.epsilon = epsilon
    }

    /// [γ].
    public var parameters: [Variable] { [scale] }

    /// γ·x/√(mean(x²) + ε) for each row of x (rows × features).
    public func callAsFunction(_ x: Variable) -> Variable { x.rmsNorm(scale: scale, epsilon: epsilon) }
}
