import GradusEngine

/// The standard deviation of Xavier initialisation (Glorot & Bengio, "Understanding the difficulty of training
/// deep feedforward neural networks", AISTATS 2010), √(2/(fan_in + fan_out)), as the engine's
/// `Initializer.xavierNormal()` uses it.
enum XavierStd {
    static let generator = QuestionGenerator(
        name: "xavier-std",
        summary: "Xavier initialisation's standard deviation √(2/(fan_in + fan_out)) for a drawn layer",
        values: [FanSizes.fanIn.listing, FanSizes.fanOut.listing,
                 .computed("variance", help: "2/(fan_in + fan_out)")],
        relativeTolerance: 0.002
    ) { generator in
        let fanIn = FanSizes.fanIn.draw(&generator), fanOut = FanSizes.fanOut.draw(&generator)
        guard fanIn != fanOut else { return nil }
        let inputs = Int(fanIn), outputs = Int(fanOut)
        let std = Initializer.xavierNormal().standardDeviation(fanIn: inputs, fanOut: outputs)
        return .init(
            shown: [FanSizes.fanIn.shown(fanIn), FanSizes.fanOut.shown(fanOut), .init("variance", std * std)],
            answer: std,
            distractors: [
                Initializer.heNormal().standardDeviation(fanIn: inputs, fanOut: outputs),  // He's rule
                std * 3.0.squareRoot(),     // the bound a of the uniform U(−a, a), whose std is a/√3
                std * std,                  // the variance
            ])
    }
}
