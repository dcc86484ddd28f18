import Testing
@testable import GradusQuiz

@Suite("Character widths")
struct CharacterWidthTests {
    @Test("Accents take one column composed or not; CJK and emoji two; escape codes none")
    func widths() {
        #expect(CharacterWidth.of("ação") == 4)
        #expect(CharacterWidth.of("ac\u{327}a\u{303}o") == 4)
        #expect(CharacterWidth.of("勾配消失") == 8)
        #expect(CharacterWidth.of("😀 ok") == 5)
        #expect(CharacterWidth.of("\u{1B}[1mσ′(x) ≤ 1/4\u{1B}[22m") == 11)
    }

    @Test("Wrapping breaks on spaces within the width; a longer word stands alone")
    func wrap() {
        #expect(TextWrap.wrap("aaa bbb cc", width: 10) == "aaa bbb cc")
        #expect(TextWrap.wrap("aaa bbb ccc", width: 10) == "aaa bbb\nccc")
        #expect(TextWrap.wrap("aaaa bbbb cccc dddd", width: 10) == "aaaa bbbb\ncccc dddd")
        #expect(TextWrap.wrap("x " + String(repeating: "y", count: 14) + " z", width: 10) == "x\n" + String(repeating: "y", count: 14) + "\nz")
        #expect(TextWrap.wrap("  a) one two three", width: 12, indent: 5) == "  a) one two\n     three")
    }
}
