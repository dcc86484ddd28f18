import Foundation
import Testing
import GradusTestSupport
import GradusContent

/// Inputs far beyond any real lesson, run through the real debug binary under a memory cap (`ulimit -v`) and a
/// wall-time limit: each must end with a result or a located error, never a crash, a hang or a stack overflow
/// (which would end the child with a signal). Release timings are in docs/errors.md's closing section.
@Suite("Size limits", .serialized)
struct SizeLimitTests {
    static let memoryMB = 4096

    /// A one-language course in a fresh folder with the repository's templates; `lessons` maps file names to text.
    static func course(_ lessons: [String: String]) throws -> URL {
        let root = try makeScratchFolder("gradus-size")
        let content = root.appendingPathComponent("content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        try "languages: [en]\ndefault: en\n".write(to: content.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        try "---\ntitle: Big\ndescription: Limits.\n---\nHello.\n"
            .write(to: content.appendingPathComponent("course.en.md"), atomically: true, encoding: .utf8)
        for (name, text) in lessons {
            try text.write(to: content.appendingPathComponent("lessons/\(name)"), atomically: true, encoding: .utf8)
        }
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        return root
    }

    static func binary() throws -> URL {
        try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
    }

    /// Asserts the run ended on its own (no signal, no time-out) and returns it.
    @discardableResult
    static func bounded(_ arguments: [String], in folder: URL, seconds: Double) throws -> BoundedResult {
        let run = try runBounded(try binary(), arguments, memoryMB: memoryMB, seconds: seconds, in: folder)
        #expect(!run.timedOut, "\(arguments) ran past \(seconds) s")
        #expect(!run.signaled, "\(arguments) died of a signal: \(run.result.stderrText.suffix(500))")
        return run
    }

    @Test("A 50 MB lesson renders completely within the memory cap")
    func fiftyMegabytes() throws {
        let block = "## Section {#s}\n\nThe *chain rule* gives $\\frac{\\partial L}{\\partial w}$, see [the start](#s) and `code`.\n\n"
            + "- an item with **bold**\n- another <b>raw</b> item\n\n> a quote\n\n"
        let count = 50_000_000 / block.utf8.count + 1
        let folder = try makeScratchFolder("gradus-50mb")
        let file = folder.appendingPathComponent("big.md")
        try String(repeating: block, count: count).write(to: file, atomically: false, encoding: .utf8)
        let run = try Self.bounded(["markdown", file.path], in: folder, seconds: 240)
        #expect(run.result.status == 0)
        let html = run.result.stdout
        #expect(html.count > 50_000_000)
        // The last block, its raw HTML dropped as cmark does in safe mode.
        let last = "<li>another <!-- raw HTML omitted -->raw<!-- raw HTML omitted --> item</li>\n</ul>\n"
            + "<blockquote>\n<p>a quote</p>\n</blockquote>\n"
        #expect(String(decoding: html.suffix(last.utf8.count), as: UTF8.self) == last)
    }

    @Test("A lesson with 100 000 links to another lesson builds; one broken link among them is a located error")
    func hundredThousandLinks() throws {
        let links = String(repeating: "See [the end](02-b.md#end) and [here](#top).\n", count: 100_000)
        let first = "---\ntitle: Links\n---\n## Top {#top}\n\n" + links
        let second = "---\ntitle: B\n---\n## End {#end}\n\nDone.\n"
        let root = try Self.course(["01-a.en.md": first, "02-b.en.md": second])
        let good = try Self.bounded(["build"], in: root, seconds: 240)
        #expect(good.result.status == 0, "\(good.result.stderrText.prefix(500))")
        // One pass over the 7.5 MB page: Foundation's Data.range(of:in:) copies the whole buffer on every call on
        // Linux, which made a loop over the matches take ten minutes under AddressSanitizer.
        let page = try String(contentsOf: root.appendingPathComponent("_site/en/a/index.html"), encoding: .utf8)
        #expect(page.ranges(of: "href=\"../b/index.html#end\"").count == 100_000)

        // The 100 001st line of that one paragraph: the error names the link's own line and column.
        let broken = first + "And [a broken one](02-b.md#nowhere).\n"
        try broken.write(to: root.appendingPathComponent("content/lessons/01-a.en.md"), atomically: true, encoding: .utf8)
        let bad = try Self.bounded(["build"], in: root, seconds: 240)
        #expect(bad.result.status == 65)
        #expect(bad.result.stderrText.contains("content/lessons/01-a.en.md:100006:5: error: broken link"), "\(bad.result.stderrText.prefix(500))")
    }

    @Test("A 50 MB lesson is a located size error from build and check within 10 s; a lesson at the limit loads")
    func fiftyMegabyteLesson() throws {
        let section = "## Section {#s}\n\nText with $x^2$ and `code`.\n\n- an item\n- another\n\n"
        var big = "---\ntitle: Big\n---\n" + String(repeating: section, count: 50_000_000 / section.utf8.count)
        big += String(repeating: "x", count: 50_200_000 - big.utf8.count - 1) + "\n"
        #expect(big.utf8.count == 50_200_000)
        let root = try Self.course(["01-big.en.md": big])
        let message = "content/lessons/01-big.en.md:1:1: error: the file is 50.2 MB, and text files are limited "
            + "to 16 MB; split it into smaller files (a lesson into several lessons)"
        for command in ["build", "check"] {
            let run = try Self.bounded([command], in: root, seconds: 10)
            #expect(run.result.status == 65)
            #expect(run.result.stderrText.contains(message) || run.result.stdoutText.contains(message),
                    "\(run.result.stderrText.prefix(500))\(run.result.stdoutText.prefix(500))")
        }
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path))

        let url = root.appendingPathComponent("limit.md")
        try Data(repeating: UInt8(ascii: "a"), count: InputFiles.textLimit).write(to: url)
        #expect(InputFiles.text(url).map(\.utf8.count) == .success(InputFiles.textLimit))
        try Data(repeating: UInt8(ascii: "a"), count: InputFiles.textLimit + 1).write(to: url)
        #expect(InputFiles.text(url).map(\.utf8.count) == .failure(.tooLarge(bytes: InputFiles.textLimit + 1)))
    }

    @Test("A 10 000-level nested list renders by `markdown` and builds as a lesson", arguments: ["- ", "1. ", "> - "])
    func deepList(marker: String) throws {
        let depth = 10_000
        let body = String(repeating: marker, count: depth) + "deep\n"
        let root = try Self.course(["01-deep.en.md": "---\ntitle: Deep\n---\n" + body])
        let file = root.appendingPathComponent("deep.md")
        try body.write(to: file, atomically: true, encoding: .utf8)
        let markdown = try Self.bounded(["markdown", file.path], in: root, seconds: 120)
        #expect(markdown.result.status == 0)
        let tag = marker == "1. " ? "<ol>" : "<ul>"
        #expect(markdown.result.stdoutText.components(separatedBy: tag).count - 1 == depth)
        let build = try Self.bounded(["build"], in: root, seconds: 120)
        #expect(build.result.status == 0, "\(build.result.stderrText.prefix(500))")
        let page = try String(contentsOf: root.appendingPathComponent("_site/en/deep/index.html"), encoding: .utf8)
        #expect(page.contains("<li>deep</li>"))
        #expect(page.components(separatedBy: tag).count - 1 >= depth, "the template may add lists of its own")
    }

    @Test("A partial that includes itself, directly or through another inside sections, is a located template error")
    func recursivePartials() throws {
        let folder = try makeScratchFolder("gradus-partials")
        try "{\"items\": [1, 2], \"x\": {\"items\": [3]}}".write(to: folder.appendingPathComponent("data.json"),
                                                               atomically: true, encoding: .utf8)
        try "head\n{{> self}}\n".write(to: folder.appendingPathComponent("self.mustache"), atomically: true, encoding: .utf8)
        try "{{#items}}{{> b}}{{/items}}".write(to: folder.appendingPathComponent("a.mustache"), atomically: true, encoding: .utf8)
        try "{{#x}}[{{> a}}]{{/x}}".write(to: folder.appendingPathComponent("b.mustache"), atomically: true, encoding: .utf8)
        let direct = try Self.bounded(["mustache", "self.mustache", "data.json"], in: folder, seconds: 60)
        #expect(direct.result.status == 65)
        #expect(direct.result.stderrText.hasPrefix("self.mustache:2:1: error:"), "\(direct.result.stderrText)")
        let mutual = try Self.bounded(["mustache", "a.mustache", "data.json"], in: folder, seconds: 60)
        #expect(mutual.result.status == 65)
        #expect(mutual.result.stderrText.contains(".mustache:1:"), "\(mutual.result.stderrText.prefix(500))")
        #expect(mutual.result.stderrText.contains("error:"))

        let root = try Self.course(["01-a.en.md": "---\ntitle: A\n---\nText.\n"])
        let header = root.appendingPathComponent("templates/partials/header.mustache")
        try ("{{#title}}{{> partials/header}}{{/title}}\n" + String(contentsOf: header, encoding: .utf8))
            .write(to: header, atomically: true, encoding: .utf8)
        let build = try Self.bounded(["build"], in: root, seconds: 120)
        #expect(build.result.status == 65)
        #expect(build.result.stderrText.contains("templates/partials/header.mustache:1:"), "\(build.result.stderrText.prefix(500))")
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("_site").path))
    }
}
