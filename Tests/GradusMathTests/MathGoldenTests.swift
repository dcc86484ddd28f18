import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import GradusMath
import GradusTestSupport

/// One golden file per construct of the TeX subset: for each formula, its inline and display MathML and its
/// terminal text. Every MathML output must also be well-formed XML in the MathML namespace.
@Suite("Math golden files")
struct MathGoldenTests {
    struct Construct: Sendable, CustomTestStringConvertible {
        var name: String
        var formulas: [String]
        var testDescription: String { name }
    }

    static let constructs: [Construct] = [
        Construct(name: "fractions", formulas: [
            #"\frac{\partial L}{\partial w}"#, #"\frac12"#, #"\dfrac{1}{1+e^{-x}}"#, #"\frac{a+b}{\frac{c}{d}}"#]),
        Construct(name: "scripts", formulas: [
            #"x_i^2"#, #"W^{(l)}"#, #"a_{t-1}"#, #"x^{10}"#, #"e^{-x^2}"#, #"x^23"#, #"{}^{2}H"#,
            #"h_{\text{out}}"#, #"W_{ij}"#, #"W_{i,j}"#]),
        Construct(name: "primes", formulas: [#"\sigma'(x)"#, #"f''(x)"#, #"f'^2"#, #"g'''"#]),
        Construct(name: "greek", formulas: [
            #"\alpha\beta\gamma\delta\epsilon\varepsilon\eta\theta\lambda\mu\rho\sigma\tau\phi\varphi\omega"#,
            #"\Gamma\Delta\Theta\Lambda\Sigma\Phi\Omega"#]),
        Construct(name: "partial-nabla", formulas: [#"\nabla_W L"#, #"\partial_t h"#, #"\frac{\partial^2 f}{\partial x^2}"#]),
        Construct(name: "sums-products", formulas: [
            #"\sum_i x_i"#, #"\sum_{i=1}^{n} w_i x_i"#, #"\prod_{k=1}^{T} W_k"#, #"\int_0^1 f(x)\,dx"#,
            #"\sum\limits_{i} a_i"#]),
        Construct(name: "norms", formulas: [
            #"\|W\|_2"#, #"\lVert x \rVert"#, #"\left\| W \right\|_F"#, #"|x|"#, #"\lvert a \rvert"#]),
        Construct(name: "roots", formulas: [#"\sqrt{2}"#, #"\sqrt[3]{x}"#, #"\sqrt{\frac{2}{n_{in}}}"#]),
        Construct(name: "operators", formulas: [
            #"a \cdot b"#, #"a \odot b"#, #"a \times b"#, #"a \pm b"#, #"a - b"#, #"-x + (-y)"#, #"a * b / c"#,
            #"a < b > c"#, #"f \circ g"#]),
        Construct(name: "relations", formulas: [
            #"\sigma'(x) \le \frac{1}{4}"#, #"a \ge b"#, #"a \approx b"#, #"x \in \mathbb{R}^{n}"#,
            #"n \to \infty"#, #"w \leftarrow w - \eta \nabla L"#, #"a \neq b"#, #"f: X \to Y"#]),
        Construct(name: "functions", formulas: [
            #"\tanh(x)"#, #"\log x"#, #"\exp(-x)"#, #"\max_i x_i"#, #"\operatorname{ReLU}(x)"#,
            #"\operatorname*{argmax}_\theta L"#, #"\min(a, b)"#, #"\lim_{n \to \infty} a_n"#]),
        Construct(name: "fonts", formulas: [
            #"\mathbf{W} \mathbf{x}_1"#, #"\mathbb{R}^{m \times n}"#, #"\mathcal{L}(\theta)"#, #"\mathrm{d}x"#,
            #"\mathrm{ReLU}"#, #"\boldsymbol{\theta}"#, #"\mathbf{h}_t"#]),
        Construct(name: "text", formulas: [#"\text{if } x > 0"#, #"y = 0 \text{ otherwise}"#, #"\text{a<b & c}"#]),
        Construct(name: "accents", formulas: [
            #"\hat{y}"#, #"\bar{x}"#, #"\tilde{w}"#, #"\vec{v}"#, #"\dot{x}"#, #"\hat{y}_i"#, #"\overline{xy}"#]),
        Construct(name: "spaces-dots", formulas: [
            #"a \quad b"#, #"a \qquad b"#, #"a\,b\;c\!d"#, #"x_1, \ldots, x_n"#, #"x_1 + \cdots + x_n"#]),
        Construct(name: "fences", formulas: [
            #"\left( \frac{a}{b} \right)"#, #"\left. \frac{df}{dx} \right|_{x=0}"#, #"\left[ 0, 1 \right)"#,
            #"\{ x \}"#, #"\langle a, b \rangle"#]),
        Construct(name: "transpose", formulas: [#"W^\top"#, #"x^{\top} W y"#, #"(AB)^\top = B^\top A^\top"#]),
        Construct(name: "matrices", formulas: [
            #"\begin{pmatrix} a & b \\ c & d \end{pmatrix}"#, #"\begin{bmatrix} 1 & 0 \\ 0 & 1 \\ \end{bmatrix}"#,
            #"\det \begin{vmatrix} a & b \\ c & d \end{vmatrix}"#, #"\begin{matrix} x \end{matrix}"#]),
        Construct(name: "aligned", formulas: [
            #"\begin{aligned} h_t &= \tanh(W h_{t-1} + U x_t) \\ \frac{\partial h_t}{\partial h_{t-1}} &= \operatorname{diag}(1 - h_t^2) W \end{aligned}"#,
            #"\begin{align*} a &= b + c \\ &= d \end{align*}"#]),
        Construct(name: "cases", formulas: [
            #"\operatorname{ReLU}'(x) = \begin{cases} 1 & \text{if } x > 0 \\ 0 & \text{otherwise} \end{cases}"#]),
        Construct(name: "sized-delimiters", formulas: [
            #"\big( a \big)"#, #"\Bigl[ x \Bigr]"#, #"\bigg| x \bigg|"#, #"\Bigg\{ y \Bigg\}"#]),
        Construct(name: "fraction-styles", formulas: [#"\dfrac{1}{2} + \tfrac{1}{2}"#]),
        Construct(name: "raw-text-spacing", formulas: [
            #"\operatorname*{arg\,max}_x f(x)"#, #"\text{a {b} c\;d\!e\ f}"#,
            #"\begin{aligned} a &= b \\[2pt] c &= d \end{aligned}"#]),
        Construct(name: "gradients", formulas: [
            #"\frac{\partial L}{\partial W_1} = \prod_{k=2}^{T} \frac{\partial h_k}{\partial h_{k-1}} \cdot \frac{\partial L}{\partial h_T}"#,
            #"\|\nabla_\theta L\|_2 \le \tau"#, #"\sigma(x) = \frac{1}{1 + e^{-x}}"#,
            #"\operatorname{Var}(W) = \frac{2}{n_{\text{in}} + n_{\text{out}}}"#]),
    ]

    @Test("Each construct renders as its golden file", arguments: MathGoldenTests.constructs)
    func golden(_ construct: Construct) throws {
        var report = ""
        for tex in construct.formulas {
            let inline = try MathML.render(tex: tex, display: false)
            let display = try MathML.render(tex: tex, display: true)
            let text = try UnicodeMath.render(tex: tex)
            for xml in [inline, display] {
                #expect(MathGoldenTests.wellFormedMathML(xml), "not well-formed: \(xml)")
            }
            report += "TeX:     \(tex)\ninline:  \(inline)\ndisplay: \(display)\ntext:    "
            report += text.replacingOccurrences(of: "\n", with: "\n         ") + "\n\n"
        }
        if let mismatch = Golden.mismatch(report, named: "\(construct.name).txt") { Issue.record("\(mismatch)") }
    }

    /// Whether `xml` parses as XML with a `math` root in the MathML namespace.
    static func wellFormedMathML(_ xml: String) -> Bool {
        final class Root: NSObject, XMLParserDelegate {
            var name: String?
            var namespace: String?
            func parser(_ parser: XMLParser, didStartElement element: String, namespaceURI: String?,
                        qualifiedName: String?, attributes: [String: String] = [:]) {
                if name == nil { (name, namespace) = (element, namespaceURI) }
            }
        }
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = true
        let root = Root()
        parser.delegate = root
        return parser.parse() && root.name == "math" && root.namespace == "http://www.w3.org/1998/Math/MathML"
    }
}
