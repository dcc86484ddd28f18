import Foundation
import Testing
import GradusMarkdown
import GradusTestSupport

/// The cases of cmark 0.31.2's `test/pathological_tests.py` that `PathologicalTests` does not already hold (the
/// same generators as Benchmarks/markdown/pathological.py). Each renders to a whole output derived by hand at a
/// large size, and to cmark's own output at a size cmark 0.30.2 (Debian's, quadratic on some of these) still
/// parses quickly. Timing ratios are Benchmarks/pathological.sh's job.
@Suite("cmark's pathological cases")
struct CmarkPathologicalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The size `PathologicalTests`-style checks use, and the size compared with cmark.
        var large: Int
        var small: Int
        var input: @Sendable (Int) -> String
        var html: @Sendable (Int) -> String
        var testDescription: String { name }
    }

    static func r(_ s: String, _ n: Int) -> String { String(repeating: s, count: n) }

    /// cmark's `hash_collisions()`: `x0`, `x1`, … whose hash in cmark's old 16-bucket reference map is 0; the first
    /// is never defined and is used after each definition of the others.
    static func collidingKeys(_ count: Int) -> [String] {
        var keys: [String] = []
        var i = 0
        while keys.count < count {
            let key = "x\(i)"
            var h: UInt32 = 0
            for c in key.unicodeScalars { h = c.value &+ (h << 6) &+ (h << 16) &- h }
            if h % 16 == 0 { keys.append(key) }
            i += 1
        }
        return keys
    }

    static let cases: [Case] = [
        Case(name: "emphasis openers, then closers of another kind", large: 100_000, small: 2_000,
             input: { r("*a ", $0) + r("_a*_ ", $0) },
             html: { "<p>" + r("<em>a ", $0) + r("_a</em>_ ", $0 - 1) + "_a</em>_</p>\n" }),
        Case(name: "pattern ![[]() repeated", large: 100_000, small: 2_000,
             input: { r("![[]()", $0) }, html: { "<p>" + r("![<a href=\"\"></a>", $0) + "</p>\n" }),
        Case(name: "hard link/emph case, repeated", large: 100_000, small: 2_000,
             input: { Array(repeating: "**x [a*b**c*](d)", count: $0).joined(separator: " ") },
             html: { "<p>" + Array(repeating: "**x <a href=\"d\">a<em>b**c</em></a>", count: $0).joined(separator: " ") + "</p>\n" }),
        Case(name: "deeply nested lists, each item indented two more spaces", large: 1_000, small: 300,
             input: { d in (0..<d).map { r("  ", $0) + "* a\n" }.joined() },
             html: { "<ul>\n" + r("<li>a\n<ul>\n", $0 - 1) + "<li>a</li>\n</ul>\n" + r("</li>\n</ul>\n", $0 - 1) }),
        Case(name: "U+0000 in input", large: 100_000, small: 2_000,
             input: { r("abc\u{0}de\u{0}", $0) }, html: { "<p>" + r("abc\u{FFFD}de\u{FFFD}", $0) + "</p>\n" }),
        Case(name: "backtick runs of every length up to N, none closing another", large: 1_000, small: 300,
             input: { n in (1..<n).map { "e" + r("`", $0) }.joined() },
             html: { n in "<p>" + (1..<n).map { "e" + r("`", $0) }.joined() + "</p>\n" }),
        Case(name: "unclosed <!--", large: 100_000, small: 2_000,
             input: { "</" + r("<!--", $0) }, html: { "<p>&lt;/" + r("&lt;!--", $0) + "</p>\n" }),
        Case(name: "empty lines in deeply nested lists", large: 100_000, small: 2_000,
             input: { r("- ", $0) + "x" + r("\n", $0) },
             html: { Array(repeating: "<ul>\n<li>", count: $0).joined(separator: "\n") + "x" + r("</li>\n</ul>\n", $0) }),
        Case(name: "empty lines in deeply nested lists in a block quote", large: 100_000, small: 2_000,
             input: { "> " + r("- ", $0) + "x\n" + r(">\n", $0) },
             html: { "<blockquote>\n" + Array(repeating: "<ul>\n<li>", count: $0).joined(separator: "\n") + "x"
                     + r("</li>\n</ul>\n", $0) + "</blockquote>\n" }),
        Case(name: "emphasis in a deep block quote", large: 100_000, small: 2_000,
             input: { r(">", $0) + r("a*", $0) },
             html: { r("<blockquote>\n", $0) + "<p>" + r("a<em>a</em>", $0 / 2) + ($0 % 2 == 1 ? "a*" : "") + "</p>\n"
                     + r("</blockquote>\n", $0) }),
        Case(name: "reference collisions", large: 20_000, small: 2_000,
             input: { n in
                 let keys = collidingKeys(n + 1)
                 return keys.dropFirst().map { "[\($0)]: /url\n\n[\(keys[0])]\n\n" }.joined()
             },
             html: { r("<p>[\(collidingKeys(1)[0])]</p>\n", $0) }),
    ]

    static func render(_ input: String) -> String {
        Markdown.html(input, options: MarkdownOptions(dialect: .commonmark, unsafe: true))
    }

    @Test("Renders the whole derived output at full size", arguments: cases)
    func derived(_ c: Case) {
        let html = Self.render(c.input(c.large))
        #expect(html == c.html(c.large), "first difference at byte \(zip(html.utf8, c.html(c.large).utf8).prefix { $0 == $1 }.count)")
    }

    @Test("Renders as cmark renders it, and as derived", .enabled(if: TestEnvironment.wants("cmark")), arguments: cases)
    func asCmark(_ c: Case) throws {
        let cmark = try #require(TestEnvironment.tool("cmark"), "cmark is not installed")
        let input = c.input(c.small)
        let reference = try runProcess(cmark, ["--unsafe"], input: Data(input.utf8))
        #expect(reference.status == 0)
        #expect(reference.stdoutText == c.html(c.small))
        #expect(Self.render(input) == reference.stdoutText)
    }
}
