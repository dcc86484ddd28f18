import Foundation
import Testing
@testable import GradusRender
import GradusTestSupport

/// `Mustache.render(templateAt:dataAt:partialsIn:)`, the core of `gradus mustache`, and `MustacheLibrary(folder:)`,
/// on real files in a temporary folder.
@Suite("Mustache files")
struct MustacheFileTests {
    /// A fresh folder with `files` (relative path → contents); removed by the caller.
    private func folder(_ files: [String: String]) throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-mustache-\(UUID())")
        for (path, contents) in files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        return root
    }

    @Test("Partials come from the template's folder, .mustache before .html, missing ones render empty")
    func partialsBesideTheTemplate() throws {
        let root = try folder([
            "page.mustache": "[{{> head}}|{{> foot}}|{{> missing}}]\n",
            "head.mustache": "H:{{title}}",
            "head.html": "wrong",
            "foot.html": "F:{{#tags}}{{.}};{{/tags}}",
            "data.json": #"{"title": "Vanishing <gradients>", "tags": ["σ", "tanh"]}"#,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try Mustache.render(templateAt: root.appendingPathComponent("page.mustache"),
                                         dataAt: root.appendingPathComponent("data.json"))
        #expect(output == "[H:Vanishing &lt;gradients&gt;|F:σ;tanh;|]\n")
    }

    @Test("An explicit partials folder is used instead of the template's")
    func partialsFolder() throws {
        let root = try folder([
            "t/page.mustache": "{{> nav}}",
            "t/nav.mustache": "beside",
            "p/nav.html": "from p: {{n}}",
            "d.json": #"{"n": 1.5}"#,
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let output = try Mustache.render(templateAt: root.appendingPathComponent("t/page.mustache"),
                                         dataAt: root.appendingPathComponent("d.json"),
                                         partialsIn: root.appendingPathComponent("p"))
        #expect(output == "from p: 1.5")
    }

    @Test("Errors in a partial and in the JSON name their files")
    func locatedFileErrors() throws {
        let root = try folder([
            "page.mustache": "ok\n{{> bad}}",
            "bad.mustache": "line one\n  {{#open}}",
            "good.json": "{}",
            "broken.json": "{\n  \"a\": [1, 2,]\n}",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let page = root.appendingPathComponent("page.mustache")
        #expect(throws: MustacheError(name: root.appendingPathComponent("bad.mustache").relativePath, line: 2,
                                      column: 3, message: "section 'open' is never closed; add {{/open}}")) {
            try Mustache.render(templateAt: page, dataAt: root.appendingPathComponent("good.json"))
        }
        #expect(throws: MustacheError(name: root.appendingPathComponent("broken.json").relativePath, line: 2,
                                      column: 14, message: "unexpected character; expected a JSON value")) {
            try Mustache.render(templateAt: page, dataAt: root.appendingPathComponent("broken.json"))
        }
    }

    @Test("A library loads a folder's templates by relative name and uses them as partials")
    func libraryFromFolder() throws {
        let root = try folder([
            "page.html": "<ul>\n{{#items}}\n  {{> partials/item}}\n{{/items}}\n</ul>\n",
            "partials/item.mustache": "<li>{{.}}</li>\n",
            "partials/item.html": "never used",
            "i18n/pt.json": "{}",
            ".hidden.mustache": "{{#broken",
        ])
        defer { try? FileManager.default.removeItem(at: root) }
        let library = try MustacheLibrary(folder: root)
        #expect(library.templates.keys.sorted() == ["page", "partials/item"])
        #expect(try library.render("page", ["items": ["a", "b"]]) == "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n")
    }
}
