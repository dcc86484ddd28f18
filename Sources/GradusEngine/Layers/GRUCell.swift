/// A gated recurrent unit (Cho et al., 2014), batch-first, with PyTorch's equations and gate order (r, z, n):
///
///     [uᵣ u𝓏 uₙ] = x·Wₓ + bₓ        [vᵣ v𝓏 vₙ] = h·Wₕ + bₕ      (each block `hidden` columns wide)
///     r = σ(uᵣ + vᵣ)   z = σ(u𝓏 + v𝓏)   n = tanh(uₙ + r ⊙ vₙ)
///     h' = (1 − z) ⊙ n + z ⊙ h
///
/// Two biases are needed because r multiplies only the hidden part of n. Every parameter starts U(±1/√hidden).
public struct GRUCell: Layer {
    /// Wₓ, `inputs × 3·hidden`.
    public let inputWeight: Variable
    /// Wₕ, `hidden × 3·hidden`.
    public let hiddenWeight: Variable
    /// bₓ, `(3·hidden,)`.
    public let inputBias: Variable
    /// bₕ, `(3·hidden,)`.
    public let hiddenBias: Variable
    /// The hidden width.
    public let hidden: Int

    /// A cell with PyTorch's initialisation, or weights drawn by `initializer`.
    public init(inputs: Int, hidden: Int, initializer: Initializer? = nil, generator: inout Generator) {
        let scheme = initializer ?? .torchDefault(fanIn: hidden)
        let biasScheme = Initializer.torchDefault(fanIn: hidden)
        inputWeight = Variable(scheme.tensor(.matrix(inputs, 3 * hidden), fanIn: inputs, fanOut: 3 * hidden,
                                             generator: &generator), name: "inputWeight")
        hiddenWeight = Variable(scheme.tensor(.matrix(hidden, 3 * hidden), fanIn: hidden, fanOut: 3 * hidden,
                                              generator: &generator), name: "hiddenWeight")
        inputBias = Variable(biasScheme.tensor(.vector(3 * hidden), fanIn: hidden, fanOut: 3 * hidden,
                                               generator: &generator), name: "inputBias")
        hiddenBias = Variable(biasScheme.tensor(.vector(3 * hidden), fanIn: hidden, fanOut: 3 * hidden,
                                                generator: &generator), name: "hiddenBias")
        self.hidden = hidden
    }

    /// [Wₓ, Wₕ, bₓ, bₕ].
    public var parameters: [Variable] { [inputWeight, hiddenWeight, inputBias, hiddenBias] }

    /// The next hidden state for input x (batch × inputs) and state h (batch × hidden).
    public func callAsFunction(_ x: Variable, _ h: Variable) -> Variable {
        let u = Variable.affine(x, inputWeight, inputBias)
        let v = Variable.affine(h, hiddenWeight, hiddenBias)
        let n = hidden
        let r = (u.columns(0 ..< n) + v.columns(0 ..< n)).sigmoid()
        let z = (u.columns(n ..< 2 * n) + v.columns(n ..< 2 * n)).sigmoid()
        let candidate = (u.columns(2 * n ..< 3 * n) + r * v.columns(2 * n ..< 3 * n)).tanh()
        return (1 - z) * candidate + z * h
    }
}
