import GradusEngine

/// Per layer of a deep MLP (width → width in every layer), the standard deviation of the layer's outputs and the
/// Frobenius norm of the gradient of its weight matrix, the median over several seeds.
///
/// The last layer is linear (no activation). Inputs are N(0, 1), one example per row. The backward pass starts from a random linear readout of the last
/// layer, L = Σ g ⊙ output with g ~ N(0, 1)/batch, so the gradient that enters the network does not depend on
/// the size of the output and every change along the way comes from the layers (Glorot & Bengio, 2010, §4).
enum DepthGradients {
    static let simulation = Simulation(
        name: "depth-gradients",
        title: Localized(pt: "Ativações e gradientes por camada numa rede profunda",
                         de: "Aktivierungen und Gradienten je Schicht in einem tiefen Netz",
                         en: "Activations and gradients per layer of a deep network"),
        summary: "per layer of a deep MLP: standard deviation of the activations and norm of the weight gradient, for an activation and an initialiser",
        parameters: [
            NetworkChoice.activationSpec(default: "sigmoid"),
            NetworkChoice.initializerSpec(default: "xavier-normal"),
            ParameterSpec("depth", .integer(1...100), default: .integer(10), help: "number of layers"),
            ParameterSpec("width", .integer(1...512), default: .integer(64), help: "units per layer"),
            ParameterSpec("batch", .integer(2...1024), default: .integer(128), help: "examples in the batch"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(3), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("layer", Labels.layer),
            .init("activation_std", Labels.activationStd),
            .init("grad_norm", Localized(pt: "norma do gradiente dos pesos", de: "Gradientennorm der Gewichte",
                                         en: "weight gradient norm")),
        ],
        compute: { parameters, seed in
            let runs = Statistics.parallelMap(Statistics.seeds(seed, count: parameters.integer("seeds"))) { runSeed in
                measure(activation: NetworkChoice.activation(parameters.choice("activation")),
                        initializer: NetworkChoice.initializer(parameters.choice("init")),
                        depth: parameters.integer("depth"), width: parameters.integer("width"),
                        batch: parameters.integer("batch"), seed: runSeed)
            }
            let stds = Statistics.medians(runs.map(\.activationStd)), grads = Statistics.medians(runs.map(\.gradientNorm))
            return stds.indices.map { [.number(Double($0 + 1)), .number(stds[$0]), .number(grads[$0])] }
        })

    /// One run: per layer (input side first), the std of its output and the norm of its weight's gradient.
    static func measure(activation: Activation, initializer: Initializer, depth: Int, width: Int, batch: Int,
                        seed: UInt64) -> (activationStd: [Double], gradientNorm: [Double]) {
        let (net, x, readout) = setUp(activation: activation, initializer: initializer, depth: depth, width: width,
                                      batch: batch, seed: seed)
        let trace = net.trace(Variable.constant(x))
        trace.output.backward(seed: readout)
        return (trace.activations.map { Statistics.standardDeviation($0.value) },
                net.layers.map { Statistics.norm($0.weight.grad!) })
    }

    /// The network, the input batch (N(0, 1)) and the readout g (N(0, 1)/batch) of one run, drawn in that order.
    static func setUp(activation: Activation, initializer: Initializer, depth: Int, width: Int, batch: Int,
                      seed: UInt64) -> (net: MLP, x: Tensor, readout: Tensor) {
        var generator = Generator(seed: seed)
        let net = MLP(inputs: width, width: width, depth: depth, outputs: width, activation: activation,
                      initializer: initializer, generator: &generator)
        let x = Tensor.normal(.matrix(batch, width), generator: &generator)
        let readout = Tensor.normal(.matrix(batch, width), std: 1 / Double(batch), generator: &generator)
        return (net, x, readout)
    }
}
