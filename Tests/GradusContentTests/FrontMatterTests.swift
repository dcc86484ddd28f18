import Testing
@testable import GradusContent

@Suite("Front matter")
struct FrontMatterTests {
    func read(_ text: String) -> (SourceFile, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let file = SourceFile.read(text, path: "l.md", diagnostics: &diagnostics)
        return (file, diagnostics)
    }

    @Test("Strings, quoted strings, numbers, booleans and both list forms are read")
    func values() {
        let (file, diagnostics) = read("""
        ---
        title: "Retropropagação: \\"a regra\\""
        summary: plain text # a comment
        weight: 2.5
        draft: false
        tags: [a, 'b, c', "d"]
        source:
          - one
          - two
        ---
        Body
        """)
        #expect(diagnostics.isEmpty)
        let m = file.frontMatter
        #expect(m["title"] == .string("Retropropagação: \"a regra\""))
        #expect(m["summary"] == .string("plain text"))
        #expect(m["weight"] == .number(2.5))
        #expect(m["draft"] == .bool(false))
        #expect(m["tags"] == .list([.string("a"), .string("b, c"), .string("d")]))
        #expect(m["source"] == .list([.string("one"), .string("two")]))
        #expect(file.body == "Body")
        #expect(file.bodyFirstLine == 11)
    }

    @Test("A NUL in the front matter reads as U+FFFD, as it does in the body")
    func nul() {
        let (file, diagnostics) = read("---\ntitle: X\u{0}Y\n---\nHello\n")
        #expect(diagnostics.isEmpty)
        #expect(file.frontMatter["title"]?.string == "X\u{FFFD}Y")
    }

    @Test("A file without front matter is an error at line 1")
    func missing() {
        let (_, diagnostics) = read("# Title\n")
        #expect(diagnostics.map(\.formatted)
                == ["l.md:1:1: error: missing front matter; start the file with a '---' line, then 'title: …', then '---'"])
    }

    @Test("Malformed lines are located errors")
    func malformed() {
        let (_, diagnostics) = read("---\ntitle: x\nno colon here\n  indented: 1\ntitle: again\ntags: [a, b\n- stray\n---\n")
        #expect(diagnostics.map(\.formatted) == [
            "l.md:3:1: error: expected 'key: value', found 'no colon here'",
            "l.md:4:1: error: unexpected indentation; front matter keys start at column 1",
            "l.md:5:1: error: duplicate key 'title'",
            "l.md:6:7: error: unclosed list; end it with ']'",
            "l.md:7:1: error: list item outside a list; write it under a 'key:' line",
        ])
    }

    @Test("Unclosed front matter is an error")
    func unclosed() {
        let (_, diagnostics) = read("---\ntitle: x\n")
        #expect(diagnostics.map(\.formatted) == ["l.md:1:1: error: front matter is not closed; add a '---' line after its last key"])
    }

    @Test("A block list of 50 000 items and 20 000 keys are read whole (each item and key once, not again per item)")
    func largeFrontMatter() {
        let lines = ["tags:"] + (0..<50_000).map { "  - t\($0)" } + (0..<20_000).map { "k\($0): \($0)" }
        let (matter, problems) = FrontMatterParser(path: "x.md").parse(lines.map { Substring($0) }, firstLine: 2)
        #expect(problems.isEmpty)
        #expect(matter["tags"]?.list?.count == 50_000)
        #expect(matter["tags"]?.list?.last?.string == "t49999")
        #expect(matter.entries.count == 20_001)
    }
}
