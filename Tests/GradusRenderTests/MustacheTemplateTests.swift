import Foundation
import Testing
@testable import GradusRender
import GradusTestSupport

/// Behaviour beyond the spec's cases: escaping of `'`, value texts, truthiness, hostile sizes, one buffer.
@Suite("Mustache templates")
struct MustacheTemplateTests {
    private func render(_ source: String, _ data: MustacheValue) throws -> String {
        try MustacheTemplate(source: source, name: "t").render(data)
    }

    @Test("Escaped variables escape all five HTML-special characters, raw ones none")
    func escaping() throws {
        let data: MustacheValue = ["v": "<a href=\"x\" title='y'>&</a>"]
        #expect(try render("{{v}}", data) == "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;")
        #expect(try render("{{{v}}}|{{&v}}", data) == "<a href=\"x\" title='y'>&</a>|<a href=\"x\" title='y'>&</a>")
    }

    @Test("Non-ASCII text passes through byte for byte")
    func unicode() throws {
        #expect(try render("∂L/∂w = {{v}} — {{w}}", ["v": "σ′(x) ≤ ¼", "w": "Übung 🎓"])
                == "∂L/∂w = σ′(x) ≤ ¼ — Übung 🎓")
    }

    @Test("Numbers render as JavaScript's String(x) does")
    func numbers() {
        // Expected values follow ECMAScript's Number::toString, worked out by hand.
        let cases: [(Double, String)] = [
            (85, "85"), (-3, "-3"), (1.21, "1.21"), (0.1 + 0.2, "0.30000000000000004"), (0.5, "0.5"),
            (-0.25, "-0.25"), (1e-6, "0.000001"), (1.5e-7, "1.5e-7"), (3.1e-06, "0.0000031"),
            (123456789012, "123456789012"), (1e20, "100000000000000000000"), (1e21, "1e+21"),
            (2.5e25, "2.5e+25"), (-0.0, "0"), (.infinity, "Infinity"), (-.infinity, "-Infinity"), (.nan, "NaN"),
            (1234.5678, "1234.5678"), (9007199254740992, "9007199254740992"), (4.35, "4.35"),
        ]
        for (value, expected) in cases {
            #expect(MustacheValue.format(value) == expected, "\(value)")
        }
    }

    @Test("Booleans render as words, null and objects as nothing, lists joined by commas")
    func valueTexts() throws {
        #expect(try render("{{t}} {{f}} [{{n}}] [{{o}}] {{l}}",
                           ["t": true, "f": false, "n": nil, "o": ["a": 1], "l": [1, "x", 2.5]])
                == "true false [] [] 1,x,2.5")
    }

    @Test("Sections skip false, null, zero, the empty string and the empty list")
    func truthiness() throws {
        let data: MustacheValue = ["f": false, "n": nil, "z": 0, "e": "", "l": [], "o": [:], "s": "x", "one": 1]
        #expect(try render("{{#f}}f{{/f}}{{#n}}n{{/n}}{{#z}}z{{/z}}{{#e}}e{{/e}}{{#l}}l{{/l}}", data) == "")
        #expect(try render("{{#o}}o{{/o}}{{#s}}s{{/s}}{{#one}}1{{/one}}", data) == "os1")
        #expect(try render("{{^z}}Z{{/z}}{{^e}}E{{/e}}{{^o}}O{{/o}}", data) == "ZE")
    }

    @Test("A template renders the same way many times and appends to one buffer")
    func renderManyTimes() throws {
        let template = try MustacheTemplate(source: "<li>{{.}}</li>\n", name: "item")
        var buffer: [UInt8] = []
        for item in ["a", "b&c", "d"] { try template.render(.string(item), partials: { _ in nil }, into: &buffer) }
        #expect(String(decoding: buffer, as: UTF8.self) == "<li>a</li>\n<li>b&amp;c</li>\n<li>d</li>\n")
    }

    @Test("Sections nest up to the documented depth; deeper nesting is a located error")
    func deepNesting() throws {
        let depth = MustacheTemplate.maximumSectionDepth
        func nested(_ depth: Int) -> String {
            String(repeating: "{{#a}}", count: depth) + "{{x}}" + String(repeating: "{{/a}}", count: depth)
        }
        let template = try MustacheTemplate(source: nested(depth), name: "deep")
        #expect(try template.render(["a": true, "x": "bottom"]) == "bottom")
        #expect(try template.render(["a": false, "x": "bottom"]) == "")
        #expect(throws: MustacheError(name: "deep", line: 1, column: 6 * depth + 1,
                                      message: "sections nest deeper than 100 levels; move the inner part into a "
                                          + "partial or flatten the data")) {
            try MustacheTemplate(source: nested(100_000), name: "deep")
        }
    }

    @Test("Hostile inputs of a megabyte are handled in one pass")
    func hostileInputs() throws {
        let n = 1 << 20
        // Unclosed openers: the first one is reported; the scanner does not retry from each one.
        #expect(throws: MustacheError.self) { try MustacheTemplate(source: String(repeating: "{{", count: n / 2), name: "h") }
        // Many lone braces and tags on one line: plain text and variables, linear work.
        let braces = String(repeating: "{ }", count: n / 3)
        #expect(try render(braces, [:]) == braces)
        let tags = String(repeating: "{{a}}", count: n / 5)
        #expect(try render(tags, ["a": "1"]) == String(repeating: "1", count: n / 5))
    }

    @Test("Objects keep the key order of their literal and of their JSON")
    func keyOrder() throws {
        let literal: MustacheObject = ["zeta": 1, "alpha": 2, "mid": 3]
        #expect(literal.keys == ["zeta", "alpha", "mid"])
        let json = try MustacheValue(jsonText: #"{"z": 1, "a": {"y": 2, "b": 3}, "m": 4, "z": 5}"#)
        guard case .object(let object) = json, case .object(let inner)? = object["a"] else {
            Issue.record("not an object: \(json)")
            return
        }
        #expect(object.keys == ["z", "a", "m"])
        #expect(object["z"] == 5)
        #expect(inner.keys == ["y", "b"])
    }

    @Test("A library renders its templates with one another as partials")
    func library() throws {
        let library = try MustacheLibrary(sources: [
            "page": "<h1>{{title}}</h1>\n{{#lessons}}\n  {{> partials/item}}\n{{/lessons}}\n",
            "partials/item": "<li>{{slug}}</li>\n",
        ])
        #expect(try library.render("page", ["title": "Gradus", "lessons": [["slug": "a"], ["slug": "b"]]])
                == "<h1>Gradus</h1>\n  <li>a</li>\n  <li>b</li>\n")
        #expect(throws: MustacheError(name: "nope", line: 1, column: 1,
                                      message: "no template named 'nope'; the library has page, partials/item")) {
            try library.render("nope", [:])
        }
    }

    @Test("A lesson page template renders as its golden file")
    func goldenPage() throws {
        let library = try MustacheLibrary(sources: [
            "page": """
                <!DOCTYPE html>
                <html lang="{{lang}}">
                <head><title>{{title}} · {{course.title}}</title></head>
                <body>
                  {{> nav}}
                  <main>
                    {{{body}}}
                    {{#quiz.count}}
                    <p class="quiz">{{quiz.count}} {{i18n.questions}}</p>
                    {{/quiz.count}}
                    {{^quiz.count}}
                    <p>{{i18n.noQuiz}}</p>
                    {{/quiz.count}}
                  </main>
                </body>
                </html>

                """,
            "nav": """
                <nav>
                  {{! one entry per lesson; the current one is marked }}
                  {{#lessons}}
                  <a href="{{root}}{{slug}}/index.html"{{#current}} aria-current="page"{{/current}}>{{number}}. {{title}}</a>
                  {{/lessons}}
                </nav>

                """,
        ])
        let data: MustacheValue = [
            "lang": "pt-BR", "title": "Gradientes que somem", "root": "../",
            "course": ["title": "Gradus"],
            "body": "<p>A derivada de σ é <math><mi>σ</mi></math> &amp; mais.</p>",
            "quiz": ["count": 3],
            "i18n": ["questions": "perguntas", "noQuiz": "Sem perguntas"],
            "lessons": [
                ["slug": "backpropagation", "number": 1, "title": "Retropropagação", "current": false],
                ["slug": "vanishing", "number": 2, "title": "Gradientes \"que somem\" & <explodem>", "current": true],
            ],
        ]
        let html = try library.render("page", data)
        if let mismatch = Golden.mismatch(html, named: "mustache/lesson-page.html") { Issue.record("\(mismatch)") }
    }
}
