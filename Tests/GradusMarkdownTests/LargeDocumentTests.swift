import Testing
import GradusMarkdown

/// The machinery behind throughput (Benchmarks/markdown.sh) that small inputs do not reach: escaping eight bytes
/// at a time, the renderer's 64 KiB chunks, and a node arena that outgrows what the block phase reserved.
@Suite("Large documents")
struct LargeDocumentTests {
    /// `&`, `<`, `>` and `"` escaped one byte at a time: what the word-at-a-time escaper must equal.
    static func escaped(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(c)
            }
        }
        return out
    }

    @Test("Text is escaped exactly wherever the escaped bytes fall in a word, up to the end of the buffer")
    func escapingAtEveryOffset() {
        // No construct starts in this alphabet after a leading letter: every paragraph is one text run.
        let alphabet = Array("1&<>\"é.")
        var generator = RandomMarkdown(seed: 7)
        for length in 0..<40 {
            for _ in 0..<20 {
                let text = "z" + String((0..<length).map { _ in alphabet[generator.int(alphabet.count)] })
                let html = Markdown.html(text, options: MarkdownOptions(dialect: .commonmark))
                #expect(html == "<p>" + Self.escaped(text) + "</p>\n", "\(text)")
            }
        }
    }

    @Test("Streaming hands out chunks that decode on their own and join to the whole HTML")
    func streamedChunks() {
        // Two-, three- and four-byte characters at every offset against the chunk's end.
        var source = ""
        for i in 0..<30_000 { source += ["é", "€", "😀", "a", "&"][i % 5] + (i % 7 == 0 ? "\n" : "") }
        source += "\n\n" + String(repeating: "`code` *em* [l](u) ü\n", count: 3_000)
        let document = Markdown.parse(source, options: MarkdownOptions(dialect: .lesson))
        var chunks: [[UInt8]] = []
        HTMLRenderer().render(document) { chunks.append(Array($0)) }
        #expect(chunks.count > 2)
        #expect(chunks.allSatisfy { $0.count <= 1 << 16 })
        for chunk in chunks {
            #expect(String(validating: chunk, as: UTF8.self) != nil)
        }
        #expect(chunks.flatMap { $0 } == HTMLRenderer().render(document))
    }

    @Test("A document of many more nodes than bytes per node reserved grows its arena and renders whole")
    func arenaGrowth() {
        let strict = MarkdownOptions(dialect: .commonmark)
        let items = 300_000
        let html = Markdown.html(String(repeating: "- a\n", count: items), options: strict)
        #expect(html == "<ul>\n" + String(repeating: "<li>a</li>\n", count: items) + "</ul>\n")
        let emphasis = Markdown.html(String(repeating: "*a* ", count: 200_000), options: strict)
        #expect(emphasis == "<p>" + String(repeating: "<em>a</em> ", count: 199_999) + "<em>a</em></p>\n")
    }

    @Test("Parsing bytes in place gives the document that parsing a copy gives")
    func bytesInPlace() {
        let source = Array("# Title {#t}\n\nSome *text* with [a link](u \"t\") and $x$.\n\n::: note\nbody\n:::\n".utf8)
        let inPlace = source.withUnsafeBufferPointer { Markdown.parse($0) }
        #expect(HTMLRenderer().render(inPlace) == HTMLRenderer().render(Markdown.parse(source)))
        #expect(inPlace.allNodes.map(\.position) == Markdown.parse(source).allNodes.map(\.position))
    }
}
