import Foundation
import Testing
import GradusContent
import GradusTestSupport
@testable import GradusRender

/// The structure of the real course's pages as HTML: what a screen reader, a keyboard and a phone depend on
/// before any style applies. Tests/GradusRenderTests/Browser/reading.py checks the same pages in a browser.
@Suite("Page structure")
struct PageStructureTests {
    static let site: Site = {
        let root = TestEnvironment.packageRoot
        return try! SiteBuilder(content: root.appendingPathComponent("content"),
                                templates: root.appendingPathComponent("templates"),
                                contentDisplay: "content", templatesDisplay: "templates").build().site
    }()

    static var pages: [(path: String, html: String)] {
        site.paths.filter { $0.hasSuffix(".html") }.map { ($0, site[$0]!) }
    }

    static func matches(_ pattern: String, in text: String) -> [[String]] {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.dotMatchesLineSeparators])
        return regex.matches(in: text, range: NSRange(text.startIndex..., in: text)).map { match in
            (0..<match.numberOfRanges).map { i in Range(match.range(at: i), in: text).map { String(text[$0]) } ?? "" }
        }
    }

    @Test("Every page's first heading is its only h1; a lesson's outline comes after its title")
    func headings() {
        for (path, html) in Self.pages {
            let levels = Self.matches(#"<h([1-6])[ >]"#, in: html).map { $0[1] }
            #expect(levels.first == "1", "\(path) starts with h\(levels.first ?? "none")")
            #expect(levels.filter { $0 == "1" }.count == 1, "\(path)")
            if let outline = html.range(of: "class=\"outline\""), let title = html.range(of: "<h1>") {
                #expect(title.lowerBound < outline.lowerBound, "\(path): the outline precedes the title")
            }
        }
        #expect(Self.site["index.html"]!.contains("<h1 class=\"choose\"><span lang=\"pt-BR\">Escolha o idioma</span>"))
    }

    @Test("Titles never repeat the course's name; the footer never starts with a dot; no empty link")
    func titles() {
        for (path, html) in Self.pages {
            let title = Self.matches("<title>(.*?)</title>", in: html).first?[1] ?? ""
            let parts = title.components(separatedBy: " · ")
            #expect(!title.isEmpty && !(parts.count == 2 && parts[0] == parts[1]), "\(path): \(title)")
            let footer = Self.matches(#"<footer class="site-footer">\s*<p>(.*?)</p>"#, in: html).first?[1] ?? ""
            #expect(!footer.hasPrefix(" ·") && !footer.hasPrefix("·") && !footer.isEmpty, "\(path): footer '\(footer)'")
            for link in Self.matches(#"<a [^>]*>(.*?)</a>"#, in: html) where !link[0].contains("aria-label") {
                #expect(!link[1].trimmingCharacters(in: .whitespaces).isEmpty, "\(path): empty link \(link[0])")
            }
            #expect(html.contains("<link rel=\"icon\" href=\""), "\(path): no favicon")
        }
        #expect(Self.site["pt/index.html"]!.contains("<title>Como as redes neurais aprendem</title>"))
        #expect(Self.site["index.html"]!.contains("<p>Feito com o Gradus</p>"))
        #expect(Self.site.files["static/favicon.svg"] != nil)
    }

    @Test("A figure's caption is outside its scroller, names its chart and table, and is unique in the page")
    func figures() {
        var figures = 0
        for (path, html) in Self.pages {
            var names: Set<String> = []
            for figure in Self.matches(#"<figure class="simulation"[^>]*>(.*?)</figure>"#, in: html) {
                figures += 1
                let body = figure[1]
                let caption = Self.matches(#"^\s*<figcaption id="([^"]+)">(.*?)</figcaption>"#, in: body).first
                #expect(caption != nil, "\(path): a figure does not start with its caption")
                guard let id = caption?[1], let name = caption?[2] else { continue }
                #expect(names.insert(name).inserted, "\(path): two figures named '\(name)'")
                #expect(!body.contains("<caption>"), "\(path): a caption inside the scroller")
                #expect(body.contains("<table id=\"\(id)-table\" aria-labelledby=\"\(id)\">"), "\(path)")
                #expect(body.contains("role=\"region\" aria-labelledby=\"\(id)\""), "\(path)")
                if body.contains("<svg class=\"chart\"") {
                    #expect(body.contains("aria-labelledby=\"\(id)\" aria-details=\"\(id)-table\""), "\(path)")
                }
            }
        }
        #expect(figures >= 75)
        // The two charts of the vanishing gradient lesson once shared their table's title as their name.
        let vanishing = Self.site["pt/vanishing-gradient/index.html"]!
        #expect(vanishing.contains("A mesma rede com tanh: a norma do gradiente quase não muda de uma camada para outra."))
    }

    @Test("Code blocks can be focused and are named in the page's language")
    func codeBlocks() {
        let html = Self.site["de/gradient-clipping/index.html"]!
        #expect(html.contains("<pre class=\"code\" tabindex=\"0\" role=\"region\" aria-label=\"Code (python)\"><code class=\"language-python\">"))
        #expect(Self.site["pt/gradient-clipping/index.html"]!.contains("aria-label=\"Código (python)\""))
        for (path, html) in Self.pages {
            #expect(html.components(separatedBy: "<pre").count == html.components(separatedBy: "<pre class=\"code\" tabindex=\"0\"").count, "\(path)")
        }
    }

    @Test("Each language has its own 404 page; the root page searches every language, the others their own")
    func notFoundAndSearch() {
        for (code, html, title) in [("pt", "pt-BR", "Página não encontrada"), ("de", "de", "Seite nicht gefunden"), ("en", "en", "Page not found")] {
            let page = Self.site["\(code)/404.html"]!
            #expect(page.contains("<html lang=\"\(html)\">") && page.contains("<h1>\(title)</h1>"), "\(code)")
            #expect(page.contains("href=\"/\(code)/index.html\""), "\(code): links start at the site's root")
        }
        #expect(Self.site["404.html"]!.contains("<html lang=\"pt-BR\">"))
        #expect(Self.site["index.html"]!.contains("data-langs=\"pt|pt-BR|Português;de|de|Deutsch;en|en|English;\""))
        #expect(Self.site["en/index.html"]!.contains("data-langs=\"en|en|English\""))
        let en = Self.site["en/backpropagation/index.html"]!
        #expect(en.contains("data-status-other=\"{count} results for “{query}”\""))
        #expect(en.contains("<script src=\"../../static/page.js\" defer></script>"))
    }

    @Test("A formula in the text keeps the punctuation after it on its line")
    func mathPunctuation() {
        let math = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"inline\"><mi>o</mi></math>"
        let block = "<math xmlns=\"http://www.w3.org/1998/Math/MathML\" display=\"block\"><mi>o</mi></math>"
        #expect(MathPunctuation.keepTogether("<p>a \(math), b \(math) c \(math).</p>")
                == "<p>a <span class=\"nowrap\">\(math),</span> b \(math) c <span class=\"nowrap\">\(math).</span></p>")
        #expect(MathPunctuation.keepTogether("\(block), and \(math)") == "\(block), and \(math)")
        #expect(Self.site["pt/backpropagation/index.html"]!.contains("<span class=\"nowrap\"><math"))
    }
}
