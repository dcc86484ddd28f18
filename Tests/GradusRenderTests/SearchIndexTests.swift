import Foundation
import Testing
import GradusMarkdown
@testable import GradusRender

@Suite("Search index")
struct SearchIndexTests {
    @Test("One entry per section, quizzes left out, and no text can close the script or break the string")
    func entries() throws {
        var index = SearchIndex()
        let markdown = "Intro & \"quotes\".\n\n## Größe {#size}\n\nText über Größe.\n\n::: quiz\n### Q\n- [x] a\n- [ ] b\n:::\n"
        index.add(lesson: "l", title: "A <title></script>\u{2028}", language: "de", document: Markdown.parse(markdown))
        let script = index.script(language: "de")
        #expect(!script.contains("</script"))
        #expect(!script.contains("<title>"))
        let json = try #require(script.split(separator: "\n").dropFirst(2).dropLast().map { String($0.dropLast()) } as [String]?)
        let rows = try json.map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String] }
        #expect(rows == [
            ["A <title></script>\u{2028}", "", "de/l/index.html", "Intro & \"quotes\"."],
            ["A <title></script>\u{2028}", "Größe", "de/l/index.html#size", "Text über Größe."],
        ])
    }

    @Test("Math is indexed as a reader sees it, in Unicode, never as TeX")
    func math() throws {
        var index = SearchIndex()
        let markdown = "## The chain rule {#chain}\n\nThen $\\frac{\\partial L}{\\partial w} = \\sigma'(z^{(l)})$ and\n\n$$\nx_i^2\n$$\n"
        index.add(lesson: "l", title: "T", language: "en", document: Markdown.parse(markdown, options: MarkdownOptions(dialect: .lesson)))
        let script = index.script(language: "en")
        #expect(!script.contains("\\\\"), "no backslash reaches the index: \(script)")
        #expect(script.contains("∂L/∂w = σ′(z⁽ˡ⁾)"), "\(script)")
        #expect(script.contains("xᵢ²"))
    }
}
