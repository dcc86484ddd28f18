import GradusEngine

/// The change Adam's second step makes to a weight whose gradients were g₁ and g₂, with β₁ = 0.9, β₂ = 0.999 and
/// ε = 10⁻⁸ (Kingma & Ba, 2015): −η·m̂₂/(√v̂₂ + ε) with m̂₂ = (0.09·g₁ + 0.1·g₂)/(1 − 0.9²) and
/// v̂₂ = (0.000999·g₁² + 0.001·g₂²)/(1 − 0.999²), from the engine's `Adam`.
enum AdamSecondStep {
    static let g1 = DrawnValue("g1", help: "the gradient at step 1", from: .steps(-3, 3, decimals: 1, skippingZero: true))
    static let g2 = DrawnValue("g2", help: "the gradient at step 2", from: .steps(-3, 3, decimals: 1, skippingZero: true))
    static let eta = DrawnValue("eta", help: "the learning rate η", from: .steps(0.01, 0.1, decimals: 2))

    static let generator = QuestionGenerator(
        name: "adam-second-step",
        summary: "the change of a weight in Adam's second step, −η·m̂₂/(√v̂₂ + ε), from the gradients g₁ and g₂",
        values: [g1.listing, g2.listing, eta.listing,
                 .computed("m_hat", help: "m̂₂, the bias-corrected first moment"),
                 .computed("v_hat", help: "v̂₂, the bias-corrected second moment")],
        relativeTolerance: 0.002
    ) { generator in
        let g1 = AdamSecondStep.g1.draw(&generator), g2 = AdamSecondStep.g2.draw(&generator)
        let eta = AdamSecondStep.eta.draw(&generator)
        let answer = step(gradients: [g1, g2], learningRate: eta).last!
        let m = 0.1 * 0.9 * g1 + 0.1 * g2, v = 0.001 * 0.999 * g1 * g1 + 0.001 * g2 * g2
        let mHat = m / (1 - 0.9 * 0.9), vHat = v / (1 - 0.999 * 0.999)
        // A second gradient that nearly cancels the first leaves too small a step to read.
        guard abs(answer) >= 0.1 * eta else { return nil }
        return .init(
            shown: [AdamSecondStep.g1.shown(g1), AdamSecondStep.g2.shown(g2), AdamSecondStep.eta.shown(eta),
                    .init("m_hat", mHat), .init("v_hat", vHat)],
            answer: answer,
            distractors: [
                -eta * m / (v.squareRoot() + 1e-8),        // no bias correction
                -eta * mHat / (v.squareRoot() + 1e-8),     // only the first moment corrected
                -eta * m / (vHat.squareRoot() + 1e-8),     // only the second moment corrected
            ])
    }

    /// The change of the weight at each step when its gradients are `gradients`, by the engine's Adam.
    static func step(gradients: [Double], learningRate: Double) -> [Double] {
        let w = Variable(Tensor(scalar: 0), name: "w")
        var adam = Adam(parameters: [w], learningRate: learningRate)
        return gradients.map { g in
            let before = w.value.item
            w.grad = Tensor(scalar: g)
            adam.step()
            return w.value.item - before
        }
    }
}
