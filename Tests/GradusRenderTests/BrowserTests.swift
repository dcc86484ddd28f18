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
        #expect(report["chart_label"] as? String == "Funções de ativação e suas derivadas")
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
        #expect(report["background_light"] as? String != report["background_dark"] as? String)
        #expect((report["console_errors"] as? [String])?.isEmpty == true, "\(report["console_errors"] ?? "")")
        for name in ["lesson-light-phone", "lesson-light-desktop", "lesson-dark-phone", "lesson-dark-desktop"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("\(name).png").path))
        }
    }

    @Test("A lesson page with its stylesheet and scripts weighs under 100 kB (search index apart)")
    func weight() throws {
        let root = TestEnvironment.packageRoot
        let site = try SiteBuilder(content: root.appendingPathComponent("content"),
                                   templates: root.appendingPathComponent("templates"),
                                   contentDisplay: "content", templatesDisplay: "templates").build().site
        for language in ["pt", "de", "en"] {
            let bytes = ["\(language)/backpropagation/index.html", "static/style.css", "static/quiz.js", "static/search.js"]
                .map { site.files[$0]?.count ?? 0 }.reduce(0, +)
            #expect(bytes > 10_000)
            #expect(bytes < 100_000, "\(language): \(bytes) bytes")
        }
    }
}
