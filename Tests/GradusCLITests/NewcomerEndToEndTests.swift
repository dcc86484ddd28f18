import Foundation
import Testing
import GradusTestSupport

/// A teacher's first hour with nothing but the built binary, in an empty folder far from this repository: start
/// a course in English and one in French, build, check, take the quiz, override one partial, and see the French
/// words on the page and in the terminal.
@Suite("A new course from the binary alone", .serialized)
struct NewcomerEndToEndTests {
    /// Runs the binary in `folder`, with a progress folder of the test's own.
    static func gradus(_ arguments: [String], in folder: URL, data: URL) throws -> ProcessResult {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        var environment = ProcessInfo.processInfo.environment
        environment["XDG_DATA_HOME"] = data.path
        environment["LANG"] = "C.UTF-8"
        return try runProcess(binary, arguments, environment: environment, in: folder)
    }

    @Test("init, build, check and quiz work in an English course with no templates folder")
    func english() throws {
        let home = try makeScratchFolder("gradus-newcomer")
        let data = home.appendingPathComponent("data")
        let started = try Self.gradus(["init", "optics", "--lang", "en", "--title", "Optics"], in: home, data: data)
        #expect(started.status == 0, "\(started.stderrText)")
        let course = home.appendingPathComponent("optics")
        #expect(!FileManager.default.fileExists(atPath: course.appendingPathComponent("templates").path))
        let built = try Self.gradus(["build"], in: course, data: data)
        #expect(built.status == 0, "\(built.stderrText)")
        #expect(!built.stderrText.contains("warning"), "\(built.stderrText)")
        let index = try String(contentsOf: course.appendingPathComponent("_site/index.html"), encoding: .utf8)
        #expect(index.contains("Optics"))
        #expect(index.contains("Getting started"), "one language: the root page is the contents")
        // From a folder inside the course, as a teacher editing a lesson would.
        let checked = try Self.gradus(["check"], in: course.appendingPathComponent("content/lessons"), data: data)
        #expect(checked.status == 0)
        #expect(checked.stdoutText == "gradus check: 0 errors, 0 warnings\n", "\(checked.stdoutText)")
        let quiz = try Self.gradus(["quiz", "--answers", "a,a,0.25,a,0.25,a", "--format", "json"], in: course, data: data)
        #expect(quiz.status == 0, "\(quiz.stderrText)")
        let result = try #require(try JSONSerialization.jsonObject(with: quiz.stdout) as? [String: Any])
        #expect((result["questions"] as? [Any])?.count == 6)
        #expect(try FileManager.default.contentsOfDirectory(atPath: data.appendingPathComponent("gradus/courses").path).count == 1)
    }

    @Test("A French course builds once its words are translated, shows them on the page and in the terminal, and keeps a partial of its own")
    func french() throws {
        let home = try makeScratchFolder("gradus-newcomer")
        let data = home.appendingPathComponent("data")
        #expect(try Self.gradus(["init", "cours", "--lang", "fr"], in: home, data: data).status == 0)
        let course = home.appendingPathComponent("cours")
        let words = course.appendingPathComponent("templates/i18n/fr.json")
        let untranslated = try Self.gradus(["check"], in: course, data: data)
        #expect(untranslated.stdoutText.contains("templates/i18n/fr.json:"), "each word to translate is listed")
        #expect(untranslated.stdoutText.contains("'search' is not translated yet"))
        // The teacher translates every word (here: those the test looks for) and empties the list.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: words)) as? [String: Any])
        #expect(object["decimal_separator"] as? String == ",", "French writes a decimal comma from the start")
        #expect(object["thousands_separator"] as? String == "\u{00A0}")
        #expect((object["_untranslated"] as? [String])?.contains("decimal_separator") == false)
        #expect((object["_untranslated"] as? [String])?.contains("search") == true)
        object["_untranslated"] = nil
        for (key, value) in Self.french { object[key] = value }
        try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys]).write(to: words)
        #expect(try Self.gradus(["theme", "eject", "partials/footer.mustache"], in: course, data: data).status == 0)
        let footer = course.appendingPathComponent("templates/partials/footer.mustache")
        try (try String(contentsOf: footer, encoding: .utf8) + "<p class=\"house\">Pied de page maison</p>\n")
            .write(to: footer, atomically: true, encoding: .utf8)
        let built = try Self.gradus(["build"], in: course, data: data)
        #expect(built.status == 0, "\(built.stderrText)")
        let page = try String(contentsOf: course.appendingPathComponent("_site/fr/getting-started/index.html"), encoding: .utf8)
        #expect(page.contains("Pied de page maison"))
        #expect(page.contains("Rechercher"))
        #expect(page.contains("Vrai"), "the true/false words come from fr.json")
        let checked = try Self.gradus(["check"], in: course, data: data)
        #expect(checked.status == 0)
        #expect(checked.stdoutText == "gradus check: 0 errors, 0 warnings\n", "\(checked.stdoutText)")
        let quiz = try Self.gradus(["quiz", "--answers", "a,a,0.25,a,0.25,a"], in: course, data: data)
        #expect(quiz.status == 0, "\(quiz.stderrText)")
        #expect(quiz.stdoutText.contains("Premiers pas"), "\(quiz.stdoutText)")
        #expect(quiz.stdoutText.contains("Vrai"), "\(quiz.stdoutText)")
    }

    /// French words for the keys the test looks for.
    static let french: [String: String] = [
        "language_name": "Français", "html_lang": "fr", "search": "Rechercher", "quiz_true": "Vrai", "quiz_false": "Faux",
    ]
}
