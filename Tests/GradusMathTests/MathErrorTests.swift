import Testing
@testable import GradusMath
import GradusTestSupport

/// Located errors: exact messages and 1-based positions (columns in Unicode scalars), counted by hand.
/// MathML and Unicode rendering share the parser, so both must report the same error.
@Suite("Math errors")
struct MathErrorTests {
    private func error(_ tex: String) -> String {
        let mathML: String
        do {
            _ = try MathML.render(tex: tex, display: false)
            mathML = "no error"
        } catch {
            mathML = error.description
        }
        let unicode: String
        do {
            _ = try UnicodeMath.render(tex: tex)
            unicode = "no error"
        } catch {
            unicode = error.description
        }
        #expect(mathML == unicode)
        return mathML
    }

    @Test("Unknown commands are located and suggest a near known command")
    func unknownCommands() {
        #expect(error(#"\fracc{a}{b}"#) == #"1:1: unknown command \fracc; did you mean \frac?"#)
        #expect(error("a\n  + \\alpah") == #"2:5: unknown command \alpah; did you mean \alpha?"#)
        #expect(error(#"σ + \foo"#) == #"1:5: unknown command \foo"#)
        #expect(error(#"\sigmoid(x)"#) == #"1:1: unknown command \sigmoid"#)
        #expect(error(#"\mathbff{W}"#) == #"1:1: unknown command \mathbff; did you mean \mathbf?"#)
        #expect(error("x \\") == #"1:3: a lone '\' ends the formula; write \backslash for the sign"#)
    }

    @Test("Missing arguments name the command and show an example")
    func missingArguments() {
        #expect(error(#"\sigma_"#) == "1:7: '_' needs an argument, as in x_{i}")
        #expect(error(#"x^}"#) == "1:2: '^' needs an argument, as in x^{2}")
        #expect(error(#"\frac{a}"#) == #"1:1: \frac needs an argument, as in \frac{a}{b}"#)
        #expect(error(#"\sqrt"#) == #"1:1: \sqrt needs an argument, as in \sqrt{x}"#)
        #expect(error(#"\hat"#) == #"1:1: \hat needs an argument, as in \hat{x}"#)
        #expect(error(#"\text x"#) == #"1:1: \text needs a braced argument, as in \text{if}"#)
    }

    @Test("Unbalanced braces, fences and environments are reported where they open")
    func unbalanced() {
        #expect(error("{a + b") == "1:1: '{' is never closed; add '}'")
        #expect(error("a}") == "1:2: unexpected '}' without an opening '{'")
        #expect(error(#"\left( x"#) == #"1:1: \left is never closed; add \right)"#)
        #expect(error(#"x \right)"#) == #"1:3: \right without a matching \left"#)
        #expect(error(#"\left x \right)"#) == #"1:7: \left needs a delimiter such as ( [ \{ | \| or . (none)"#)
        #expect(error(#"\sqrt[3{x}"#) == "1:1: '[' is never closed; add ']'")
        #expect(error(#"\text{ab"#) == "1:6: '{' is never closed; add '}'")
    }

    @Test("Scripts, alignment and line breaks are checked")
    func structure() {
        #expect(error("x^a^b") == "1:4: double superscript; use braces, as in {x^a}^b or x^{ab}")
        #expect(error("x_a_b") == "1:4: double subscript; use braces, as in {x_a}_b or x_{ab}")
        #expect(error("x^2'") == "1:4: prime after a superscript; write the prime first, as in x'^2")
        #expect(error("a & b") == "1:3: '&' only works inside aligned, matrix or cases environments")
        #expect(error(#"a \\ b"#) == #"1:3: '\\' (line break) only works inside aligned, matrix or cases environments"#)
        #expect(error("$x$") == "1:1: '$' cannot appear inside math; close the formula first")
        #expect(error("#") == ##"1:1: '#' has no meaning in math; write \# for the sign"##)
        #expect(error(#"\text{\alpha}"#) == #"1:7: commands such as \alpha do not work inside \text{…}; close the braces first"#)
    }

    @Test("Environments are checked by name and must be closed by the same name")
    func environments() {
        #expect(error(#"\begin{foo} x \end{foo}"#) == "1:1: unknown environment 'foo'; use one of Bmatrix, Vmatrix, "
                + "align, align*, aligned, bmatrix, cases, matrix, pmatrix, vmatrix")
        #expect(error(#"\begin{pmatrix} a \end{bmatrix}"#)
                == #"1:19: \end{bmatrix} does not match \begin{pmatrix} at 1:1"#)
        #expect(error("\\begin{aligned}\n a &= b") == #"1:1: \begin{aligned} is never closed; add \end{aligned}"#)
        #expect(error(#"x \end{aligned}"#) == #"1:3: \end without a matching \begin"#)
    }

    @Test("100 000 nested braces are an error at the 101st, not a stack overflow")
    func nestedBraces() {
        let hostile = String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000)
        #expect(error(hostile) == "1:101: the formula nests deeper than 100 levels; simplify it")
        let roots = String(repeating: #"\sqrt"#, count: 100_000) + "x"
        #expect(error(roots) == "1:501: the formula nests deeper than 100 levels; simplify it")
        let fine = String(repeating: "{", count: 99) + "x" + String(repeating: "}", count: 99)
        #expect(error(fine) == "no error")
    }

    @Test("Long formulas render in one pass")
    func longFormula() throws {
        let terms = 100_000
        let tex = (0..<terms).map { "x_{\($0 % 10)}" }.joined(separator: "+")
        let text = try UnicodeMath.render(tex: tex)
        #expect(text.hasPrefix("x₀ + x₁ + x₂"))
        #expect(text.count == terms * 2 + (terms - 1) * 3)
        let mathML = try MathML.render(tex: tex, display: true)
        #expect(mathML.components(separatedBy: "<msub>").count == terms + 1)
    }

    @Test("A long unknown command is reported without comparing it to every known name at length")
    func longUnknownCommand() {
        let name = String(repeating: "a", count: 200_000)
        #expect(error("\\" + name) == "1:1: unknown command \\" + name)
    }
}
