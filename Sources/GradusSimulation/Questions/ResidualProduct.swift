import Foundation
import GradusEngine

/// ∂h_k/∂h₀ through k scalar residual blocks hᵢ = hᵢ₋₁ + a·hᵢ₋₁ with a linear branch of slope a, read from the
/// engine's reverse pass: every block multiplies the gradient by 1 + a (the identity plus the branch's Jacobian,
/// He et al., "Identity Mappings in Deep Residual Networks", ECCV 2016), so the answer is (1 + a)ᵏ.
enum ResidualProduct {
    static let k = DrawnValue("k", help: "the number of residual blocks", from: .steps(2, 8, decimals: 0))
    static let a = DrawnValue("a", help: "the slope of every block's branch", from: .steps(-0.9, 1.5, decimals: 1,
                                                                                          skippingZero: true))

    static let generator = QuestionGenerator(
        name: "residual-product",
        summary: "∂h_k/∂h₀ through k scalar residual blocks h_i = h_{i-1} + a·h_{i-1}: the product of k factors 1 + a",
        values: [k.listing, a.listing, .computed("factor", help: "1 + a, one block's factor")],
        relativeTolerance: 0.002
    ) { generator in
        let k = ResidualProduct.k.draw(&generator), a = ResidualProduct.a.draw(&generator)
        let pass = forward(input: 1, branch: a, blocks: Int(k))
        pass.output.backward()
        guard let answer = pass.input.grad?.item, abs(answer) >= 1e-3 else { return nil }
        return .init(
            shown: [ResidualProduct.k.shown(k), ResidualProduct.a.shown(a), .init("factor", 1 + a)],
            answer: answer,
            distractors: [
                pow(a, k),            // the shortcuts forgotten: a plain stack of the branches
                1 + k * a,            // only I + Σ Jᵢ, the products of branches left out
                pow(1 + a, k - 1),    // one block short
            ])
    }

    /// h_k from h₀ = `input` (a parameter, so the reverse pass reaches it) through `blocks` blocks h + a·h.
    static func forward(input: Double, branch: Double, blocks: Int) -> (output: Variable, input: Variable) {
        let h0 = Variable(Tensor(scalar: input), name: "h0")
        let slope = Variable.constant(Tensor(scalar: branch))
        var h = h0
        for _ in 0..<blocks { h = h + slope * h }
        return (h, h0)
    }
}
