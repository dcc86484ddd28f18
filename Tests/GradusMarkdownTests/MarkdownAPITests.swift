import Foundation
import Testing
import GradusMarkdown

/// The tree, positions, rendering of subtrees, hooks, plain text and safety.
@Suite("Markdown API")
struct MarkdownAPITests {
    @Test("Every node has its 1-based line and column in Unicode scalars")
    func positions() throws {
        let source = "# Título\n\nPará\ngrafo\n\n> çã > quote\n>\n> - item\n>   1. inner\n\n\t    code\n"
        let doc = Markdown.parse(source, options: MarkdownOptions(dialect: .commonmark))
        let blocks = doc.allNodes.filter { $0.kind.isBlock }
        let summary = blocks.map { "\($0.kind)@\($0.position!)" }
        #expect(summary == [
            "heading@1:1", "paragraph@3:1", "blockQuote@6:1", "paragraph@6:3", "list@8:3", "listItem@8:3",
            "paragraph@8:5", "list@9:5", "listItem@9:5", "paragraph@9:8", "codeBlock@11:2",
        ])
        let inlines = doc.allNodes.filter { !$0.kind.isBlock }.map { "\($0.kind)@\($0.position!)" }
        #expect(inlines == [
            "text@1:3", "text@3:1", "softBreak@3:5", "text@4:1", "text@6:3", "text@8:5", "text@9:8",
        ])
    }

    @Test("Columns count scalars, not bytes, after multi-byte characters")
    func scalarColumns() throws {
        let doc = Markdown.parse("> é > ü\n>\n> > x\n", options: MarkdownOptions(dialect: .commonmark))
        let quotes = doc.allNodes.filter { $0.kind == .blockQuote }
        #expect(quotes.map { $0.position! } == [SourcePosition(line: 1, column: 1), SourcePosition(line: 3, column: 3)])
        let table = Markdown.parse("ü | b\n--|--\nç | d\n").allNodes.filter { $0.kind == .tableRow }
        #expect(table.map { $0.position! } == [SourcePosition(line: 1, column: 1), SourcePosition(line: 3, column: 1)])
    }

    @Test("Node accessors expose lists, code, links and images")
    func accessors() throws {
        let doc = Markdown.parse("3. a\n4. b\n\n```swift  extra\nlet x\n```\n\n[t *e*](/u \"T\") ![alt](i.png) <http://x.y>\n",
                                 options: MarkdownOptions(dialect: .commonmark))
        let nodes = doc.allNodes
        let list = try #require(nodes.first { $0.kind == .list })
        #expect(list.isOrdered && list.listStart == 3 && list.isTight)
        let code = try #require(nodes.first { $0.kind == .codeBlock })
        #expect(code.info == "swift  extra" && code.literal == "let x\n" && code.isFenced)
        let link = try #require(nodes.first { $0.kind == .link })
        #expect(link.destination == "/u" && link.title == "T" && link.plainText == "t e")
        #expect(link.children.map(\.kind) == [.text, .emphasis])
        let image = try #require(nodes.first { $0.kind == .image })
        #expect(image.destination == "i.png" && image.title == nil)
        let auto = try #require(nodes.first { $0.kind == .autolink })
        #expect(auto.destination == "http://x.y")
    }

    @Test("A single node or a node's children render on their own")
    func subtree() throws {
        let doc = Markdown.parse("- [ ] An *option*\n\n> Why: **because**.\n")
        let item = try #require(doc.allNodes.first { $0.kind == .listItem })
        let paragraph = try #require(item.firstChild)
        #expect(HTMLRenderer().htmlOfChildren(paragraph) == "An <em>option</em>")
        let quote = try #require(doc.children.first { $0.kind == .blockQuote })
        #expect(HTMLRenderer().htmlOfChildren(quote) == "<p>Why: <strong>because</strong>.</p>\n")
        #expect(HTMLRenderer().html(quote) == "<blockquote>\n<p>Why: <strong>because</strong>.</p>\n</blockquote>\n")
    }

    @Test("Hooks replace directives, math and link destinations")
    func hooks() {
        let doc = Markdown.parse("::: box wide\nk: v\n\nSee [next](02-next.md#x) and $x^2$.\n:::\n\n::: plain\ny\n:::\n")
        var hooks = HTMLHooks()
        hooks.directive = { node, children in
            node.directiveName == "box" ? "<section data-arg=\"\(node.directiveArguments!)\">\(children())</section>\n" : nil
        }
        hooks.math = { tex, display in "<math display=\"\(display ? "block" : "inline")\">\(tex)</math>" }
        hooks.link = { destination, _ in destination.replacingOccurrences(of: "02-next.md", with: "../next/index.html") }
        let html = HTMLRenderer(hooks: hooks).html(doc)
        #expect(html == """
            <section data-arg="wide"><p>See <a href="../next/index.html#x">next</a> and <math display="inline">x^2</math>.</p>
            </section>
            <div class="directive plain">
            <p>y</p>
            </div>

            """)
    }

    @Test("Plain text joins inline text, code and math, with breaks as spaces")
    func plainText() throws {
        let doc = Markdown.parse("## A *b* `c` $d$\nx\n\nfoo  \nbar <span>html</span>\n")
        let nodes = Array(doc.children)
        #expect(nodes[0].plainText == "A b c d")
        #expect(nodes[2].plainText == "foo bar html")
        #expect(doc.root.plainText == "A b c d\nx\nfoo bar html")
    }

    @Test("Safe by default: raw HTML omitted, dangerous URLs emptied, text and attributes escaped")
    func safety() {
        let input = "<div onclick=\"x\">\n\n[a](javascript:alert(1)) [b](VBScript:x) [c](file:///etc) ![d](data:image/png;base64,AA) [e](data:text/html,x) <i>&lt;\"</i> [f](/u \"t\\\"<\")\n"
        let safe = Markdown.html(input, options: MarkdownOptions(dialect: .commonmark))
        #expect(safe == "<!-- raw HTML omitted -->\n<p><a href=\"\">a</a> <a href=\"\">b</a> <a href=\"\">c</a> <img src=\"data:image/png;base64,AA\" alt=\"d\" /> <a href=\"\">e</a> <!-- raw HTML omitted -->&lt;&quot;<!-- raw HTML omitted --> <a href=\"/u\" title=\"t&quot;&lt;\">f</a></p>\n")
        let unsafe = Markdown.html(input, options: MarkdownOptions(dialect: .commonmark, unsafe: true))
        #expect(unsafe.contains("<a href=\"javascript:alert(1)\">a</a>"))
        #expect(unsafe.contains("<div onclick=\"x\">"))
    }

    @Test("String and byte entry points agree, and options default to the safe lesson dialect")
    func entryPoints() {
        let s = "# T\n\n$x$ <b>\n"
        #expect(Markdown.html(s) == String(decoding: Markdown.html(Array(s.utf8)), as: UTF8.self))
        #expect(MarkdownOptions() == MarkdownOptions(dialect: .lesson, unsafe: false))
        #expect(Markdown.html(s) == "<h1 id=\"t\">T</h1>\n<p><span class=\"math\">x</span> <!-- raw HTML omitted --></p>\n")
    }
}
