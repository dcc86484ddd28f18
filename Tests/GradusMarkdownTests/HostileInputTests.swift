import Foundation
import Testing
import GradusMarkdown
import GradusTestSupport

/// Inputs that crashed the parser under libFuzzer (Fuzz/markdown, Benchmarks/fuzz.sh), kept as regressions.
@Suite("Hostile inputs found by fuzzing")
struct HostileInputTests {
    /// Every file of Fuzz/markdown/regressions, fed as the fuzz target does: the first byte picks the dialect
    /// and the mode, the rest is the document.
    static var regressions: [String] {
        let folder = TestEnvironment.packageRoot.appendingPathComponent("Fuzz/markdown/regressions")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
    }

    @Test("A fuzzer's crashing input renders without a crash", arguments: regressions)
    func regression(name: String) throws {
        let bytes = try [UInt8](Data(contentsOf: TestEnvironment.packageRoot
            .appendingPathComponent("Fuzz/markdown/regressions/\(name)")))
        let mode = bytes[0]
        let options = MarkdownOptions(dialect: mode & 1 == 0 ? .lesson : .commonmark, unsafe: mode & 2 != 0)
        let html = Markdown.html(Array(bytes.dropFirst()), options: options)
        #expect(!html.isEmpty)
    }

    @Test("A ten-digit number before '.' is a paragraph, not a list (it overflowed Int32 while being read)",
          arguments: [MarkdownOptions.Dialect.lesson, .commonmark])
    func tenDigitListNumber(dialect: MarkdownOptions.Dialect) {
        // CommonMark 0.31.2 §5.2: an ordered list marker is 1–9 digits.
        let options = MarkdownOptions(dialect: dialect)
        #expect(Markdown.html("6666666666\n", options: options) == "<p>6666666666</p>\n")
        #expect(Markdown.html("9999999999. a\n", options: options) == "<p>9999999999. a</p>\n")
        #expect(Markdown.html("999999999. a\n", options: options) == "<ol start=\"999999999\">\n<li>a</li>\n</ol>\n")
    }

    @Test("A '<' as the very last byte is text (the HTML block scanner read one byte past the input)",
          arguments: [MarkdownOptions.Dialect.lesson, .commonmark])
    func angleBracketAtEnd(dialect: MarkdownOptions.Dialect) {
        // CommonMark 0.31.2 §4.6: a lone '<' starts no HTML block; §6.6: nor raw HTML, so it is escaped text.
        let options = MarkdownOptions(dialect: dialect)
        #expect(Markdown.html(Array("<".utf8), options: options) == Array("<p>&lt;</p>\n".utf8))
        #expect(Markdown.html(Array("a\n\n<".utf8), options: options) == Array("<p>a</p>\n<p>&lt;</p>\n".utf8))
    }
}
