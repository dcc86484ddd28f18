import Foundation
import Testing
import GradusMarkdown
import GradusTestSupport

/// The lesson dialect: GFM tables, task lists and strikethrough; heading ids; math; directives.
@Suite("Lesson dialect")
struct LessonDialectTests {
    static func html(_ s: String, unsafe: Bool = false) -> String {
        Markdown.html(s, options: MarkdownOptions(dialect: .lesson, unsafe: unsafe))
    }

    // MARK: - GFM tables

    @Test("A table has a header, alignments from the delimiter row, and padded or cut body rows")
    func table() {
        let html = Self.html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 |\n| 1 | 2 | 3 | 4 |\n")
        #expect(html == """
            <table>
            <thead>
            <tr>
            <th align="left">a</th>
            <th align="center">b</th>
            <th align="right">c</th>
            </tr>
            </thead>
            <tbody>
            <tr>
            <td align="left">1</td>
            <td align="center">2</td>
            <td align="right"></td>
            </tr>
            <tr>
            <td align="left">1</td>
            <td align="center">2</td>
            <td align="right">3</td>
            </tr>
            </tbody>
            </table>

            """)
    }

    @Test("Escaped pipes stay in the cell and inline content is parsed")
    func tableCellContent() {
        let html = Self.html("a | b\n--|--\n`x \\| y` | **z** [l](/u)\n")
        #expect(html.contains("<td><code>x | y</code></td>"))
        #expect(html.contains("<td><strong>z</strong> <a href=\"/u\">l</a></td>"))
    }

    @Test("A header row whose cell count differs from the delimiter row is not a table")
    func tableMismatch() {
        #expect(Self.html("| a | b |\n|---|\n") == "<p>| a | b |\n|---|</p>\n")
    }

    @Test("A table ends at a blank line or another block; earlier paragraph lines stay a paragraph")
    func tableBoundaries() {
        let html = Self.html("intro\n| a |\n| - |\n| 1 |\n> quote\n")
        #expect(html == "<p>intro</p>\n<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>1</td>\n</tr>\n</tbody>\n</table>\n<blockquote>\n<p>quote</p>\n</blockquote>\n")
    }

    @Test("Tables are not parsed in CommonMark")
    func noTablesInCommonMark() {
        let html = Markdown.html("| a |\n| - |\n", options: MarkdownOptions(dialect: .commonmark))
        #expect(html == "<p>| a |\n| - |</p>\n")
    }

    // MARK: - Task lists and strikethrough

    @Test("Task list items carry their state and render a disabled checkbox")
    func taskList() throws {
        let doc = Markdown.parse("- [x] done\n- [ ] todo\n- [X] also\n- plain\n- [y] not a task\n")
        let items = Array(try #require(doc.children.first { _ in true }).children)
        #expect(items.map(\.taskState) == [.checked, .unchecked, .checked, nil, nil])
        let html = HTMLRenderer().html(doc)
        #expect(html.contains("<li><input type=\"checkbox\" checked=\"\" disabled=\"\" /> done</li>"))
        #expect(html.contains("<li><input type=\"checkbox\" disabled=\"\" /> todo</li>"))
        #expect(html.contains("<li>[y] not a task</li>"))
    }

    @Test("Strikethrough takes one or two tildes on both sides, not three")
    func strikethrough() {
        #expect(Self.html("~~a~~ ~b~ ~~~c~~~ ~~d~") == "<p><del>a</del> <del>b</del> ~~~c~~~ ~~d~</p>\n")
    }

    // MARK: - Heading ids

    @Test("Heading ids are GitHub slugs, unique per page, and explicit ids are kept")
    func headingIDs() {
        let doc = Markdown.parse("# Vanishing Gradients!\n## Vanishing gradients\n## Função de ativação\n## Tanh {#tanh-id}\n# tanh-id\n")
        let ids = doc.children.map(\.headingID)
        #expect(ids == ["vanishing-gradients", "vanishing-gradients-1", "função-de-ativação", "tanh-id", "tanh-id-1"])
        #expect(doc.children.map(\.explicitID) == [nil, nil, nil, "tanh-id", nil])
        #expect(HTMLRenderer().html(doc).contains("<h2 id=\"tanh-id\">Tanh</h2>"))
    }

    @Test("Setext headings get ids too, and CommonMark headings get none")
    func setextIDs() {
        #expect(Self.html("Title\n=====\n") == "<h1 id=\"title\">Title</h1>\n")
        #expect(Markdown.parse("# A\n", options: MarkdownOptions(dialect: .commonmark)).children.map(\.headingID) == [nil])
    }

    // MARK: - Math

    @Test("Inline and display math keep their TeX unparsed")
    func math() throws {
        let doc = Markdown.parse("If $a_1 * b_2 \\le c$ then $$\\sum_i x_i$$.\n")
        let inlines = Array(try #require(doc.children.first { _ in true }).children)
        let math = inlines.filter { $0.kind == .inlineMath }
        #expect(math.map(\.tex) == ["a_1 * b_2 \\le c", "\\sum_i x_i"])
        #expect(math.map(\.isDisplayMath) == [false, true])
        #expect(HTMLRenderer().html(doc) == "<p>If <span class=\"math\">a_1 * b_2 \\le c</span> then <span class=\"math display\">\\sum_i x_i</span>.</p>\n")
    }

    @Test("Dollar amounts are not math", arguments: ["It costs $5 and $10.", "Pay $ 5 and 3$.", "From $20,000 to $30,000"])
    func dollars(_ text: String) {
        let doc = Markdown.parse(text)
        #expect(doc.allNodes.allSatisfy { $0.kind != .inlineMath })
    }

    @Test("A $$ block may span lines and is one math block")
    func mathBlock() throws {
        let doc = Markdown.parse("Text\n$$\n\\frac{a}{b}\n  + c\n$$\nafter\n")
        let kinds = doc.children.map(\.kind)
        #expect(kinds == [.paragraph, .mathBlock, .paragraph])
        let block = try #require(doc.children.first { $0.kind == .mathBlock })
        #expect(block.tex == "\\frac{a}{b}\n  + c")
        #expect(block.position == SourcePosition(line: 2, column: 1))
        #expect(Self.html("$$x^2$$\n") == "<div class=\"math display\">x^2</div>\n")
    }

    // MARK: - Directives

    @Test("A directive has a name, arguments, located parameters and a Markdown body")
    func directive() throws {
        let doc = Markdown.parse("::: quiz not-mentioned\nid: q1\nlist:  causes \n\n## Which one?\n\n- [x] a\n:::\n")
        let directive = try #require(doc.children.first { _ in true })
        #expect(directive.kind == .directive)
        #expect(directive.directiveName == "quiz")
        #expect(directive.directiveArguments == "not-mentioned")
        #expect(directive.directiveParameters == [
            DirectiveParameter(key: "id", value: "q1", position: SourcePosition(line: 2, column: 1)),
            DirectiveParameter(key: "list", value: "causes", position: SourcePosition(line: 3, column: 1)),
        ])
        #expect(directive.children.map(\.kind) == [.heading, .list])
        #expect(directive.position == SourcePosition(line: 1, column: 1))
    }

    @Test("Directives nest; a closing line closes the innermost; an unclosed one runs to the end")
    func nesting() throws {
        let doc = Markdown.parse("::::: outer\n::: inner\nx\n:::\ny\n:::::\n::: open\nz\n")
        let top = Array(doc.children)
        #expect(top.map(\.directiveName) == ["outer", "open"])
        #expect(top[0].children.map(\.kind) == [.directive, .paragraph])
        #expect(top[0].children.first { _ in true }?.directiveName == "inner")
        #expect(top[1].children.map(\.plainText) == ["z"])
    }

    @Test("A parameter-like line after the first body line is Markdown, and a blank line ends parameters")
    func parametersEnd() throws {
        let doc = Markdown.parse("::: note\n\nkey: value\n:::\n")
        let d = try #require(doc.children.first { _ in true })
        #expect(d.directiveParameters.isEmpty)
        #expect(d.children.map(\.plainText) == ["key: value"])
    }

    @Test("A colon fence inside fenced code is code, and ::: alone with nothing open is text")
    func fenceEdges() {
        #expect(Self.html("::: a\n```\n:::\n```\n:::\n") == "<div class=\"directive a\">\n<pre><code>:::\n</code></pre>\n</div>\n")
        #expect(Self.html(":::\n") == "<p>:::</p>\n")
    }

    // MARK: - Golden

    @Test("A whole lesson renders as its golden file")
    func goldenLesson() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/lesson-dialect.md")
        let html = Self.html(try String(contentsOf: url, encoding: .utf8))
        if let problem = Golden.mismatch(html, named: "lesson-dialect.html") { Issue.record(Comment(rawValue: problem)) }
    }
}
