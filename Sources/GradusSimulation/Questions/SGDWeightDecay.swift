import GradusEngine

/// One step of SGD with L2 weight decay on L = ½(w·x − y)²: w′ = w − η(∂L/∂w + λw), the gradient from the engine's
/// reverse pass and the step from its `SGD`.
enum SGDWeightDecay {
    static let w = DrawnValue("w", help: "the weight", from: .steps(-2, 2, decimals: 1, skippingZero: true))
    static let x = DrawnValue("x", help: "the input", from: .steps(-2, 2, decimals: 1, skippingZero: true))
    static let y = DrawnValue("y", help: "the target", from: .steps(-2, 2, decimals: 1))
    static let eta = DrawnValue("eta", help: "the learning rate η", from: .steps(0.05, 0.5, decimals: 2))
    static let lambda = DrawnValue("lambda", help: "the weight decay λ", from: .steps(0.05, 0.5, decimals: 2))

    static let generator = QuestionGenerator(
        name: "sgd-weight-decay",
        summary: "the weight after one SGD step with L2 decay on L = ½(w·x − y)²: w − η(∂L/∂w + λw)",
        values: [w.listing, x.listing, y.listing, eta.listing, lambda.listing,
                 .computed("grad", help: "∂L/∂w = (w·x − y)·x")],
        relativeTolerance: 0.002
    ) { generator in
        let w = SGDWeightDecay.w.draw(&generator), x = SGDWeightDecay.x.draw(&generator)
        let y = SGDWeightDecay.y.draw(&generator), eta = SGDWeightDecay.eta.draw(&generator)
        let lambda = SGDWeightDecay.lambda.draw(&generator)
        let pass = forward(w: w, x: x, y: y)
        pass.loss.backward()
        guard let grad = pass.weight.grad?.item else { return nil }
        var sgd = SGD(parameters: [pass.weight], learningRate: eta, weightDecay: lambda)
        sgd.step()
        let answer = pass.weight.value.item
        // A vanishing gradient or a step that lands near 0 (where a relative tolerance asks too much) is no question.
        guard abs(grad) >= 0.1, abs(answer) >= 0.1 else { return nil }
        return .init(
            shown: [SGDWeightDecay.w.shown(w), SGDWeightDecay.x.shown(x), SGDWeightDecay.y.shown(y),
                    SGDWeightDecay.eta.shown(eta), SGDWeightDecay.lambda.shown(lambda), .init("grad", grad)],
            answer: answer,
            distractors: [
                w - eta * grad,                     // the decay forgotten
                w - eta * (grad - lambda * w),      // the decay with the wrong sign
                w - eta * grad - lambda * w,        // the decay not scaled by η
            ])
    }

    /// The loss ½(w·x − y)² with w a parameter.
    static func forward(w: Double, x: Double, y: Double) -> (loss: Variable, weight: Variable) {
        let weight = Variable(Tensor(scalar: w), name: "w")
        let loss = (weight * Variable.constant(Tensor(scalar: x)) - y).pow(2) * 0.5
        return (loss, weight)
    }
}
