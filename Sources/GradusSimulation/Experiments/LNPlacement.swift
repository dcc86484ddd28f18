import GradusEngine

/// Per block of a stack of Transformer feed-forward sub-layers at initialisation, the norm of the gradient of
/// each block's second weight matrix with the normalisation after the residual sum (Post-LN, the original
/// Transformer) and inside the branch (Pre-LN), as Xiong et al. analyse them ("On Layer Normalization in the
/// Transformer Architecture", ICML 2020, Theorem 1), and the root mean square of the stream after each block.
///
///     Post-LN: xₗ = LN(xₗ₋₁ + F(xₗ₋₁))            Pre-LN: xₗ = xₗ₋₁ + F(LN(xₗ₋₁)), output LN(x_L)
///     F(x) = ReLU(x·W¹ + b¹)·W² + b²               (d → ffn → d, Xavier-normal weights, zero biases)
///
/// One row per token, the tokens N(0, 1). Both stacks start from the same weights and tokens; the backward pass
/// starts from a random linear readout of the last output, as in `depth-gradients`. Attention sub-layers are
/// left out: Xiong et al.'s theorem is about the feed-forward ones. With `norm` rms, RMSNorm (Zhang & Sennrich,
/// 2019) takes every LayerNorm's place.
enum LNPlacement {
    static let simulation = Simulation(
        name: "ln-placement",
        title: Localized(pt: "Gradientes na inicialização com a normalização depois (Post-LN) ou antes (Pre-LN) de cada bloco",
                         de: "Gradienten bei der Initialisierung mit der Normalisierung nach (Post-LN) oder vor (Pre-LN) jedem Block",
                         en: "Gradients at initialisation with the normalisation after (Post-LN) or before (Pre-LN) each block"),
        summary: "per block of a stack of Transformer feed-forward sub-layers at initialisation: weight-gradient norm of W² and RMS of the stream, Post-LN against Pre-LN",
        parameters: [
            ParameterSpec("depth", .integer(1...100), default: .integer(12), help: "number of blocks"),
            ParameterSpec("width", .integer(2...512), default: .integer(64), help: "d, the width of the stream"),
            ParameterSpec("ffn", .integer(1...2048), default: .integer(256), help: "hidden units of each feed-forward block"),
            ParameterSpec("tokens", .integer(1...1024), default: .integer(128), help: "rows (tokens) in the batch"),
            ParameterSpec("norm", .choice(["layer", "rms"]), default: .choice("layer"), help: "LayerNorm or RMSNorm"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(3), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("layer", Localized(pt: "bloco", de: "Block", en: "block")),
            .init("grad_post", Labels.qualified(weightGradient, "Post-LN")),
            .init("grad_pre", Labels.qualified(weightGradient, "Pre-LN")),
            .init("stream_post", Labels.qualified(streamSize, "Post-LN")),
            .init("stream_pre", Labels.qualified(streamSize, "Pre-LN")),
        ],
        compute: { parameters, seed in
            let depth = parameters.integer("depth"), width = parameters.integer("width"), ffn = parameters.integer("ffn")
            let tokens = parameters.integer("tokens"), rms = parameters.choice("norm") == "rms"
            // Every run (seed, Post-LN or Pre-LN) is independent: all of them shared between the cores.
            let jobs = Statistics.seeds(seed, count: parameters.integer("seeds")).flatMap { runSeed in
                [false, true].map { (runSeed, $0) }
            }
            let all = Statistics.parallelMap(jobs) { runSeed, pre in
                measure(preLN: pre, rms: rms, depth: depth, width: width, ffn: ffn, tokens: tokens, seed: runSeed)
            }
            let runs = stride(from: 0, to: all.count, by: 2).map { [all[$0], all[$0 + 1]] }
            let gradPost = Statistics.medians(runs.map { $0[0].gradient }), gradPre = Statistics.medians(runs.map { $0[1].gradient })
            let streamPost = Statistics.medians(runs.map { $0[0].stream }), streamPre = Statistics.medians(runs.map { $0[1].stream })
            return (0..<depth).map { l in
                [.number(Double(l + 1)), .number(gradPost[l]), .number(gradPre[l]), .number(streamPost[l]),
                 .number(streamPre[l])]
            }
        })

    static let weightGradient = Localized(pt: "norma do gradiente de W²", de: "Gradientennorm von W²",
                                          en: "gradient norm of W²")
    static let streamSize = Localized(pt: "valor RMS de xₗ", de: "RMS-Wert von xₗ", en: "RMS of xₗ")

    /// One run: per block (input side first), ‖∂L/∂W²ₗ‖ and the root mean square of xₗ. The weights, the tokens
    /// and the readout are drawn in that order from `seed`, the same for both placements.
    static func measure(preLN: Bool, rms: Bool, depth: Int, width: Int, ffn: Int, tokens: Int,
                        seed: UInt64) -> (gradient: [Double], stream: [Double]) {
        var generator = Generator(seed: seed)
        let blocks = (0..<depth).map { _ in
            (Linear(inputs: width, outputs: ffn, initializer: .xavierNormal(), generator: &generator),
             Linear(inputs: ffn, outputs: width, initializer: .xavierNormal(), generator: &generator))
        }
        let norms: [(Variable) -> Variable] = (0...depth).map { _ in
            if rms { let layer = RMSNorm(features: width); return { layer($0) } }
            let layer = LayerNorm(features: width)
            return { layer($0) }
        }
        var x = Variable.constant(Tensor.normal(.matrix(tokens, width), generator: &generator))
        var stream: [Double] = []
        for (index, (first, second)) in blocks.enumerated() {
            if preLN {
                x = x + second(first(norms[index](x)).relu())
            } else {
                x = norms[index](x + second(first(x).relu()))
            }
            stream.append(Statistics.norm(x.value) / Double(x.value.count).squareRoot())
        }
        let output = preLN ? norms[depth](x) : x
        output.backward(seed: Tensor.normal(.matrix(tokens, width), std: 1 / Double(tokens), generator: &generator))
        return (blocks.map { Statistics.norm($0.1.weight.grad!) }, stream)
    }
}
