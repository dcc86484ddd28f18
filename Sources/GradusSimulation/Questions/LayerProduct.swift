import Foundation
import GradusEngine

/// The vanishing ratio ∂h_k/∂h₀ through k scalar sigmoid layers hᵢ = σ(w·hᵢ₋₁ + b), each sitting at the same
/// pre-activation z: the product of k layer factors w·σ′(z), read from the engine's reverse pass. The chain is
/// stationary (h₀ = σ(z), b = z − w·σ(z)), so one σ′ serves every layer and the learner needs only k, w and z.
enum LayerProduct {
    static let k = DrawnValue("k", help: "the number of layers", from: .steps(2, 6, decimals: 0))
    static let w = DrawnValue("w", help: "every layer's weight", from: .steps(0.5, 3, decimals: 1))
    static let z = DrawnValue("z", help: "every layer's pre-activation", from: .steps(-2, 2, decimals: 1))

    static let generator = QuestionGenerator(
        name: "layer-product",
        summary: "∂h_k/∂h₀ through k sigmoid layers at pre-activation z: the product of k factors w·σ′(z)",
        values: [k.listing, w.listing, z.listing,
                 .computed("s", help: "σ(z), every layer's output"), .computed("slope", help: "σ′(z)"),
                 .computed("factor", help: "w·σ′(z), one layer's factor"), .computed("b", help: "the bias z − w·σ(z)")],
        relativeTolerance: 0.01
    ) { generator in
        let k = LayerProduct.k.draw(&generator), w = LayerProduct.w.draw(&generator)
        let z = LayerProduct.z.draw(&generator)
        let s = Variable.constant(Tensor(scalar: z)).sigmoid().value.item
        let b = z - w * s
        let pass = forward(input: s, weight: w, bias: b, layers: Int(k))
        pass.output.backward()
        guard let answer = pass.input.grad?.item else { return nil }
        let slope = s * (1 - s), factor = w * slope
        return .init(
            shown: [LayerProduct.k.shown(k), LayerProduct.w.shown(w), LayerProduct.z.shown(z),
                    .init("s", s), .init("slope", slope), .init("factor", factor), .init("b", b)],
            answer: answer,
            distractors: [
                pow(slope, k),              // the weights forgotten
                pow(w / 4, k),              // σ′ taken at its peak 1/4
                pow(factor, k - 1),         // one layer short
            ])
    }

    /// h_k from h₀ = `input` (a parameter, so the reverse pass reaches it) through `layers` layers σ(w·h + b).
    static func forward(input: Double, weight: Double, bias: Double, layers: Int) -> (output: Variable, input: Variable) {
        let h0 = Variable(Tensor(scalar: input), name: "h0")
        let w = Variable.constant(Tensor(scalar: weight)), b = Variable.constant(Tensor(scalar: bias))
        var h = h0
        for _ in 0..<layers { h = (w * h + b).sigmoid() }
        return (h, h0)
    }
}
