import Foundation
import Testing
import GradusTestSupport
@testable import GradusRender

/// The lesson page as a reader meets it, in a real browser (Debian's chromium and chromium-driver, driven by
/// Selenium from Tests/GradusRenderTests/Browser/lesson_page.py). Screenshots go to .build/screenshots/.
@Suite("Lesson page in a browser")
struct BrowserTests {
    static var available: Bool {
        TestEnvironment.wants("chromium") && TestEnvironment.wants("chromedriver") && TestEnvironment.wantsPython("selenium")
    }

    static func builtSite() throws -> URL {
        let root = TestEnvironment.packageRoot
        let site = try SiteBuilder(content: root.appendingPathComponent("content"),
                                   templates: root.appendingPathComponent("templates"),
                                   contentDisplay: "content", templatesDisplay: "templates").build().site
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-browser-\(UUID().uuidString)")
        _ = try SiteWriter(output: folder).write(site)
        return folder
    }

    @Test("Math, chart, quiz by keyboard, remembered answers, accent-folding search, dark mode, no console errors",
          .enabled(if: available))
    func lessonPage() throws {
        let python = try #require(TestEnvironment.tool("python3"))
        let site = try Self.builtSite()
        let script = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Browser/lesson_page.py")
        let shots = TestEnvironment.packageRoot.appendingPathComponent(".build/screenshots")
        let run = try runProcess(python, [script.path, site.path, shots.path])
        try #require(run.status == 0, "the browser script failed:\n\(run.stderrText)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        #expect(report["lang"] as? String == "pt-BR")
        #expect((report["math"] as? Int ?? 0) > 10)
        #expect((report["mathml_fraction"] as? Int ?? 0) >= 4)
        #expect((report["chart_paths"] as? Int ?? 0) >= 1)
        #expect(report["chart_label"] as? String == "Funções de ativação e suas derivadas; σ′ atinge o máximo de 0,25 em x = 0.")
        #expect(report["table_headers"] as? [String] == ["x", "σ(x)", "σ′(x)"])
        #expect(report["wrong_feedback"] as? String == "Você errou! Tente novamente. (resta 1 tentativa)")
        #expect(report["details_shown_after_wrong"] as? Bool == false)
        #expect(report["right_feedback"] as? String == "Você acertou! Parabéns.")
        #expect(report["live_region"] as? String == "polite")
        #expect(report["details_open_after_right"] as? Bool == true)
        #expect(report["why_texts"] as? Int == 3)
        #expect(report["remembered"] as? String == "Você acertou! Parabéns.")
        #expect((report["search_first"] as? String)?.isEmpty == false)
        let mark = (report["search_mark"] as? String ?? "").folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        #expect(mark == "funcao" || mark == "funcoes", "the passage shows the accented word found without accents")
        #expect(report["shards_before"] as? Int == 0, "no lesson text before a search")
        let lessons = try #require(report["result_lessons"] as? [String])
        #expect(!lessons.isEmpty)
        let shardOf = try #require(report["shard_of_lesson"] as? [String: String])
        #expect(report["shards_loaded"] as? [String] == Set(lessons.compactMap { shardOf[$0] }).sorted(),
                "the shards holding the results' lessons, and no other")
        #expect(report["background_light"] as? String != report["background_dark"] as? String)
        #expect((report["console_errors"] as? [String])?.isEmpty == true, "\(report["console_errors"] ?? "")")
        for name in ["lesson-light-phone", "lesson-light-desktop", "lesson-dark-phone", "lesson-dark-desktop"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("\(name).png").path))
        }
    }

    /// Every page at 320, 390 and 1280 px, light and dark, read by Tests/GradusRenderTests/Browser/reading.py
    /// (see there for each check), served over HTTP. Screenshots go to .build/screenshots/reading/.
    @Test("Every page on every screen: no sideways scrolling, readable charts, whole captions, named charts, h1 first, contrast, search",
          .enabled(if: available))
    func reading() throws {
        let python = try #require(TestEnvironment.tool("python3"))
        let site = try Self.builtSite()
        let script = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Browser/reading.py")
        let shots = TestEnvironment.packageRoot.appendingPathComponent(".build/screenshots/reading")
        let run = try runProcess(python, [script.path, site.path, shots.path])
        try #require(run.status == 0, "the browser script failed:\n\(run.stderrText)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
        let problems = try #require(report["problems"] as? [String: [String]])
        for check in ["overflow", "chart_text", "captions", "charts", "headings", "contrast", "structure", "switcher",
                      "search", "console"] {
            let found = try #require(problems[check], "no report for \(check)")
            #expect(found.isEmpty, "\(check): \(found.count) problems, first: \(found.prefix(5).joined(separator: "; "))")
        }
        let facts = try #require(report["facts"] as? [String: Any])
        #expect((facts["pages"] as? Int ?? 0) >= 6 * 35, "every page at three widths in two schemes")
        #expect((facts["charts"] as? Int ?? 0) >= 60)
        #expect((facts["captions"] as? Int ?? 0) >= 75)
        #expect((facts["code_blocks"] as? Int ?? 0) >= 6)
        #expect((facts["min_chart_font"] as? Double ?? 0) >= 11)
        #expect((facts["math_font"] as? String ?? "").hasPrefix("\"STIX Two Math\""))
        let search = try #require(facts["search"] as? [String: [String: Any]])
        #expect(search.count == 6)
        for (screen, found) in search {
            let status = found["status"] as? String ?? ""
            #expect(status.wholeMatch(of: /[1-9][0-9]* resultados? para “regra da cadeia”/) != nil, "\(screen): \(status)")
            #expect(found["none"] as? String == "No results for “zzqx”", "\(screen)")
            #expect((found["root_languages"] as? [String])?.contains("en") == true, "\(screen)")
            #expect(found["accent_mark"] as? String == "funcoes" || found["accent_mark"] as? String == "funcao", "\(screen)")
        }
    }

    /// What a reader downloads: every lesson page with its stylesheet and scripts, compressed as any web server
    /// sends them (gzip -6); the search index is apart, loaded on the first search.
    @Test("Every lesson page with its stylesheet and scripts downloads in under 40 kB gzipped (search index apart)",
          .enabled(if: TestEnvironment.wants("gzip")))
    func weight() throws {
        let root = TestEnvironment.packageRoot
        let site = try SiteBuilder(content: root.appendingPathComponent("content"),
                                   templates: root.appendingPathComponent("templates"),
                                   contentDisplay: "content", templatesDisplay: "templates").build().site
        let gzip = try #require(TestEnvironment.tool("gzip"))
        func gzipped(_ path: String) throws -> Int {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-weight-\(UUID().uuidString)")
            try #require(site.files[path]).write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            return try runProcess(gzip, ["-c", "-6", file.path]).stdout.count
        }
        let shared = try ["static/style.css", "static/quiz.js", "static/search.js", "static/page.js", "static/favicon.svg"]
            .map(gzipped).reduce(0, +)
        let pages = site.files.keys.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 3 }
        #expect(pages.count >= 30)
        for page in pages.sorted() {
            let bytes = try gzipped(page) + shared
            #expect(bytes > 5_000)
            #expect(bytes < 40_000, "\(page): \(bytes) bytes gzipped")
        }
    }

    /// Search comes in two parts: the index proper (titles, headings, a dictionary of folded words and the
    /// sections they occur in), loaded on the first search, and text shards of a few lessons each, loaded only when
    /// one of their results is shown. The index proper must stay under 25 kB gzipped per language, and under 1.5 kB
    /// a lesson.
    @Test("Each language's search index is loaded on first use, under 25 kB gzipped, its text in shards of a few lessons, no TeX",
          .enabled(if: TestEnvironment.wants("gzip")))
    func searchIndexWeight() throws {
        let root = TestEnvironment.packageRoot
        let site = try SiteBuilder(content: root.appendingPathComponent("content"),
                                   templates: root.appendingPathComponent("templates"),
                                   contentDisplay: "content", templatesDisplay: "templates").build().site
        let gzip = try #require(TestEnvironment.tool("gzip"))
        func gzipped(_ data: Data) throws -> Int {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-index-\(UUID().uuidString).js")
            try data.write(to: file)
            defer { try? FileManager.default.removeItem(at: file) }
            let run = try runProcess(gzip, ["-c", "-6", file.path])
            try #require(run.status == 0)
            return run.stdout.count
        }
        let tex = /\\\\(frac|partial|sigma|mathbf|cdot|sum|left|right|sqrt|text)\b/
        for language in ["pt", "de", "en"] {
            let index = try #require(site.files["static/search-\(language).js"])
            let slugs = Set(site.files.keys.filter { $0.hasPrefix("\(language)/") && $0.hasSuffix("/index.html") }
                .map { $0.split(separator: "/") }.filter { $0.count == 3 }.map { String($0[1]) })
            #expect(slugs.count >= 14)
            let bytes = try gzipped(index)
            #expect(bytes < 25_000, "\(language): \(bytes) bytes gzipped for \(slugs.count) lessons")
            // Room to grow: each lesson adds about 1.3 kB, so a few more lessons still fit.
            #expect(bytes < 1_500 * slugs.count, "\(language): \(bytes) bytes gzipped for \(slugs.count) lessons")
            let text = String(decoding: index, as: UTF8.self)
            #expect(text.firstMatch(of: tex) == nil, "math is Unicode, not TeX")
            // Each lesson's text is in exactly one shard, the one the index names; a shard holds a few lessons.
            let shards = Set(site.files.keys.filter { $0.hasPrefix("static/search/\(language)/") })
            #expect(shards.count >= 2 && shards.count < slugs.count, "\(language): \(shards.count) shards")
            let numbers = try #require(text.firstMatch(of: /"shards": \[([0-9,]*)\]/)).output.1.split(separator: ",")
            let order = try #require(text.firstMatch(of: /"lessons": \[(.*)\],\n/)).output.1
                .matches(of: /"([a-z0-9-]+)","/).map { String($0.output.1) }
            #expect(Set(order) == slugs && numbers.count == order.count)
            for (slug, number) in zip(order, numbers) {
                let holders = shards.filter { site[$0]!.contains("window.GRADUS_SEARCH_TEXT[\"\(language)/\(slug)\"]") }
                #expect(holders == ["static/search/\(language)/\(number).js"], "\(language)/\(slug)")
            }
            for shard in shards {
                let script = String(decoding: site.files[shard]!, as: UTF8.self)
                #expect(script.firstMatch(of: tex) == nil, "\(shard): math is Unicode, not TeX")
                #expect(try gzipped(site.files[shard]!) < 20_000, "\(shard): a few lessons, not the course")
            }
            // Neither part is loaded by a page itself: search.js asks for them.
            for slug in slugs {
                let page = try #require(site["\(language)/\(slug)/index.html"])
                #expect(!page.contains("search-\(language).js\""), "not loaded by the page itself")
                #expect(!page.contains("static/search/"), "no shard loaded by the page itself")
            }
        }
    }
}
