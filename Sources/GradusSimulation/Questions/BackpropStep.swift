import GradusEngine

/// ∂L/∂w₁ for the scalar network x → z₁ = w₁x → h = σ(z₁) → z₂ = w₂h → ŷ = σ(z₂), L = ½(ŷ − y)²: the chain rule
/// through two sigmoids, (ŷ − y)·σ′(z₂)·w₂·σ′(z₁)·x, read from the engine's reverse pass.
enum BackpropStep {
    static let x = DrawnValue("x", help: "the input", from: .steps(-2, 2, decimals: 1, skippingZero: true))
    static let w1 = DrawnValue("w1", help: "the first weight", from: .steps(-2, 2, decimals: 1, skippingZero: true))
    static let w2 = DrawnValue("w2", help: "the second weight", from: .steps(-3, 3, decimals: 1, skippingZero: true))
    static let y = DrawnValue("y", help: "the target", from: .steps(0, 1, decimals: 1))

    static let generator = QuestionGenerator(
        name: "backprop-step",
        summary: "∂L/∂w₁ for x → σ(w₁x) → σ(w₂h) = ŷ with L = ½(ŷ − y)²",
        values: [x.listing, w1.listing, w2.listing, y.listing,
                 .computed("z1", help: "w₁·x"), .computed("h", help: "σ(z₁)"),
                 .computed("z2", help: "w₂·h"), .computed("yhat", help: "ŷ = σ(z₂), the output")],
        relativeTolerance: 0.01
    ) { generator in
        let x = BackpropStep.x.draw(&generator), w1 = BackpropStep.w1.draw(&generator)
        let w2 = BackpropStep.w2.draw(&generator), y = BackpropStep.y.draw(&generator)
        let pass = forward(x: x, w1: w1, w2: w2, y: y)
        pass.loss.backward()
        let h = pass.h.value.item, yhat = pass.yhat.value.item
        // A target the output nearly meets leaves a gradient too small to compute by hand.
        guard abs(yhat - y) >= 0.1, let answer = pass.w1.grad?.item else { return nil }
        let error = yhat - y, outerSlope = yhat * (1 - yhat), innerSlope = h * (1 - h)
        return .init(
            shown: [BackpropStep.x.shown(x), BackpropStep.w1.shown(w1), BackpropStep.w2.shown(w2),
                    BackpropStep.y.shown(y), .init("z1", pass.z1.value.item), .init("h", h),
                    .init("z2", pass.z2.value.item), .init("yhat", yhat)],
            answer: answer,
            distractors: [
                -answer,                                   // y − ŷ for ŷ − y
                error * w2 * innerSlope * x,               // σ′(z₂) forgotten
                error * outerSlope * w2 * x,               // σ′(z₁) forgotten
            ])
    }

    /// The network's graph for one example, w₁ a parameter so that the reverse pass reaches it.
    static func forward(x: Double, w1: Double, w2: Double, y: Double)
        -> (loss: Variable, w1: Variable, z1: Variable, h: Variable, z2: Variable, yhat: Variable) {
        let first = Variable(Tensor(scalar: w1), name: "w1"), second = Variable.constant(Tensor(scalar: w2))
        let z1 = Variable.constant(Tensor(scalar: x)) * first
        let h = z1.sigmoid()
        let z2 = second * h
        let yhat = z2.sigmoid()
        let loss = (yhat - y).pow(2) * 0.5
        return (loss, first, z1, h, z2, yhat)
    }
}
