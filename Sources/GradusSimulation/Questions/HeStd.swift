import GradusEngine

/// The standard deviation of He initialisation (He, Zhang, Ren & Sun, "Delving deep into rectifiers", ICCV 2015),
/// √(2/fan_in), as the engine's `Initializer.heNormal()` uses it.
enum HeStd {
    static let generator = QuestionGenerator(
        name: "he-std",
        summary: "He initialisation's standard deviation √(2/fan_in) for a drawn layer",
        values: [FanSizes.fanIn.listing, FanSizes.fanOut.listing, .computed("variance", help: "2/fan_in")],
        relativeTolerance: 0.002
    ) { generator in
        let fanIn = FanSizes.fanIn.draw(&generator), fanOut = FanSizes.fanOut.draw(&generator)
        guard fanIn != fanOut else { return nil }
        let inputs = Int(fanIn), outputs = Int(fanOut)
        let std = Initializer.heNormal().standardDeviation(fanIn: inputs, fanOut: outputs)
        return .init(
            shown: [FanSizes.fanIn.shown(fanIn), FanSizes.fanOut.shown(fanOut), .init("variance", std * std)],
            answer: std,
            distractors: [
                Initializer.heNormal().standardDeviation(fanIn: outputs, fanOut: inputs),   // fan_out for fan_in
                std * std,                                                                  // the variance
                Initializer.heNormal(gain: 1).standardDeviation(fanIn: inputs, fanOut: outputs),  // the 2 forgotten
            ])
    }
}
