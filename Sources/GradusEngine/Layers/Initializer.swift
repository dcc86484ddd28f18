import Foundation

/// How a weight tensor's initial values are drawn. `fanIn` and `fanOut` are the numbers of inputs and outputs
/// of the layer (for a `Linear` of `inputs` → `outputs`, its weight matrix is `inputs × outputs`).
public enum Initializer: Sendable, Hashable {
    /// Every element equal to the value.
    case constant(Double)
    /// N(0, std²).
    case normal(std: Double)
    /// U(−bound, bound).
    case uniform(bound: Double)
    /// Glorot & Bengio, "Understanding the difficulty of training deep feedforward neural networks" (AISTATS
    /// 2010): U(−a, a) with a = gain·√(6 / (fanIn + fanOut)), so Var = gain²·2/(fanIn + fanOut).
    case xavierUniform(gain: Double = 1)
    /// Glorot & Bengio (2010): N(0, σ²) with σ = gain·√(2 / (fanIn + fanOut)).
    case xavierNormal(gain: Double = 1)
    /// He, Zhang, Ren & Sun, "Delving deep into rectifiers" (ICCV 2015), fan-in mode:
    /// U(−b, b) with b = gain·√(3 / fanIn); with gain √2 (ReLU), Var = 2/fanIn.
    case heUniform(gain: Double = 2.0.squareRoot())
    /// He et al. (2015), fan-in mode: N(0, σ²) with σ = gain/√fanIn.
    case heNormal(gain: Double = 2.0.squareRoot())

    /// PyTorch's default for `nn.Linear` and the recurrent cells: U(−1/√fanIn, 1/√fanIn).
    public static func torchDefault(fanIn: Int) -> Initializer { .uniform(bound: 1 / Double(fanIn).squareRoot()) }

    /// A tensor of `shape` drawn with `generator`, in row-major order.
    public func tensor(_ shape: Shape, fanIn: Int, fanOut: Int, generator: inout Generator) -> Tensor {
        let fanIn = Double(fanIn), fanOut = Double(fanOut)
        switch self {
        case .constant(let value):
            return Tensor(repeating: value, shape: shape)
        case .normal(let std):
            return Tensor.normal(shape, std: std, generator: &generator)
        case .uniform(let bound):
            return Tensor.uniform(shape, low: -bound, high: bound, generator: &generator)
        case .xavierUniform(let gain):
            let a = gain * (6 / (fanIn + fanOut)).squareRoot()
            return Tensor.uniform(shape, low: -a, high: a, generator: &generator)
        case .xavierNormal(let gain):
            return Tensor.normal(shape, std: gain * (2 / (fanIn + fanOut)).squareRoot(), generator: &generator)
        case .heUniform(let gain):
            let b = gain * (3 / fanIn).squareRoot()
            return Tensor.uniform(shape, low: -b, high: b, generator: &generator)
        case .heNormal(let gain):
            return Tensor.normal(shape, std: gain / fanIn.squareRoot(), generator: &generator)
        }
    }

    /// The standard deviation of the values this initializer draws (uniform U(−a, a) has σ = a/√3).
    public func standardDeviation(fanIn: Int, fanOut: Int) -> Double {
        let fanIn = Double(fanIn), fanOut = Double(fanOut)
        switch self {
        case .constant: return 0
        case .normal(let std): return std
        case .uniform(let bound): return bound / 3.0.squareRoot()
        case .xavierUniform(let gain), .xavierNormal(let gain): return gain * (2 / (fanIn + fanOut)).squareRoot()
        case .heUniform(let gain), .heNormal(let gain): return gain / fanIn.squareRoot()
        }
    }

    /// The recommended gain for an activation (PyTorch's `calculate_gain`): 1 for identity and sigmoid, 5/3 for
    /// tanh, √2 for ReLU, √(2/(1 + slope²)) for leaky ReLU and PReLU.
    public static func gain(for activation: Activation) -> Double {
        switch activation {
        case .identity, .sigmoid: return 1
        case .tanh: return 5.0 / 3.0
        case .relu: return 2.0.squareRoot()
        case .leakyRelu(let slope), .prelu(let slope): return (2 / (1 + slope * slope)).squareRoot()
        }
    }
}
