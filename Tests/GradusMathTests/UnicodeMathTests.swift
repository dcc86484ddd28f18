import Testing
@testable import GradusMath
import GradusTestSupport

/// Plain-text rendering for the terminal, with expected strings written out by hand.
@Suite("Unicode math")
struct UnicodeMathTests {
    @Test("The sigmoid bound reads as a reader expects: σ′(z) ≤ 1/4 in Unicode")
    func sigmoidBound() throws {
        #expect(try UnicodeMath.render(tex: #"\sigma'(x) \le \frac{1}{4}"#) == "σ′(x) ≤ 1/4")
    }

    @Test("A fraction that a factor follows is bracketed, one that an operator follows is not")
    func fractionTimesFactor() throws {
        #expect(try UnicodeMath.render(tex: #"d(t) = \frac{1}{2} g t^2"#) == "d(t) = (1/2)gt²")
        #expect(try UnicodeMath.render(tex: #"\frac{a}{b} + c"#) == "a/b + c")
        #expect(try UnicodeMath.render(tex: #"\frac{\partial L}{\partial w} = x"#) == "∂L/∂w = x")
    }

    @Test("Gradients, norms and products read naturally")
    func gradientFormulas() throws {
        let cases: [(String, String)] = [
            (#"\frac{\partial L}{\partial w}"#, "∂L/∂w"),
            (#"\|W\|_2 < 1"#, "‖W‖₂ < 1"),
            (#"\prod_{k=1}^{T} \sigma'(z_k)"#, "∏ₖ₌₁ᵀ σ′(zₖ)"),
            (#"w \leftarrow w - \eta \frac{\partial L}{\partial w}"#, "w ← w − η∂L/∂w"),
            (#"x \in \mathbb{R}^{n}"#, "x ∈ ℝⁿ"),
            (#"\tanh'(x) = 1 - \tanh^2(x)"#, "tanh′(x) = 1 − tanh²(x)"),
            (#"\mathbf{W}^\top \boldsymbol{\delta}"#, "𝐖ᵀ𝜹"),
            (#"-1 \le x \le 1"#, "−1 ≤ x ≤ 1"),
            (#"\text{Var}(w) = \frac{2}{n}"#, "Var(w) = 2/n"),
        ]
        for (tex, expected) in cases {
            #expect(try UnicodeMath.render(tex: tex) == expected, "\(tex)")
        }
    }

    @Test("Scripts without Unicode small letters fall back to ^ and _ with parentheses")
    func fallbackScripts() throws {
        #expect(try UnicodeMath.render(tex: "x_{i,j}") == "x_(i,j)")
        #expect(try UnicodeMath.render(tex: "e^{-x^2}") == "e^(−x²)")
        #expect(try UnicodeMath.render(tex: #"\nabla_W L"#) == "∇_W L")
    }

    @Test("Aligned equations become aligned lines")
    func alignedLines() throws {
        let tex = #"\begin{aligned} a &= b + c \\ abc &= d \end{aligned}"#
        #expect(try UnicodeMath.render(tex: tex) == "  a = b + c\nabc = d")
    }
}
