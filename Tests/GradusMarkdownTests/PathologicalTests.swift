import Foundation
import Testing
import GradusMarkdown
import GradusTestSupport

/// Hostile inputs at full size (the same patterns as Benchmarks/markdown/pathological.py). Each checks the
/// whole output against a hand-derived expectation; a stack overflow would crash the run. Timing ratios
/// are Benchmarks/pathological.sh's job.
@Suite("Pathological inputs")
struct PathologicalTests {
    static let n = 100_000

    static func render(_ input: String, lesson: Bool = false) -> String {
        Markdown.html(input, options: MarkdownOptions(dialect: lesson ? .lesson : .commonmark, unsafe: true))
    }

    static func repeated(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

    @Test("100 000 nested block quotes")
    func nestedBlockQuotes() {
        let html = Self.render(Self.repeated("> ", Self.n) + "a\n")
        #expect(html == Self.repeated("<blockquote>\n", Self.n) + "<p>a</p>\n" + Self.repeated("</blockquote>\n", Self.n))
    }

    @Test("100 000 links on one line each know their column")
    func linkPositions() {
        let document = Markdown.parse(Self.repeated("[x](u) ", Self.n) + "\n")
        let columns = document.allNodes.filter { $0.kind == .link }.map { $0.position?.column ?? 0 }
        #expect(columns == (0..<Self.n).map { 7 * $0 + 1 })
    }

    @Test("100 000 nested bullet lists on one line")
    func nestedLists() {
        let html = Self.render(Self.repeated("- ", Self.n) + "a\n")
        let open = Array(repeating: "<ul>\n<li>", count: Self.n).joined(separator: "\n")
        #expect(html == open + "a" + Self.repeated("</li>\n</ul>\n", Self.n))
    }

    @Test("100 000 nested ordered lists on one line")
    func nestedOrderedLists() {
        let html = Self.render(Self.repeated("1. ", Self.n) + "a\n")
        let open = Array(repeating: "<ol>\n<li>", count: Self.n).joined(separator: "\n")
        #expect(html == open + "a" + Self.repeated("</li>\n</ol>\n", Self.n))
    }

    @Test("100 000 nested brackets stay text")
    func nestedBrackets() {
        let html = Self.render(Self.repeated("[", Self.n) + "a" + Self.repeated("]", Self.n))
        #expect(html == "<p>" + Self.repeated("[", Self.n) + "a" + Self.repeated("]", Self.n) + "</p>\n")
    }

    @Test("Nested strong emphasis 100 000 deep")
    func nestedStrongEmphasis() {
        let html = Self.render(Self.repeated("*a **a ", Self.n) + "b" + Self.repeated(" a** a*", Self.n))
        #expect(html == "<p>" + Self.repeated("<em>a <strong>a ", Self.n) + "b"
                + Self.repeated(" a</strong> a</em>", Self.n) + "</p>\n")
    }

    @Test("A run of 100 000 asterisks on each side nests strong emphasis")
    func longDelimiterRun() {
        let html = Self.render(Self.repeated("*", Self.n) + "a" + Self.repeated("*", Self.n))
        #expect(html == "<p>" + Self.repeated("<strong>", Self.n / 2) + "a" + Self.repeated("</strong>", Self.n / 2) + "</p>\n")
    }

    @Test("Unmatched delimiters, brackets and HTML openers stay text", arguments: [
        ("_a ", "_a"), ("a_ ", "a_"), ("*a_ ", "*a_"), ("[a", "[a"), ("a]", "a]"), ("[ a_", "[ a_"),
        ("[a](b", "[a](b"), ("[a](<b", "[a](&lt;b"), ("a <!-- ", "a &lt;!--"), ("a <? ", "a &lt;?"),
        ("a <![CDATA[ ", "a &lt;![CDATA["), ("a <!A ", "a &lt;!A"), ("[ (](", "[ (]("),
    ])
    func unmatched(_ unit: String, _ last: String) {
        let input = Self.repeated(unit, Self.n)
        let rendered = unit.replacingOccurrences(of: "<", with: "&lt;")
        let html = Self.render(input)
        #expect(html == "<p>" + Self.repeated(rendered, Self.n - 1) + last + "</p>\n")
    }

    @Test("Openers and closers in multiples of three")
    func multiplesOfThree() {
        let html = Self.render("a**b" + Self.repeated("c* ", Self.n))
        #expect(html == "<p>a**b" + Self.repeated("c* ", Self.n - 1) + "c*</p>\n")
    }

    @Test("100 000 unclosed backtick openers between code spans")
    func unclosedBackticks() {
        let count = Self.n + 1
        let html = Self.render(Self.repeated("`a``", count))
        #expect(html == "<p>`a" + Self.repeated("<code>a</code>a", (count - 1) / 2) + "``</p>\n")
    }

    @Test("100 000 unclosed attribute quotes")
    func unclosedTags() {
        let html = Self.render(Self.repeated("<a href=\"", Self.n))
        #expect(html == "<p>" + Self.repeated("&lt;a href=&quot;", Self.n) + "</p>\n")
    }

    @Test("A table of 100 000 reference definitions, each used once")
    func hugeReferenceTable() {
        var input = ""
        for i in 0..<Self.n { input += "[r\(i)]: /u\(i)\n" }
        input += "\n" + (0..<Self.n).map { "[r\($0)]" }.joined(separator: " ") + "\n"
        let html = Self.render(input)
        #expect(html == "<p>" + (0..<Self.n).map { "<a href=\"/u\($0)\">r\($0)</a>" }.joined(separator: " ") + "</p>\n")
    }

    @Test("100 000 NUL bytes become U+FFFD")
    func nulBytes() {
        let html = Self.render(Self.repeated("a\u{0}", Self.n))
        #expect(html == "<p>" + Self.repeated("a\u{FFFD}", Self.n) + "</p>\n")
    }

    @Test("100 000 dollar amounts are not math")
    func dollars() {
        let html = Self.render(Self.repeated("$5 and $a ", Self.n), lesson: true)
        #expect(html == "<p>" + Self.repeated("$5 and $a ", Self.n - 1) + "$5 and $a</p>\n")
    }

    @Test("100 000 nested directives")
    func nestedDirectives() {
        let html = Self.render(Self.repeated("::: d\n", Self.n) + "x\n" + Self.repeated(":::\n", Self.n), lesson: true)
        #expect(html == Self.repeated("<div class=\"directive d\">\n", Self.n) + "<p>x</p>\n" + Self.repeated("</div>\n", Self.n))
    }

    @Test("100 000 identical headings get ids same, same-1, … same-99999")
    func identicalHeadings() {
        let html = Self.render(Self.repeated("## Same\n", Self.n), lesson: true)
        let expected = "<h2 id=\"same\">Same</h2>\n" + (1..<Self.n).map { "<h2 id=\"same-\($0)\">Same</h2>\n" }.joined()
        #expect(html == expected)
    }

    @Test("A table with 100 000 rows")
    func tableRows() {
        let html = Self.render("| a | b |\n|---|---|\n" + Self.repeated("| x | `y` |\n", Self.n), lesson: true)
        let head = "<table>\n<thead>\n<tr>\n<th>a</th>\n<th>b</th>\n</tr>\n</thead>\n<tbody>\n"
        let row = "<tr>\n<td>x</td>\n<td><code>y</code></td>\n</tr>\n"
        #expect(html == head + Self.repeated(row, Self.n) + "</tbody>\n</table>\n")
    }

    @Test("The tree of 100 000 nested block quotes is walkable without recursion")
    func deepTreeWalk() {
        let doc = Markdown.parse(Self.repeated("> ", Self.n) + "a\n", options: MarkdownOptions(dialect: .commonmark))
        let nodes = doc.allNodes
        #expect(nodes.count == Self.n + 2)
        #expect(nodes.last?.kind == .text)
        #expect(doc.root.plainText == "a")
    }
}
