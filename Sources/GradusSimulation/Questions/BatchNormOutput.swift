import GradusEngine

/// The first output of the engine's `BatchNorm` in training mode for a drawn batch of four:
/// γ(x₁ − μ)/√(σ² + ε) + β with the batch mean μ, the biased batch variance σ² and ε = 10⁻⁵ (Ioffe & Szegedy,
/// "Batch Normalization", ICML 2015, with PyTorch's conventions).
enum BatchNormOutput {
    static let batch = (1...4).map {
        DrawnValue("x\($0)", help: "example \($0) of the batch", from: .steps(-3, 3, decimals: 1))
    }
    static let gamma = DrawnValue("gamma", help: "the scale γ", from: .steps(0.5, 2, decimals: 1))
    static let beta = DrawnValue("beta", help: "the shift β", from: .steps(-1, 1, decimals: 1))

    static let generator = QuestionGenerator(
        name: "batch-norm-output",
        summary: "batch norm's output for the first of four examples: γ(x₁ − μ)/√(σ² + ε) + β, σ² the biased variance",
        values: batch.map(\.listing) + [gamma.listing, beta.listing,
                 .computed("mean", help: "μ, the batch mean"),
                 .computed("var", help: "σ², the biased batch variance (divided by 4)"),
                 .computed("xhat", help: "(x₁ − μ)/√(σ² + ε), the normalised input")],
        relativeTolerance: 0.005
    ) { generator in
        let xs = batch.map { $0.draw(&generator) }
        let gamma = BatchNormOutput.gamma.draw(&generator), beta = BatchNormOutput.beta.draw(&generator)
        let layer = BatchNorm(features: 1)
        layer.scale.value = Tensor([gamma])
        layer.shift.value = Tensor([beta])
        let input = Variable.constant(Tensor(rows: xs.map { [$0] }))
        let answer = layer(input).value[0, 0]
        // The statistics the layer normalised with, and x̂, from the op it calls with γ = 1 and β = 0.
        let plain = input.batchNorm(scale: .constant(Tensor([1])), shift: .constant(Tensor([0])),
                                    epsilon: layer.epsilon)
        let mean = plain.mean.scalars[0], variance = plain.variance.scalars[0], xhat = plain.output.value[0, 0]
        let centred = xs[0] - mean, epsilon = layer.epsilon
        // A batch of near-equal values, an x₁ at the mean or an output near 0 asks nothing or too much.
        guard variance >= 0.1, abs(centred) >= 0.1, abs(answer) >= 0.1 else { return nil }
        let unbiased = variance * 4 / 3
        return .init(
            shown: batch.indices.map { batch[$0].shown(xs[$0]) }
                + [BatchNormOutput.gamma.shown(gamma), BatchNormOutput.beta.shown(beta),
                   .init("mean", mean), .init("var", variance), .init("xhat", xhat)],
            answer: answer,
            distractors: [
                gamma * centred / (unbiased + epsilon).squareRoot() + beta,  // the unbiased variance (÷ 3)
                gamma * centred / (variance + epsilon) + beta,               // the variance for the deviation
                gamma * xhat,                                                // β forgotten
            ])
    }
}
