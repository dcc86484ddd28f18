import Testing
import GradusMarkdown

/// Seeded random bytes (invalid UTF-8, NULs, CRs and every Markdown marker) through both dialects: parsing
/// never traps (tests run with bounds checks), and the tree's links and positions are consistent: every node
/// has a position inside the input, and every link's and image's points at its `[` or `!`.
@Suite("Tree invariants on random input")
struct TreeInvariantTests {
    static let alphabet = Array("\n\t >-*_`~$[]()!<&:|#\\\u{0}éab12.\"'=/?{}x;\r".utf8) + [0xC3, 0xA9, 0xFF]

    static func randomInput(_ seed: Int) -> [UInt8] {
        var generator = RandomMarkdown(seed: UInt64(seed) &+ 10_000)
        return (0..<(1 + generator.int(300))).map { _ in alphabet[generator.int(alphabet.count)] }
    }

    @Test("Random bytes parse into a consistent tree", arguments: 0..<300)
    func invariants(_ seed: Int) {
        let input = Self.randomInput(seed)
        // Line endings are LF, CR or CRLF (§2.1).
        var lines = 1
        for (i, b) in input.enumerated() where b == 0x0A || (b == 0x0D && (i + 1 == input.count || input[i + 1] != 0x0A)) {
            lines += 1
        }
        for dialect in [MarkdownOptions.Dialect.commonmark, .lesson] {
            let doc = Markdown.parse(input, options: MarkdownOptions(dialect: dialect))
            for node in doc.allNodes {
                var count = 0
                var previous: MarkdownNode? = nil
                for child in node.children {
                    #expect(child.parent == node)
                    #expect(child.previousSibling == previous)
                    previous = child
                    count += 1
                }
                #expect(node.lastChild == previous)
                let p = node.position!
                #expect(p.line >= 1 && p.line <= lines && p.column >= 1)
                if node.kind.isBlock {
                    #expect(node.parent!.kind.isBlock)
                } else {
                    #expect(node.parent != nil)
                }
                if node.kind == .link || node.kind == .image {
                    let offset = InlinePositionTests.offset(of: p, in: input)
                    #expect(offset.map { input[$0] } == UInt8(ascii: node.kind == .link ? "[" : "!"),
                            "\(node.kind) at \(p) (seed \(seed), \(dialect))")
                }
                _ = node.plainText
            }
            _ = HTMLRenderer().render(doc)
        }
    }
}
