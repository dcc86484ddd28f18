import GradusEngine

/// tanh′(z) at a drawn z, the engine's derivative of its own tanh: 1 − tanh²(z).
enum TanhSlope {
    static let z = DrawnValue("z", help: "the pre-activation", from: .steps(-2, 2, decimals: 1, skippingZero: true))

    static let generator = QuestionGenerator(
        name: "tanh-slope",
        summary: "tanh′(z) = 1 − tanh²(z) at a drawn z",
        values: [z.listing, .computed("t", help: "tanh(z)")],
        relativeTolerance: 0.002
    ) { generator in
        let z = TanhSlope.z.draw(&generator)
        let input = Variable(Tensor(scalar: z)), output = input.tanh()
        output.backward()
        guard let answer = input.grad?.item else { return nil }
        let t = output.value.item
        return .init(shown: [TanhSlope.z.shown(z), .init("t", t)], answer: answer,
                     distractors: [t,              // tanh itself, not its slope
                                   1 - t,          // the square forgotten
                                   1 - z * z])     // the rule applied to z instead of tanh(z)
    }
}
