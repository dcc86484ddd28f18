import GradusEngine

/// Per layer of a deep stack, the gradient that reaches it without and with identity skip connections (He, Zhang,
/// Ren & Sun, "Deep Residual Learning for Image Recognition", CVPR 2016), the median over seeds.
///
/// The plain stack computes hₗ = φ(hₗ₋₁·Wₗ + bₗ); the residual stack, from the same weights and the same batch,
/// hₗ = hₗ₋₁ + α·φ(hₗ₋₁·Wₗ + bₗ), the pre-activation form of He, Zhang, Ren & Sun ("Identity Mappings in Deep
/// Residual Networks", ECCV 2016) in which nothing acts on the sum, so ∂hₗ/∂hₗ₋₁ = I + α·Jₗ. α scales the branch
/// (1 in the papers; a small α stands for the ways of starting a branch near zero). As in `depth-gradients`, the
/// backward pass starts from a random linear readout of h_L. Per layer l: ‖∂L/∂hₗ‖, the gradient with respect to
/// the layer's output (at l = L the readout itself), and ‖∂L/∂Wₗ‖.
enum ResidualGradients {
    static let simulation = Simulation(
        name: "residual-gradients",
        title: Localized(pt: "Gradiente por camada numa pilha profunda, sem e com conexões residuais",
                         de: "Gradient je Schicht in einem tiefen Stapel, ohne und mit Residualverbindungen",
                         en: "Gradient per layer of a deep stack, without and with residual connections"),
        summary: "per layer of a deep stack: norm of ∂L/∂h_l and of the weight gradient, plain (h_l = φ(h_{l-1}W_l)) against residual (h_l = h_{l-1} + α·φ(h_{l-1}W_l))",
        parameters: [
            NetworkChoice.activationSpec(default: "sigmoid"),
            NetworkChoice.initializerSpec(default: "xavier-normal"),
            ParameterSpec("depth", .integer(2...200), default: .integer(50), help: "number of layers"),
            ParameterSpec("width", .integer(1...512), default: .integer(64), help: "units per layer"),
            ParameterSpec("batch", .integer(1...1024), default: .integer(128), help: "examples in the batch"),
            ParameterSpec("branch_scale", .real(0...1), default: .real(1),
                          help: "α, the factor on each residual branch (1: the papers' block)"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(3), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("layer", Labels.layer),
            .init("grad_plain", Labels.qualified(outputGradient, plainStack)),
            .init("grad_residual", Labels.qualified(outputGradient, residualStack)),
            .init("weight_grad_plain", Labels.qualified(weightGradient, plainStack)),
            .init("weight_grad_residual", Labels.qualified(weightGradient, residualStack)),
        ],
        compute: { parameters, seed in
            let activation = NetworkChoice.activation(parameters.choice("activation"))
            let initializer = NetworkChoice.initializer(parameters.choice("init"))
            let depth = parameters.integer("depth"), width = parameters.integer("width")
            let batch = parameters.integer("batch"), alpha = parameters.real("branch_scale")
            // Both stacks of a seed start from the same draws, made once; then every run (seed, plain or
            // residual) is independent: all of them shared between the cores.
            let draws = Statistics.parallelMap(Statistics.seeds(seed, count: parameters.integer("seeds"))) { runSeed in
                StackDraws(initializer: initializer, depth: depth, width: width, batch: batch, seed: runSeed)
            }
            let all = Statistics.parallelMap(draws.flatMap { d in [nil, alpha].map { (d, $0) } }) { draws, branchScale in
                measure(activation: activation, branchScale: branchScale, draws: draws)
            }
            let runs = stride(from: 0, to: all.count, by: 2).map { [all[$0], all[$0 + 1]] }
            let plain = Statistics.medians(runs.map { $0[0].output }), residual = Statistics.medians(runs.map { $0[1].output })
            let plainW = Statistics.medians(runs.map { $0[0].weight }), residualW = Statistics.medians(runs.map { $0[1].weight })
            return (0..<depth).map { l in
                [.number(Double(l + 1)), .number(plain[l]), .number(residual[l]), .number(plainW[l]), .number(residualW[l])]
            }
        })

    static let outputGradient = Localized(pt: "norma de ∂L/∂hₗ", de: "Norm von ∂L/∂hₗ", en: "norm of ∂L/∂hₗ")
    static let weightGradient = Localized(pt: "norma do gradiente dos pesos", de: "Gradientennorm der Gewichte",
                                          en: "weight gradient norm")
    static let plainStack = Localized(pt: "rede simples", de: "einfaches Netz", en: "plain")
    static let residualStack = Localized(pt: "rede residual", de: "Residualnetz", en: "residual")

    /// One run: per layer (input side first), ‖∂L/∂hₗ‖ and ‖∂L/∂Wₗ‖; `branchScale` nil is the plain stack.
    /// The weights, the batch and the readout are drawn in that order from `seed`, the same for both stacks.
    static func measure(activation: Activation, initializer: Initializer, depth: Int, width: Int, batch: Int,
                        branchScale: Double?, seed: UInt64) -> (output: [Double], weight: [Double]) {
        measure(activation: activation, branchScale: branchScale,
                draws: StackDraws(initializer: initializer, depth: depth, width: width, batch: batch, seed: seed))
    }

    /// `measure` from the random values of one seed.
    static func measure(activation: Activation, branchScale: Double?, draws: StackDraws) -> (output: [Double], weight: [Double]) {
        let layers = draws.layers()
        var h = Variable.constant(draws.input)
        var outputs: [Variable] = []
        for layer in layers {
            let branch = activation.apply(layer(h))
            h = branchScale.map { h + branch * $0 } ?? branch
            outputs.append(h)
        }
        h.backward(seed: draws.readout)
        return (outputs.map { Statistics.norm($0.grad!) }, layers.map { Statistics.norm($0.weight.grad!) })
    }
}
