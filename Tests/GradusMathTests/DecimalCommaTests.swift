import Testing
@testable import GradusMath

@Suite("Decimal commas")
struct DecimalCommaTests {
    @Test("0{,}25 is one number, as TeX sets it, not a list with a separator's space")
    func joined() throws {
        let html = try MathML.render(tex: "0{,}5 \\cdot 1{,}25 = 0{,}625", display: false)
        #expect(html.contains("<mn>0,5</mn>"))
        #expect(html.contains("<mn>1,25</mn>"))
        #expect(html.contains("<mn>0,625</mn>"))
        #expect(try UnicodeMath.render(tex: "0{,}25") == "0,25")
    }

    @Test("Commas between other things stay separators")
    func separators() throws {
        let html = try MathML.render(tex: "f(a, b) + x_{i,j}", display: false)
        #expect(html.contains("<mo>,</mo>"))
        #expect(!html.contains("<mn>a,b</mn>"))
    }
}
