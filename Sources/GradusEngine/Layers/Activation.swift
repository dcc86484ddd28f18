/// An elementwise nonlinearity, as chosen for an MLP or a recurrent cell.
public enum Activation: Sendable, Hashable, CustomStringConvertible {
    case identity
    case sigmoid
    case tanh
    case relu
    /// x for x > 0, slope·x otherwise.
    case leakyRelu(slope: Double)
    /// PReLU with a learnable slope per unit, starting at `initialSlope` (PyTorch's default is 0.25).
    case prelu(initialSlope: Double)

    /// `sigmoid`, `tanh`, `relu`, `leaky-relu(0.01)`, `prelu(0.25)`, `identity`.
    public var description: String {
        switch self {
        case .identity: return "identity"
        case .sigmoid: return "sigmoid"
        case .tanh: return "tanh"
        case .relu: return "relu"
        case .leakyRelu(let slope): return "leaky-relu(\(slope))"
        case .prelu(let slope): return "prelu(\(slope))"
        }
    }

    /// Applies the activation; `slope` is the learnable PReLU slope (required for `.prelu`, ignored otherwise).
    public func apply(_ x: Variable, slope: Variable? = nil) -> Variable {
        switch self {
        case .identity: return x
        case .sigmoid: return x.sigmoid()
        case .tanh: return x.tanh()
        case .relu: return x.relu()
        case .leakyRelu(let s): return x.leakyRelu(slope: s)
        case .prelu:
            guard let slope else { preconditionFailure("prelu needs its slope parameter") }
            return x.prelu(slope)
        }
    }
}
