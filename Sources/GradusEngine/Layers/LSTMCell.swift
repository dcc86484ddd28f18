/// A long short-term memory cell (Hochreiter & Schmidhuber, 1997, with the forget gate of Gers et al., 2000),
/// batch-first, with PyTorch's gate equations and gate order (i, f, g, o):
///
///     [aᵢ aƒ a₉ aₒ] = x·Wₓ + h·Wₕ + b            (each block `hidden` columns wide)
///     i = σ(aᵢ)   f = σ(aƒ)   g = tanh(a₉)   o = σ(aₒ)
///     c' = f ⊙ c + i ⊙ g
///     h' = o ⊙ tanh(c')
///
/// One bias b stands for PyTorch's b_ih + b_hh; every parameter starts U(±1/√hidden) as in PyTorch.
public struct LSTMCell: Layer {
    /// Wₓ, `inputs × 4·hidden`.
    public let inputWeight: Variable
    /// Wₕ, `hidden × 4·hidden`.
    public let hiddenWeight: Variable
    /// b, `(4·hidden,)`.
    public let bias: Variable
    /// The hidden width.
    public let hidden: Int

    /// A cell with PyTorch's initialisation, or weights drawn by `initializer`.
    public init(inputs: Int, hidden: Int, initializer: Initializer? = nil, generator: inout Generator) {
        let scheme = initializer ?? .torchDefault(fanIn: hidden)
        inputWeight = Variable(scheme.tensor(.matrix(inputs, 4 * hidden), fanIn: inputs, fanOut: 4 * hidden,
                                             generator: &generator), name: "inputWeight")
        hiddenWeight = Variable(scheme.tensor(.matrix(hidden, 4 * hidden), fanIn: hidden, fanOut: 4 * hidden,
                                              generator: &generator), name: "hiddenWeight")
        bias = Variable(Initializer.torchDefault(fanIn: hidden).tensor(.vector(4 * hidden), fanIn: hidden,
                                                                       fanOut: 4 * hidden, generator: &generator),
                        name: "bias")
        self.hidden = hidden
    }

    /// [Wₓ, Wₕ, b].
    public var parameters: [Variable] { [inputWeight, hiddenWeight, bias] }

    /// The next (h, c) for input x (batch × inputs) and state (h, c) (batch × hidden each).
    public func callAsFunction(_ x: Variable, _ state: (h: Variable, c: Variable)) -> (h: Variable, c: Variable) {
        // The gate equations above, as three fused nodes (Gradients+LSTM.swift).
        let a = Variable.lstmGates(x: x, h: state.h, inputWeight: inputWeight, hiddenWeight: hiddenWeight, bias: bias,
                                   hidden: hidden)
        let c = Variable.lstmCellState(gates: a, cell: state.c)
        return (Variable.lstmHiddenState(gates: a, cell: c), c)
    }
}
