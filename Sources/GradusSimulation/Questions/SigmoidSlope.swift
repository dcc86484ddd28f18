import GradusEngine

/// σ′(z) at a drawn z, the engine's derivative of its own sigmoid: σ(z)(1 − σ(z)).
enum SigmoidSlope {
    static let z = DrawnValue("z", help: "the pre-activation", from: .steps(-3, 3, decimals: 1, skippingZero: true))

    static let generator = QuestionGenerator(
        name: "sigmoid-slope",
        summary: "σ′(z) = σ(z)(1 − σ(z)) at a drawn z",
        values: [z.listing, .computed("s", help: "σ(z)")],
        relativeTolerance: 0.002
    ) { generator in
        let z = SigmoidSlope.z.draw(&generator)
        let input = Variable(Tensor(scalar: z)), output = input.sigmoid()
        output.backward()
        guard let answer = input.grad?.item else { return nil }
        let s = output.value.item
        return .init(shown: [SigmoidSlope.z.shown(z), .init("s", s)], answer: answer,
                     distractors: [s,              // σ itself, not its slope
                                   1 - s,          // one factor of σ(1 − σ)
                                   1 - s * s])     // tanh's rule applied to σ
    }
}
