import Foundation
import Testing
import GradusContent
import GradusTestSupport
@testable import GradusRender

@Suite("Site")
struct SiteGoldenTests {
    static let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mini")

    func build(baseURL: String? = nil) throws -> SiteBuilder.Result {
        try SiteBuilder(content: Self.fixture.appendingPathComponent("content"),
                        templates: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                        contentDisplay: "content", templatesDisplay: "templates", baseURL: baseURL).build()
    }

    @Test("The fixture course renders every page, and each matches its golden file")
    func golden() throws {
        let result = try build()
        #expect(result.site.paths.filter { !$0.hasPrefix("static/") } == [
            "404.html", "assets/dot.svg", "de/404.html", "de/first/index.html", "de/index.html", "de/second/index.html",
            "en/404.html", "en/first/index.html", "en/index.html", "en/second/index.html", "index.html",
        ])
        for path in result.site.paths where path.hasSuffix(".html") {
            let name = path.replacingOccurrences(of: "/", with: "_")
            if let problem = Golden.mismatch(result.site[path]!, named: "mini/\(name)") { Issue.record("\(problem)") }
        }
        // The search data: German's index proper (with the lesson shown from English) and its text shard (both
        // lessons: together they hold far less than a shard's 32 kB).
        #expect(result.site.paths.filter { $0.hasPrefix("static/search") } == [
            "static/search-de.js", "static/search-en.js", "static/search.js", "static/search/de/1.js", "static/search/en/1.js",
        ])
        for path in ["static/search-de.js", "static/search/de/1.js"] {
            let name = path.replacingOccurrences(of: "/", with: "_")
            if let problem = Golden.mismatch(result.site[path]!, named: "mini/\(name)") { Issue.record("\(problem)") }
        }
        #expect(result.warnings.map(\.formatted) == [
            "content/lessons/02-second.en.md:1:1: warning: lesson 'second' has no de translation; add lessons/02-second.de.md",
        ])
    }

    @Test("Two builds give byte-identical sites")
    func deterministic() throws {
        #expect(try build().site.files == build().site.files)
    }

    @Test("A missing translation falls back to the default language with a notice in the reader's language")
    func fallback() throws {
        let page = try build().site["de/second/index.html"]!
        #expect(page.contains("<html lang=\"de\">"))
        #expect(page.contains("Diese Lektion gibt es noch nicht auf Deutsch; angezeigt wird die Fassung „English“."))
        #expect(page.contains("<article class=\"lesson\" lang=\"en\">"))
    }

    @Test("Raw HTML and javascript: URLs never reach the page in safe mode")
    func safe() throws {
        let page = try build().site["en/second/index.html"]!
        #expect(!page.contains("alert(1)</script>"))
        #expect(page.components(separatedBy: "<script").count - 1 == 3, "only the theme's three scripts")
        #expect(!page.contains("javascript:"))
    }

    @Test("Text from content is escaped in titles and attributes")
    func escaped() throws {
        let page = try build().site["en/first/index.html"]!
        #expect(page.contains("<title>First &lt;lesson&gt; &amp; more · Mini course</title>"))
        #expect(page.contains("content=\"The &quot;first&quot; one.\""))
    }

    @Test("With a base URL, pages get hreflang alternates and the site a sitemap")
    func baseURL() throws {
        let site = try build(baseURL: "https://example.org/c").site
        #expect(site["en/first/index.html"]!.contains("<link rel=\"alternate\" hreflang=\"de\" href=\"https://example.org/c/de/first/index.html\">"))
        #expect(site["sitemap.xml"]!.contains("<loc>https://example.org/c/en/first/index.html</loc>"))
    }
}

@Suite("Simulation cache")
struct SimulationCacheTests {
    @Test("A second build reads the tables from .gradus-cache and gives the same site; a corrupt entry is recomputed")
    func cache() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-cache-\(UUID().uuidString)")
        func build() throws -> Site {
            try SiteBuilder(content: SiteGoldenTests.fixture.appendingPathComponent("content"),
                            templates: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                            contentDisplay: "content", templatesDisplay: "templates", cache: cache).build().site
        }
        let first = try build()
        let entries = try FileManager.default.contentsOfDirectory(atPath: cache.path)
        #expect(entries.count == 1)
        #expect(try build().files == first.files)
        try Data("{ broken".utf8).write(to: cache.appendingPathComponent(entries[0]))
        #expect(try build().files == first.files)
        #expect(try Data(contentsOf: cache.appendingPathComponent(entries[0])).first == UInt8(ascii: "{"))
        #expect(try String(contentsOf: cache.appendingPathComponent(entries[0]), encoding: .utf8).contains("\"activation-derivatives\""))
    }
}

@Suite("Site options")
struct SiteOptionsTests {
    func build(languages: [String]? = nil) throws -> Site {
        try SiteBuilder(content: SiteGoldenTests.fixture.appendingPathComponent("content"),
                        templates: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                        contentDisplay: "content", templatesDisplay: "templates", languages: languages).build().site
    }

    @Test("Files under content/assets are copied as they are, and lesson images point at them")
    func assets() throws {
        let site = try build()
        let original = try Data(contentsOf: SiteGoldenTests.fixture.appendingPathComponent("content/assets/dot.svg"))
        #expect(site.files["assets/dot.svg"] == original)
        #expect(site["en/first/index.html"]!.contains("<img src=\"../../assets/dot.svg\" alt=\"A dot\" />"))
    }

    @Test("--lang builds only the languages asked for; an unknown one is a located error")
    func languages() throws {
        let site = try build(languages: ["de"])
        #expect(site.paths.contains("de/first/index.html"))
        #expect(!site.paths.contains { $0.hasPrefix("en/") })
        #expect(throws: ContentFailure.self) { try build(languages: ["fr"]) }
    }
}

@Suite("Templates")
struct TemplateSetTests {
    @Test("A key one language's words add is a warning in the others; a broken template a located error")
    func i18n() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-templates-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"), to: folder)
        let en = folder.appendingPathComponent("i18n/en.json")
        var text = try String(contentsOf: en, encoding: .utf8)
        text = text.replacingOccurrences(of: "  \"home\": \"Home\",\n", with: "  \"home\": \"Home\",\n  \"glossary\": \"Glossary\",\n")
        try text.write(to: en, atomically: true, encoding: .utf8)
        let set = try TemplateSet.load(from: folder, displayRoot: "templates",
                                       languages: [Language("pt"), Language("de"), Language("en")])
        #expect(set.warnings.map(\.formatted) == [
            "templates/i18n/pt.json:1:1: warning: missing key 'glossary'; pages in pt will show it empty",
            "templates/i18n/de.json:1:1: warning: missing key 'glossary'; pages in de will show it empty",
        ])
        try "<p>{{#open}}</p>\n".write(to: folder.appendingPathComponent("index.mustache"), atomically: true, encoding: .utf8)
        #expect(throws: ContentFailure.self) {
            try TemplateSet.load(from: folder, displayRoot: "templates", languages: [Language("pt")])
        }
        do {
            _ = try TemplateSet.load(from: folder, displayRoot: "templates", languages: [Language("pt")])
        } catch {
            #expect(error.diagnostics.map(\.formatted) == ["templates/index.mustache:1:4: error: section 'open' is never closed; add {{/open}}"])
        }
    }
}
