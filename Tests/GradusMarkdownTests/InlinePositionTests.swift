import Testing
import GradusMarkdown

/// Positions of inline nodes: the exact line and column (Unicode scalars, a tab counting as one) of each
/// construct's first source character, through container prefixes, cut reference definitions and task markers,
/// tables and multi-byte text. Expected positions are counted by hand.
@Suite("Inline positions")
struct InlinePositionTests {
    /// The positions of every `kind` node of `source`, as "line:column".
    static func positions(_ kind: MarkdownNodeKind, _ source: String,
                          dialect: MarkdownOptions.Dialect = .lesson) -> [String] {
        Markdown.parse(source, options: MarkdownOptions(dialect: dialect)).allNodes
            .filter { $0.kind == kind }.map { $0.position.map(\.description) ?? "nil" }
    }

    /// The byte offset of `position` in `source`, or nil when it is outside the text: lines end at LF, CR or
    /// CRLF, and the column is the first byte after `column - 1` scalars of its line that is not a UTF-8
    /// continuation byte (0b10xxxxxx), so that stray continuation bytes of invalid UTF-8 count as the parser
    /// counts them.
    static func offset(of position: SourcePosition, in source: [UInt8]) -> Int? {
        guard position.line >= 1, position.column >= 1 else { return nil }
        var i = 0
        for _ in 1..<position.line {
            while i < source.count && source[i] != 0x0A && source[i] != 0x0D { i += 1 }
            guard i < source.count else { return nil }
            i += source[i] == 0x0D && i + 1 < source.count && source[i + 1] == 0x0A ? 2 : 1
        }
        var remaining = position.column - 1
        while true {
            while i < source.count && source[i] & 0xC0 == 0x80 { i += 1 }
            if remaining == 0 { return i }
            guard i < source.count, source[i] != 0x0A, source[i] != 0x0D else { return nil }
            i += 1
            remaining -= 1
        }
    }

    @Test("A link on the third line of a paragraph is at that line, not at the paragraph's start")
    func thirdLine() {
        #expect(Self.positions(.link, "First line,\nsecond line,\nthe [third](u) line.\n") == ["3:5"])
    }

    @Test("Inside a block quote the `> ` prefix counts; a lazy line keeps its own columns")
    func blockQuote() {
        #expect(Self.positions(.link, "> quoted\n> more [x](u)\n") == ["2:8"])
        #expect(Self.positions(.link, ">  > deep [x](u)\n") == ["1:11"])
        #expect(Self.positions(.link, "> quoted\n  lazy [x](u)\n") == ["2:8"])
    }

    @Test("Inside a nested list item the markers and indentation count")
    func nestedList() {
        #expect(Self.positions(.link, "- outer\n  1. inner\n     text [x](u)\n") == ["3:11"])
        #expect(Self.positions(.image, "- a\n  - b [x](u) ![i](p)\n") == ["2:14"])
    }

    @Test("Multi-byte characters before a link count one column each: é (2 bytes), 😀 (4), e + U+0301 (two scalars)")
    func multiByte() {
        #expect(Self.positions(.link, "é 😀 [x](u)\n") == ["1:5"])
        #expect(Self.positions(.link, "e\u{301}😀[x](u) ü [y](v)\n") == ["1:4", "1:13"])
        #expect(Self.positions(.link, "> ção\n> αβγ [x](u)\n") == ["2:7"])
    }

    @Test("A tab counts as one column, also when a container consumed only part of it")
    func tabs() {
        #expect(Self.positions(.link, "a\t[x](u)\n") == ["1:3"])
        #expect(Self.positions(.link, ">\t[x](u)\n") == ["1:3"])
        #expect(Self.positions(.link, "-\tdo [x](u)\n") == ["1:6"])
        // A lazy line that starts inside a tab the block quote half consumed: the tab became spaces.
        #expect(Self.positions(.link, "> 1. a\n>\t[x](u)\n", dialect: .commonmark) == ["2:3"])
    }

    @Test("A setext heading's second line has its own line number")
    func setextHeading() {
        #expect(Self.positions(.link, "Title\nwith [x](u)\n=====\n") == ["2:6"])
        #expect(Self.positions(.link, "> Title\n>   [x](u)\n> ---\n") == ["2:5"])
        #expect(Self.positions(.link, "#   ATX [x](u) ##\n") == ["1:9"])
    }

    @Test("Table cells in the header and body, after an escaped pipe, and under a paragraph")
    func tableCells() {
        #expect(Self.positions(.link, "h | [x](u)\n--|--\nc | d [y](v)\n") == ["1:5", "3:7"])
        #expect(Self.positions(.link, "a \\| b [x](u) | c\n--|--\n") == ["1:8"])
        #expect(Self.positions(.link, "| é | \\|\\|[x](u) |\n|--|--|\n") == ["1:11"])
        let document = Markdown.parse("intro\n  h | [x](u)\n--|--\n")
        #expect(document.allNodes.first { $0.kind == .table }?.position == SourcePosition(line: 2, column: 3))
        #expect(document.allNodes.first { $0.kind == .link }?.position == SourcePosition(line: 2, column: 7))
    }

    @Test("Reference definitions and task markers cut from the paragraph's start do not shift positions")
    func cutPrefixes() {
        #expect(Self.positions(.link, "[r]: /u\n[x][r] and [y](v)\n") == ["2:1", "2:12"])
        #expect(Self.positions(.link, "[r]:\n  /u\n  'title'\nthen [x][r]\n") == ["4:6"])
        #expect(Self.positions(.link, "- [ ] do [x](u)\n- [x]\t[y](v)\n") == ["1:10", "2:7"])
        #expect(Self.positions(.link, "[r]: /u\nText [x][r]\n---\n") == ["2:6"])
    }

    @Test("Lines longer than the table's checkpoints keep exact columns, after multi-byte text and cut prefixes")
    func longLines() {
        // 8 bytes and 4 scalars a unit: 24 000 bytes before the link, past several 4 KiB checkpoints.
        let filler = String(repeating: "é😀a ", count: 3000)
        #expect(Self.positions(.link, filler + "[x](u)\n") == ["1:12001"])
        #expect(Self.positions(.link, "> - [ ] " + filler + "[x](u)\n") == ["1:12009"])
        #expect(Self.positions(.link, "[r]: /u\n" + filler + "[x][r]\n") == ["2:12001"])
        #expect(Self.positions(.link, "# " + filler + "[x](u)\n") == ["1:12003"])
        #expect(Self.positions(.link, "a | b\n--|--\nc | " + filler + "\\|[x](u)\n") == ["3:12007"])
    }

    @Test("Every kind of inline starts at its first source character")
    func kinds() {
        let source = "a *em* **st** `code` $m$ <http://x.y> <b> ![i](p) \\* &amp; ~~s~~ x  \ny\\\nz\n"
        let document = Markdown.parse(source)
        func at(_ kind: MarkdownNodeKind) -> [String] {
            document.allNodes.filter { $0.kind == kind }.compactMap { $0.position?.description }
        }
        #expect(at(.emphasis) == ["1:3"])
        #expect(at(.strong) == ["1:8"])
        #expect(at(.code) == ["1:15"])
        #expect(at(.inlineMath) == ["1:22"])
        #expect(at(.autolink) == ["1:26"])
        #expect(at(.inlineHTML) == ["1:39"])
        #expect(at(.image) == ["1:43"])
        #expect(at(.strikethrough) == ["1:60"])
        #expect(at(.hardBreak) == ["1:67", "2:2"])
        #expect(at(.text).prefix(4) == ["1:1", "1:4", "1:7", "1:10"])
        let escape = document.allNodes.first { $0.kind == .text && $0.literal?.hasPrefix("*") == true }
        #expect(escape?.position == SourcePosition(line: 1, column: 51))
        let entity = document.allNodes.first { $0.kind == .text && $0.literal == "&" }
        #expect(entity?.position == SourcePosition(line: 1, column: 54))
    }

    @Test("Emphasis takes the delimiters it used: the inner ones of an opener, the outer text of a closer stays")
    func emphasisDelimiters() {
        let document = Markdown.parse("***a*** *b**\n", options: MarkdownOptions(dialect: .commonmark))
        let summary = document.allNodes.map { "\($0.kind)@\($0.position!)" }
        #expect(summary == ["paragraph@1:1", "emphasis@1:1", "strong@1:2", "text@1:4", "text@1:8",
                            "emphasis@1:9", "text@1:10", "text@1:12"])
    }

    @Test("A place inside inline math maps back to the source, through a block quote's prefix")
    func literalPositions() throws {
        let document = Markdown.parse("> Sum $a +\n>   \\foo + ü$ done\n")
        let math = try #require(document.allNodes.first { $0.kind == .inlineMath })
        #expect(math.position == SourcePosition(line: 1, column: 7))
        #expect(math.position(ofLiteralLine: 1, column: 1) == SourcePosition(line: 1, column: 8))
        #expect(math.position(ofLiteralLine: 2, column: 1) == SourcePosition(line: 2, column: 5))
        #expect(math.position(ofLiteralLine: 2, column: 8) == SourcePosition(line: 2, column: 12))
        #expect(math.position(ofLiteralLine: 2, column: 99) == SourcePosition(line: 2, column: 13))
        #expect(math.position(ofLiteralLine: 3, column: 1) == nil)
        let paragraph = try #require(document.allNodes.first { $0.kind == .paragraph })
        #expect(paragraph.position(ofLiteralLine: 1, column: 1) == nil)
    }

    @Test("Random documents: every link, image, code span, autolink, raw HTML and emphasis points at its own first byte",
          arguments: 0..<300)
    func randomDocuments(_ seed: Int) throws {
        var generator = RandomMarkdown(seed: UInt64(seed))
        let source = Array(generator.document().utf8)
        for dialect in [MarkdownOptions.Dialect.commonmark, .lesson] {
            let document = Markdown.parse(source, options: MarkdownOptions(dialect: dialect, unsafe: true))
            for node in document.allNodes {
                let position = try #require(node.position)
                let offset = try #require(Self.offset(of: position, in: source), "\(node.kind) at \(position) is outside the text")
                let byte = offset < source.count ? source[offset] : 0
                let expected: [UInt8]
                switch node.kind {
                case .link: expected = Array("[".utf8)
                case .image: expected = Array("!".utf8)
                case .code: expected = Array("`".utf8)
                case .autolink, .inlineHTML: expected = Array("<".utf8)
                case .emphasis, .strong: expected = Array("*_".utf8)
                case .inlineMath: expected = Array("$".utf8)
                case .strikethrough: expected = Array("~".utf8)
                case .hardBreak: expected = Array(" \t\\".utf8)
                case .text:
                    let literal = Array((node.literal ?? "").utf8)
                    if literal.isEmpty { continue }  // only trailing spaces, cut at a line break
                    expected = literal.prefix(1) + Array("\\&".utf8)
                default: continue
                }
                #expect(expected.contains(byte), "\(node.kind) at \(position) points at byte \(byte) (seed \(seed), \(dialect))")
            }
        }
    }
}
