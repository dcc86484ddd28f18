import Foundation
import Testing
import GradusQuiz
import GradusTestSupport
@testable import GradusRender

/// The quizzes as the built page carries them: the markup quiz.js grades from, and what a reader without
/// JavaScript gets. The browser's side is in QuizBrowserTests.
@Suite("Quizzes on the page")
struct QuizPageTests {
    /// The `<form>` of question `id` in `page`.
    static func form(_ id: String, in page: String) throws -> String {
        let start = try #require(page.range(of: "<form class=\"quiz\" id=\"quiz-\(id)\""))
        let end = try #require(page.range(of: "</form>", range: start.upperBound..<page.endIndex))
        return String(page[start.lowerBound..<end.upperBound])
    }

    /// Every value of attribute `name` in `html`, in order.
    static func values(_ name: String, in html: String) -> [String] {
        html.components(separatedBy: " \(name)=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
    }

    @Test("The fixture's lesson pages match their golden files, and two builds give the same bytes")
    func golden() throws {
        let result = try QuizFixture.build()
        #expect(result.warnings.map(\.formatted) == [])
        for path in ["en/numbers/index.html", "pt/numbers/index.html"] {
            if let problem = Golden.mismatch(result.site[path]!, named: "quizzes/\(path.replacingOccurrences(of: "/", with: "_"))") {
                Issue.record("\(problem)")
            }
        }
        #expect(try QuizFixture.build().site.files == result.site.files)
    }

    @Test("A numeric question is a text field for decimals, labelled in the page's language, graded with its key")
    func numeric() throws {
        let site = try QuizFixture.build().site
        let pt = try Self.form("sigmoid-peak", in: site["pt/numbers/index.html"]!)
        #expect(pt.contains("<label for=\"quiz-sigmoid-peak-reply\">Sua resposta (um número):</label> <input type=\"text\" "
                            + "inputmode=\"decimal\" id=\"quiz-sigmoid-peak-reply\" name=\"quiz-sigmoid-peak\""))
        #expect(Self.values("data-kind", in: pt) == ["numeric"])
        #expect(Self.values("data-answer", in: pt) == ["0.25"])
        #expect(Self.values("data-absolute", in: pt) == ["0.001"])
        #expect(Self.values("data-decimal", in: pt) == [","])
        #expect(Self.values("data-expected", in: pt) == ["Digite um número, como 0,25, 1/4 ou 2,5e-1."])
        #expect(pt.contains("<p><strong>Resposta correta:</strong> 0,25 (± 0,001)</p>"))
        #expect(!pt.contains("type=\"radio\""))
        let en = try Self.form("sigmoid-peak", in: site["en/numbers/index.html"]!)
        #expect(Self.values("data-decimal", in: en) == ["."])
        #expect(en.contains("<p><strong>Correct answer:</strong> 0.25 (± 0.001)</p>"))
        #expect(!en.contains("quiz-new"), "a question with fixed numbers has no 'new numbers' button")
    }

    @Test("A computed question ships 16 different variants drawn from the course's seed; the page shows variant 0")
    func computedVariants() throws {
        let page = try QuizFixture.build().site["en/numbers/index.html"]!
        let form = try Self.form("product", in: page)
        let seeds = QuizFixture.variantSeeds("product")
        #expect(seeds.count == 16)
        #expect(seeds.first == Computed.variantSeed(id: "product", seed: 5, index: 0))
        let expected = seeds.map { QuizFixture.product.draw($0).answer }
        #expect(Self.values("data-answer", in: form) == expected.map(QuizHTML.script))
        #expect(Self.values("data-relative", in: form) == Array(repeating: "0.01", count: 16), "the generator's tolerance")
        #expect(form.contains("<button type=\"button\" class=\"quiz-new\">New numbers</button>"))
        // Variant 0 in the form itself, the 15 others in an inert template after the details.
        let shown = QuizFixture.product.draw(seeds[0])
        let x = try #require(shown["x"]), w = try #require(shown["w"])
        let templateStart = try #require(form.range(of: "<template class=\"quiz-variants\">"))
        let visible = String(form[..<templateStart.lowerBound])
        #expect(visible.components(separatedBy: "<legend").count == 2)
        #expect(visible.contains("<mn>\(QuizNumber.text(w, decimalSeparator: "."))</mn>"))
        #expect(visible.contains(QuizNumber.text(x * w, decimalSeparator: ".")))
        #expect(form[templateStart.upperBound...].components(separatedBy: "<div data-answer=").count == 16)
        #expect(form.hasSuffix("</template>\n</form>"))
    }

    @Test("A computed multiple-choice question's right option takes a drawn place in each variant")
    func computedChoice() throws {
        let page = try QuizFixture.build().site["pt/numbers/index.html"]!
        let form = try Self.form("product-choice", in: page)
        let correct = Self.values("data-correct", in: form)
        #expect(correct.count == 16)
        #expect(Set(correct).count > 1, "the answer is not always the first option")
        // Each variant's right option is its product, in Portuguese style.
        let variants = form.components(separatedBy: "<div data-correct=").dropFirst()
        for (index, variant) in variants.enumerated() {
            let draw = QuizFixture.product.draw(QuizFixture.variantSeeds("product-choice")[index + 1])
            let options = variant.components(separatedBy: "<li>").dropFirst().prefix(3).map { $0.prefix { $0 != "<" } }
            let right = try #require(Int(correct[index + 1]))
            #expect(options[right] == QuizNumber.text(draw.answer, decimalSeparator: ","), "variant \(index + 1)")
        }
    }

    @Test("Tries come from course.yml's quiz_attempts (2 when it says nothing)")
    func attempts() throws {
        let quizzes = try QuizFixture.build().site["en/numbers/index.html"]!
        #expect(Set(Self.values("data-attempts", in: quizzes)) == ["3"])
        let mini = try SiteBuilder(content: SiteGoldenTests.fixture.appendingPathComponent("content"),
                                   templates: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                   contentDisplay: "content", templatesDisplay: "templates").build().site
        #expect(Self.values("data-attempts", in: mini["en/first/index.html"]!) == ["2"])
    }

    @Test("Without JavaScript every question shows its key and explanation in an open-able <details>")
    func withoutScript() throws {
        let page = try QuizFixture.build().site["en/numbers/index.html"]!
        for id in ["pick-one", "pick-two", "sigmoid-peak", "product", "product-choice"] {
            let form = try Self.form(id, in: page)
            #expect(form.contains("<p class=\"quiz-actions\" hidden>"), "\(id): the buttons need the script")
            #expect(form.contains("<details>\n<summary>Show answer and explanation</summary>\n<div class=\"quiz-answer\">"), "\(id)")
            #expect(!form.contains("<details hidden") && !form.contains("<details open"), "\(id)")
        }
        #expect(try Self.form("pick-one", in: page).contains("<li><span class=\"right\">Correct</span>: the sigmoid<div class=\"why\">"))
    }

    @Test("Every text of a question reaches the form escaped, the page's words and the question's id too")
    func escaped() {
        let question = Question(id: "a\"<b>&c", kind: .numeric, prompt: QuizText(stringLiteral: "<x> & \"y\""), options: [],
                                explanation: QuizText(stringLiteral: "</details>"), origin: "t.md:1:1",
                                numeric: NumericAnswer(value: 0.5, tolerance: .absolute(0.25)))
        let html = QuizHTML.render(question, words: { "\"<\($0)>&" }, settings: .init(attempts: 2, seed: 1))
        #expect(html.contains("data-question=\"a&quot;&lt;b&gt;&amp;c\""))
        #expect(html.contains("id=\"quiz-a--b--c\""))
        #expect(html.contains("data-right=\"&quot;&lt;correct&gt;&amp;\""))
        #expect(html.contains("<legend class=\"question\">&lt;x&gt; &amp; &quot;y&quot;</legend>")
                || html.contains("<legend class=\"question\">&lt;x&gt; &amp; \"y\"</legend>"))
        #expect(html.contains("&lt;/details&gt;"))
        #expect(!html.contains("<x>") && !html.contains("<correct>") && !html.contains("<b>"))
    }

    @Test("A key JavaScript reads back bit for bit, infinities and NaN included")
    func scriptNumbers() {
        #expect(QuizHTML.script(0.25) == "0.25")
        #expect(QuizHTML.script(1e-9) == "1e-09")
        #expect(QuizHTML.script(-0.0) == "-0.0")
        #expect(QuizHTML.script(.infinity) == "Infinity")
        #expect(QuizHTML.script(-.infinity) == "-Infinity")
        #expect(QuizHTML.script(.nan) == "NaN")
    }
}
