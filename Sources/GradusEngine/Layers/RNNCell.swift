/// An Elman recurrent cell (Elman, "Finding structure in time", 1990), batch-first:
/// h' = φ(x·Wₓ + h·Wₕ + b), with φ = tanh or the identity (a linear RNN).
///
/// One bias b stands for PyTorch's b_ih + b_hh. The default initialisation is PyTorch's, U(±1/√hidden) for
/// every parameter; simulations may overwrite `hiddenWeight.value` (for example to set its spectral radius).
public struct RNNCell: Layer {
    /// φ: tanh or the identity.
    public enum Nonlinearity: Sendable, Hashable { case tanh, identity }

    /// Wₓ, `inputs × hidden`.
    public let inputWeight: Variable
    /// Wₕ, `hidden × hidden`.
    public let hiddenWeight: Variable
    /// b, `(hidden,)`.
    public let bias: Variable
    /// φ.
    public let nonlinearity: Nonlinearity

    /// A cell with PyTorch's initialisation, or weights drawn by `initializer`.
    public init(inputs: Int, hidden: Int, nonlinearity: Nonlinearity = .tanh, initializer: Initializer? = nil,
                generator: inout Generator) {
        let scheme = initializer ?? .torchDefault(fanIn: hidden)
        inputWeight = Variable(scheme.tensor(.matrix(inputs, hidden), fanIn: inputs, fanOut: hidden,
                                             generator: &generator), name: "inputWeight")
        hiddenWeight = Variable(scheme.tensor(.matrix(hidden, hidden), fanIn: hidden, fanOut: hidden,
                                              generator: &generator), name: "hiddenWeight")
        bias = Variable(Initializer.torchDefault(fanIn: hidden).tensor(.vector(hidden), fanIn: hidden, fanOut: hidden,
                                                                       generator: &generator), name: "bias")
        self.nonlinearity = nonlinearity
    }

    /// [Wₓ, Wₕ, b].
    public var parameters: [Variable] { [inputWeight, hiddenWeight, bias] }

    /// The next hidden state for input x (batch × inputs) and state h (batch × hidden).
    public func callAsFunction(_ x: Variable, _ h: Variable) -> Variable {
        let z = Variable.affine(x, inputWeight, h, hiddenWeight, bias)   // one node for x·Wₓ + h·Wₕ + b
        return nonlinearity == .tanh ? z.tanh() : z
    }
}
