import GradusEngine

/// The activation and initialiser choices the depth experiments share, as parameter specs and engine values.
enum NetworkChoice {
    /// `sigmoid`, `tanh`, `relu`, `leaky-relu` (slope 0.01).
    static let activations = ["sigmoid", "tanh", "relu", "leaky-relu"]

    /// `normal`: naive N(0, 1); `small`: N(0, 0.01²); `xavier-normal`: Glorot & Bengio (2010), σ = √(2/(fan_in +
    /// fan_out)); `he-normal`: He et al. (2015), σ = √(2/fan_in).
    static let initializers = ["normal", "small", "xavier-normal", "he-normal"]

    static func activationSpec(default value: String) -> ParameterSpec {
        ParameterSpec("activation", .choice(activations), default: .choice(value),
                      help: "nonlinearity after every hidden layer")
    }

    static func initializerSpec(default value: String) -> ParameterSpec {
        ParameterSpec("init", .choice(initializers), default: .choice(value),
                      help: "weights: normal N(0,1), small N(0,0.01²), xavier-normal, he-normal")
    }

    static func activation(_ name: String) -> Activation {
        switch name {
        case "sigmoid": return .sigmoid
        case "tanh": return .tanh
        case "relu": return .relu
        case "leaky-relu": return .leakyRelu(slope: 0.01)
        default: preconditionFailure("unknown activation \(name)")
        }
    }

    static func initializer(_ name: String) -> Initializer {
        switch name {
        case "normal": return .normal(std: 1)
        case "small": return .normal(std: 0.01)
        case "xavier-normal": return .xavierNormal()
        case "he-normal": return .heNormal()
        default: preconditionFailure("unknown initializer \(name)")
        }
    }
}
