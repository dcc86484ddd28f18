import Foundation
import Testing
import GradusContent
import GradusTestSupport
@testable import GradusRender

/// The build loads, compiles, renders, compares and writes on several threads, gathering results by index: the
/// site must not depend on how many there are or on which finishes first. Each course is built and written with
/// one worker and with several, and every byte of every file is compared; so is a rebuild that reuses a memo
/// (`gradus serve`) against a build from scratch.
@Suite("Builds on many threads")
struct ParallelBuildTests {
    static let root = TestEnvironment.packageRoot

    func build(_ content: URL, workers: Workers, baseURL: String? = "https://example.org/course/", memo: BuildMemo? = nil,
               cache: URL? = nil) throws -> SiteBuilder.Result {
        var builder = SiteBuilder(content: content, templates: Self.root.appendingPathComponent("templates"),
                                  contentDisplay: "content", templatesDisplay: "templates", baseURL: baseURL, cache: cache)
        builder.workers = workers
        builder.memo = memo
        return try builder.build()
    }

    /// Writes the site with `workers` into a new folder and reads every file back, by path.
    func written(_ site: Site, workers: Workers, in folder: URL) throws -> [String: Data] {
        _ = try SiteWriter(output: folder, workers: workers).write(site)
        var files: [String: Data] = [:]
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let path = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: folder.path + "/" + path, isDirectory: &isFolder), !isFolder.boolValue
            else { continue }
            files[path] = try Data(contentsOf: folder.appendingPathComponent(path))
        }
        return files
    }

    func compare(_ content: URL, cache: URL? = nil) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-parallel-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let one = try build(content, workers: .one, cache: cache)
        let many = try build(content, workers: Workers(8), cache: cache)
        #expect(one.site.paths == many.site.paths)
        for path in one.site.paths where one.site.files[path] != many.site.files[path] {
            Issue.record("\(path) differs between 1 and 8 workers")
        }
        #expect(one.warnings == many.warnings)
        let onDiskOne = try written(one.site, workers: .one, in: work.appendingPathComponent("one"))
        let onDiskMany = try written(many.site, workers: Workers(8), in: work.appendingPathComponent("many"))
        #expect(onDiskOne.keys.sorted() == onDiskMany.keys.sorted())
        #expect(onDiskOne.count == one.site.paths.count + 1, "every page and the manifest")
        for (path, data) in onDiskOne where onDiskMany[path] != data { Issue.record("\(path) differs on disk") }
    }

    @Test("This repository's course: one worker and eight give the same bytes in memory and on disk")
    func realCourse() throws {
        let cache = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-parallel-cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        try compare(Self.root.appendingPathComponent("content"), cache: cache)
    }

    @Test("A generated course of many lessons with quizzes, math, a missing translation and links between lessons")
    func generatedCourse() throws {
        let content = try Self.generatedCourse(lessons: 60)
        defer { try? FileManager.default.removeItem(at: content) }
        try compare(content)
    }

    @Test("A rebuild with the memo of earlier builds gives the same site as a build from scratch, after every edit")
    func memoRebuild() throws {
        let content = try Self.generatedCourse(lessons: 12)
        defer { try? FileManager.default.removeItem(at: content) }
        let memo = BuildMemo()
        let lesson = content.appendingPathComponent("lessons/0003-lesson-3.en.md")
        let edits: [(String, () throws -> Void)] = [
            ("nothing changed", {}),
            ("a lesson edited", { try (String(contentsOf: lesson, encoding: .utf8) + "\nOne more line.\n").write(to: lesson, atomically: true, encoding: .utf8) }),
            ("a lesson's title changed", {
                let text = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(of: "title: Lesson 3", with: "title: Third")
                try text.write(to: lesson, atomically: true, encoding: .utf8)
            }),
            ("a translation removed", { try FileManager.default.removeItem(at: content.appendingPathComponent("lessons/0005-lesson-5.de.md")) }),
            ("a lesson added", {
                try "---\ntitle: Late\n---\nA new lesson, see [three](0003-lesson-3.md).\n"
                    .write(to: content.appendingPathComponent("lessons/0099-late.en.md"), atomically: true, encoding: .utf8)
            }),
        ]
        for (what, edit) in edits {
            try edit()
            let remembered = try build(content, workers: Workers(4), memo: memo)
            let scratch = try build(content, workers: .one)
            #expect(remembered.site.files == scratch.site.files, "\(what)")
            #expect(remembered.warnings == scratch.warnings, "\(what)")
        }
    }

    /// A course in three languages with `lessons` lessons: headings, lists, code, math, a quiz, links to the next
    /// lesson, and one lesson without its German translation.
    static func generatedCourse(lessons: Int) throws -> URL {
        let content = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-parallel-course-\(UUID().uuidString)")
        let folder = content.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "languages: [en, de, pt]\ndefault: en\n".write(to: content.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        for language in ["en", "de", "pt"] {
            try "---\ntitle: Course \(language)\ndescription: Generated.\n---\nIntro with $x^2$.\n"
                .write(to: content.appendingPathComponent("course.\(language).md"), atomically: true, encoding: .utf8)
        }
        for number in 1...lessons {
            for language in ["en", "de", "pt"] where !(number == 7 && language == "de") {
                let next = number % lessons + 1
                let text = """
                ---
                title: Lesson \(number)
                summary: About <things> & "\(language)" \(number).
                ---
                Words of lesson \(number) in \(language), with **bold**, `code` and $a_\(number) + b$.

                ## Section one {#one}

                - an item \(number)
                - another item, see [the next lesson](\(String(format: "%04d", next))-lesson-\(next).md#one)

                ```python
                print(\(number))
                ```

                ## Section two

                $$\\sum_i x_i^\(number)$$

                ::: quiz
                ### Is \(number) a number?
                - [x] yes
                - [ ] no
                :::

                """
                try text.write(to: folder.appendingPathComponent(String(format: "%04d-lesson-%d.%@.md", number, number, language)),
                               atomically: true, encoding: .utf8)
            }
        }
        return content
    }
}
