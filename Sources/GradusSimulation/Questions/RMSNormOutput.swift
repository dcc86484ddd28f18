import GradusEngine

/// The first output of the engine's `RMSNorm` for a drawn row of four: γ·x₁/√(mean(x²) + ε) with ε = 10⁻⁶
/// (Zhang & Sennrich, "Root Mean Square Layer Normalization", NeurIPS 2019).
enum RMSNormOutput {
    static let row = (1...4).map {
        DrawnValue("x\($0)", help: "unit \($0) of the row", from: .steps(-3, 3, decimals: 1))
    }
    static let gamma = DrawnValue("gamma", help: "the scale γ of unit 1", from: .steps(0.5, 2, decimals: 1))

    static let generator = QuestionGenerator(
        name: "rms-norm-output",
        summary: "RMSNorm's output for the first of four units: γ·x₁/√(mean(x²) + ε), no mean subtracted",
        values: row.map(\.listing) + [gamma.listing,
                 .computed("ms", help: "mean(x²), the mean square of the row"),
                 .computed("rms", help: "√(mean(x²) + ε), the root mean square")],
        relativeTolerance: 0.002
    ) { generator in
        let xs = row.map { $0.draw(&generator) }
        let gamma = RMSNormOutput.gamma.draw(&generator)
        let layer = RMSNorm(features: 4)
        layer.scale.value = Tensor([gamma, 1, 1, 1])
        let answer = layer(Variable.constant(Tensor(rows: [xs]))).value[0, 0]
        let squares = xs.map { $0 * $0 }.reduce(0, +), epsilon = layer.epsilon
        let ms = squares / 4, rms = (ms + epsilon).squareRoot()
        let mean = xs.reduce(0, +) / 4
        let variance = xs.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / 4
        // A row near zero, a first unit at 0, or a row without spread (no layer-norm distractor) asks too little.
        guard ms >= 0.5, abs(xs[0]) >= 0.3, variance >= 0.1 else { return nil }
        return .init(
            shown: row.indices.map { row[$0].shown(xs[$0]) } + [RMSNormOutput.gamma.shown(gamma),
                                                                 .init("ms", ms), .init("rms", rms)],
            answer: answer,
            distractors: [
                gamma * (xs[0] - mean) / (variance + 1e-5).squareRoot(),   // layer norm: the mean subtracted
                gamma * xs[0] / (squares + epsilon).squareRoot(),          // the sum of squares, not the mean
                gamma * xs[0] / (ms + epsilon),                            // the square root forgotten
            ])
    }
}
