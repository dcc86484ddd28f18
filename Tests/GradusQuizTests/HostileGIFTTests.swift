import Testing
@testable import GradusQuiz

/// GIFT escaping on text that the fuzzer (Fuzz/gift) found: special characters followed by combining marks.
@Suite("GIFT writer on hostile text")
struct HostileGIFTTests {
    /// Whether every GIFT special scalar of `gift` is escaped, scanning scalars as Moodle's byte-level parser does.
    static func everySpecialEscaped(_ gift: String) -> Bool {
        var escaped = false
        for scalar in gift.unicodeScalars {
            if escaped { escaped = false; continue }
            if scalar == "\\" { escaped = true; continue }
            if "~=#{}:".unicodeScalars.contains(scalar) || scalar == "\n" || scalar == "\r" { return false }
        }
        return true
    }

    @Test("A special character followed by a combining mark is still escaped (it was one Character, left raw)",
          arguments: ["}\u{0301}", "a{\u{031D}b", "~\u{0308}", "=\u{20D7}", "#\u{0300}", ":\u{031D}x", "\\\u{0301}"])
    func combiningMark(text: String) {
        #expect(Self.everySpecialEscaped(GIFTWriter.escape(text)), "\(GIFTWriter.escape(text).unicodeScalars.map { $0 })")
    }

    @Test("A CRLF line break becomes \\n, never a raw line break that could end the question")
    func crlf() {
        #expect(GIFTWriter.escape("a\r\n\r\nb") == "a\\n\\nb")
    }

    /// Fuzz/gift/open/cr-then-combining-mark: a lone "\r" was dropped, so the combining mark after it joined the
    /// escaped character before it, and a Character-based reader lost the escape.
    @Test("A lone carriage return is a line break too, so a combining mark after it cannot join an escape")
    func loneCarriageReturn() {
        #expect(GIFTWriter.escape("}\r\u{0301}") == "\\}\\n\u{0301}")
        #expect(GIFTWriter.escape("a\rb") == "a\\nb")
    }
}
