import Foundation
import Testing
@testable import GradusRender
import GradusTestSupport

/// Every compile and render error names `template:line:column` (1-based, columns in Unicode scalars) and
/// says what to do. Positions are counted by hand from the templates below.
@Suite("Mustache errors")
struct MustacheErrorTests {
    private func compileError(_ source: String) -> String {
        do {
            _ = try MustacheTemplate(source: source, name: "t.mustache")
            return "no error"
        } catch {
            return error.description
        }
    }

    @Test("An unclosed tag is reported at its opening delimiter")
    func unclosedTag() {
        #expect(compileError("Hi\n  {{name") == "t.mustache:2:3: error: tag is never closed; expected '}}'")
        #expect(compileError("{{{raw}}") == "t.mustache:1:1: error: tag is never closed; expected '}}}'")
    }

    @Test("Columns count Unicode scalars, not bytes")
    func columnsCountScalars() {
        #expect(compileError("σ′ é {{/x}}")
                == "t.mustache:1:6: error: {{/x}} closes a section that was never opened")
    }

    @Test("A section never closed is reported at its opening tag")
    func unclosedSection() {
        #expect(compileError("a\n{{#items}}\n{{#inner}}{{/inner}}\n")
                == "t.mustache:2:1: error: section 'items' is never closed; add {{/items}}")
    }

    @Test("A closing tag that does not match names both tags")
    func mismatchedClose() {
        #expect(compileError("{{#a}}\n {{#b}}{{/a}}") == "t.mustache:2:8: error: {{/a}} does not match the open "
                + "section 'b' (opened at 2:2); close it with {{/b}} first")
    }

    @Test("Empty names, names with spaces and dotted names with empty parts are refused")
    func badNames() {
        #expect(compileError("x{{ }}") == "t.mustache:1:2: error: empty tag; expected a name such as {{title}}")
        #expect(compileError("{{#a b}}{{/a b}}") == "t.mustache:1:1: error: name 'a b' contains whitespace")
        #expect(compileError("{{a..b}}") == "t.mustache:1:1: error: name 'a..b' has an empty part; write keys "
                + "joined by single dots, as in page.title")
        #expect(compileError("{{>}}") == "t.mustache:1:1: error: partial tag needs a name without spaces, "
                + "as in {{> header}}")
    }

    @Test("A malformed set-delimiter tag is refused")
    func badDelimiters() {
        let message = "set-delimiter tag needs two delimiters separated by whitespace, as in {{=<% %>=}}"
        #expect(compileError("{{=<%=}}") == "t.mustache:1:1: error: " + message)
        #expect(compileError("\n{{=<% = %>=}}") == "t.mustache:2:1: error: " + message)
        let long = String(repeating: "<", count: 33)
        #expect(compileError("{{=\(long) >=}}") == "t.mustache:1:1: error: delimiters are limited to 32 bytes")
    }

    @Test("Errors after a delimiter change name the new closing delimiter")
    func errorsUseCurrentDelimiters() {
        #expect(compileError("{{=<% %>=}}\n<%name}}") == "t.mustache:2:1: error: tag is never closed; expected '%>'")
    }

    @Test("Template inheritance tags are refused rather than misread")
    func inheritance() {
        #expect(compileError("{{<base}}{{/base}}") == "t.mustache:1:1: error: template inheritance "
                + "({{$name}}, {{<name}}) is not supported; use partials")
    }

    @Test("A partial that includes itself directly is a located error, not a stack overflow")
    func directSelfInclusion() throws {
        let loop = try MustacheTemplate(source: "x\n  {{> loop}}", name: "loop.mustache")
        let page = try MustacheTemplate(source: "{{>loop}}", name: "page.mustache")
        #expect(throws: MustacheError(name: "loop.mustache", line: 2, column: 3,
                                      message: "partial 'loop' includes itself without entering a section, so it "
                                          + "would never end; wrap the inclusion in a section over nested data")) {
            try page.render([:]) { $0 == "loop" ? loop : nil }
        }
    }

    @Test("Mutual recursion through two partials is caught too")
    func mutualRecursion() throws {
        let a = try MustacheTemplate(source: "a{{>b}}", name: "a.mustache")
        let b = try MustacheTemplate(source: "b{{>a}}", name: "b.mustache")
        let error = #expect(throws: MustacheError.self) {
            try a.render([:]) { ["a": a, "b": b][$0] }
        }
        #expect(error?.description.hasPrefix("a.mustache:1:2: error: partial 'b' includes itself") == true)
    }

    @Test("Recursion through a section that always matches stops at the depth limit")
    func depthLimit() throws {
        // `{{#on}}` pushes `true` each time, so the context changes and only the depth limit can stop it.
        let node = try MustacheTemplate(source: "{{#on}}<{{>node}}>{{/on}}", name: "node.mustache")
        #expect(throws: MustacheError(name: "node.mustache", line: 1, column: 9,
                                      message: "partials nest deeper than 100 levels at partial 'node'; does a "
                                          + "partial include itself?")) {
            try node.render(["on": true]) { _ in node }
        }
    }

    @Test("A partial that includes itself twice per level of 40-deep data stops at the inclusion budget")
    func exponentialRecursion() throws {
        // Every path ends at depth 40, under the depth limit, but there are 2^40 of them.
        let twice = try MustacheTemplate(source: "{{#a}}{{>twice}}{{>twice}}{{/a}}", name: "twice.mustache")
        var data: MustacheValue = ["a": false]
        for _ in 0..<40 { data = ["a": data] }
        let started = ContinuousClock.now
        #expect(throws: MustacheError(name: "twice.mustache", line: 1, column: 7,
                                      message: "more than 1000000 partial inclusions in one rendering at partial "
                                          + "'twice'; does a partial include itself more than once?")) {
            try twice.render(data) { _ in twice }
        }
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test("Recursion driven by nested data renders to the data's depth")
    func dataDrivenRecursion() throws {
        let node = try MustacheTemplate(source: "({{name}}{{#children}}{{>node}}{{/children}})", name: "node")
        var tree: MustacheValue = ["name": "leaf", "children": []]
        for level in (0..<60).reversed() { tree = ["name": .string("n\(level)"), "children": [tree]] }
        let output = try node.render(tree) { _ in node }
        #expect(output == (0..<60).map { "(n\($0)" }.joined() + "(leaf)" + String(repeating: ")", count: 60))
    }
}
