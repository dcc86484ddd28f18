import Foundation
import Testing
import GradusTestSupport
@testable import GradusContent

@Suite("Content loading")
struct ContentLoaderTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    @Test("Every error of a broken course is reported at once, located, with what to do")
    func brokenCourse() {
        let loader = ContentLoader(root: Self.fixtures.appendingPathComponent("broken"), displayRoot: "content")
        #expect(throws: ContentFailure.self) { try loader.load() }
        do {
            _ = try loader.load()
        } catch {
            #expect(error.diagnostics.map(\.formatted) == [
                "content/course.yml:4:1: warning: unknown key 'colour' in course.yml; known keys: base_url, default, id, languages, quiz_attempts, seed",
                "content/lessons/01-one.pt.md:3:1: warning: unknown front matter key 'author'; known keys: source, summary, tags, title, weight",
                "content/lessons/02-two.en.md:1:1: warning: lesson 'two' has no pt translation; add lessons/02-two.pt.md",
                "content/lessons/03-two.en.md:1:1: error: two lessons have the slug 'two' (also content/lessons/02-two.en.md); rename one",
                "content/lessons/04-three.en.md:1:1: error: missing key 'title' in the front matter",
                "content/lessons/05-four.de.md:1:1: error: language 'de' is not in course.yml's languages: pt, en",
                "content/lessons/notes.md:1:1: error: lesson file names are NN-slug.LANG.md (e.g. 01-backpropagation.pt.md), found 'notes.md'",
            ])
        }
    }

    @Test("The real course loads with its languages, default and lessons in order")
    func realCourse() throws {
        let loader = ContentLoader(root: TestEnvironment.packageRoot.appendingPathComponent("content"), displayRoot: "content")
        let course = try loader.load()
        #expect(course.languages.map(\.code) == ["pt", "de", "en"])
        #expect(course.config.defaultLanguage.code == "pt")
        #expect(course.lessons.first?.slug == "backpropagation")
        #expect(course.lessons.allSatisfy { $0.translations.count == 3 })
        #expect(course.warnings.isEmpty)
    }

    @Test("A missing course.yml says what the folder should be")
    func missingConfig() {
        let loader = ContentLoader(root: Self.fixtures.appendingPathComponent("nothing-here"), displayRoot: "x")
        #expect(throws: ContentFailure.self) { try loader.load() }
        #expect((try? loader.load()) == nil)
    }
}
