import GradusEngine

/// Per layer of a deep sigmoid MLP, the Frobenius norm of the weight gradient without and with batch
/// normalisation (Ioffe & Szegedy, 2015) between each linear layer and its sigmoid, the median over seeds.
///
/// Both networks start from the same weights and see the same batch; as in `depth-gradients`, the backward pass
/// starts from a random linear readout of the last (linear) layer. Without normalisation each sigmoid layer
/// multiplies the gradient by σ′ ≤ ¼ times the weights, so it shrinks toward the input; batch normalisation
/// keeps every pre-activation at mean 0 and variance 1, where σ′ is largest, and divides the backward signal
/// by the batch's standard deviation, so the norms stay within a small range.
///
/// Width stops at 256: doubling it doubles every layer's norm, with or without normalisation, and leaves their
/// ratios from layer to layer (what the table is about) as they are, at twice the cost.
enum BatchNormGradients {
    static let simulation = Simulation(
        name: "batchnorm",
        title: Localized(pt: "Norma do gradiente por camada, sem e com normalização em lote",
                         de: "Gradientennorm je Schicht, ohne und mit Batch-Normalisierung",
                         en: "Gradient norm per layer, without and with batch normalization"),
        summary: "per-layer weight gradient norms of a deep sigmoid MLP without and with batch normalisation",
        parameters: [
            NetworkChoice.initializerSpec(default: "xavier-normal"),
            ParameterSpec("depth", .integer(2...100), default: .integer(20), help: "number of layers"),
            ParameterSpec("width", .integer(1...256), default: .integer(64),
                          help: "units per layer (wider scales every norm alike, the ratios between layers stay)"),
            ParameterSpec("batch", .integer(2...1024), default: .integer(128), help: "examples in the batch"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(3), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("layer", Labels.layer),
            .init("grad_norm_plain", Labels.qualified(Labels.gradientNorm,
                                                      Localized(pt: "sem normalização", de: "ohne Normalisierung",
                                                                en: "without normalization"))),
            .init("grad_norm_bn", Labels.qualified(Labels.gradientNorm,
                                                   Localized(pt: "com normalização em lote", de: "mit Batch-Normalisierung",
                                                             en: "with batch normalization"))),
        ],
        compute: { parameters, seed in
            let initializer = NetworkChoice.initializer(parameters.choice("init"))
            let depth = parameters.integer("depth"), width = parameters.integer("width"), batch = parameters.integer("batch")
            let seeds = Statistics.seeds(seed, count: parameters.integer("seeds"))
            // Both passes of a seed start from the same draws: made once, then the passes shared between the cores.
            let draws = Statistics.parallelMap(seeds) { runSeed in
                StackDraws(initializer: initializer, depth: depth, width: width, batch: batch, seed: runSeed)
            }
            let runs = Statistics.parallelMap(draws.flatMap { [($0, false), ($0, true)] }) { draws, normalised in
                gradientNorms(normalised: normalised, draws: draws)
            }
            let plain = Statistics.medians(seeds.indices.map { runs[2 * $0] })
            let normalised = Statistics.medians(seeds.indices.map { runs[2 * $0 + 1] })
            return (0..<depth).map { [.number(Double($0 + 1)), .number(plain[$0]), .number(normalised[$0])] }
        })

    /// The weight gradient norm of each layer (input side first) after one backward pass.
    static func gradientNorms(normalised: Bool, initializer: Initializer, depth: Int, width: Int, batch: Int,
                              seed: UInt64) -> [Double] {
        gradientNorms(normalised: normalised,
                      draws: StackDraws(initializer: initializer, depth: depth, width: width, batch: batch, seed: seed))
    }

    /// `gradientNorms` from the random values of one seed.
    static func gradientNorms(normalised: Bool, draws: StackDraws) -> [Double] {
        let layers = draws.layers()
        let norms = (0..<layers.count - 1).map { _ in BatchNorm(features: draws.input.shape.cols) }
        var h = Variable.constant(draws.input)
        for (index, layer) in layers.enumerated() {
            h = layer(h)
            if index < layers.count - 1 { h = (normalised ? norms[index](h) : h).sigmoid() }
        }
        h.backward(seed: draws.readout)
        return layers.map { Statistics.norm($0.weight.grad!) }
    }
}
