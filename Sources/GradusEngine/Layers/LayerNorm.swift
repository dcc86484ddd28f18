/// Layer normalisation (Ba, Kiros & Hinton, "Layer Normalization", arXiv:1607.06450, 2016) over the columns of
/// each row, with PyTorch's `nn.LayerNorm` conventions: the row's mean and biased variance, ε = 1e-5, γ starting
/// at 1 and β at 0. It has no running averages and no training mode: it computes the same in training and at
/// inference, for a batch of any size, because it never looks at the other rows.
public struct LayerNorm: Layer {
    /// γ, `(features,)`.
    public let scale: Variable
    /// β, `(features,)`.
    public let shift: Variable
    /// ε, added to the variance.
    public let epsilon: Double

    /// A layer for rows of `features` columns: γ = 1, β = 0.
    public init(features: Int, epsilon: Double = 1e-5) {
        scale = Variable(Tensor.ones(.vector(features)), name: "scale")
        shift = Variable(Tensor.zeros(.vector(features)), name: "shift")
        self.epsilon = epsilon
    }

    /// [γ, β].
    public var parameters: [Variable] { [scale, shift] }

    /// γ·(x − μ)/√(σ² + ε) + β for each row of x (rows × features).
    public func callAsFunction(_ x: Variable) -> Variable {
        x.layerNorm(scale: scale, shift: shift, epsilon: epsilon)
    }
}
