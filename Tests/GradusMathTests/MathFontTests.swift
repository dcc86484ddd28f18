import Testing
@testable import GradusMath
import GradusTestSupport

/// The font alphabets are checked against Unicode's own character names (from the standard library's
/// Unicode tables), an oracle independent of the offsets in `MathFont`.
@Suite("Math fonts")
struct MathFontTests {
    static let latin = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZ".unicodeScalars)

    private func name(_ scalar: Unicode.Scalar) -> String { scalar.properties.name ?? "?" }

    @Test("Every Latin letter maps to the character Unicode names for its alphabet")
    func latinLetters() {
        let alphabets: [(MathFont, String)] = [
            (.bold, "MATHEMATICAL BOLD"), (.italic, "MATHEMATICAL ITALIC"), (.boldItalic, "MATHEMATICAL BOLD ITALIC"),
            (.script, "MATHEMATICAL SCRIPT"), (.doubleStruck, "MATHEMATICAL DOUBLE-STRUCK"),
            (.sansSerif, "MATHEMATICAL SANS-SERIF"), (.monospace, "MATHEMATICAL MONOSPACE"),
        ]
        for (font, prefix) in alphabets {
            for letter in MathFontTests.latin {
                for (scalar, size) in [(letter, "CAPITAL"), (Unicode.Scalar(letter.value + 32)!, "SMALL")] {
                    let mapped = name(font.map(scalar))
                    // Letters encoded before the mathematical block keep their older names: ℝ is
                    // DOUBLE-STRUCK CAPITAL R, ℒ is SCRIPT CAPITAL L, ℎ is PLANCK CONSTANT.
                    let older = prefix.replacingOccurrences(of: "MATHEMATICAL ", with: "") + " \(size) \(letter)"
                    let expected = "\(prefix) \(size) \(letter)"
                    #expect(mapped == expected || mapped == older || (font == .italic && scalar == "h"
                                                                       && mapped == "PLANCK CONSTANT"),
                            "\(font) \(scalar) → \(mapped)")
                }
            }
        }
    }

    @Test("Bold digits and bold Greek follow Unicode's names")
    func digitsAndGreek() {
        for digit in 0...9 {
            let scalar = Unicode.Scalar(UInt8(48 + digit))
            let words = ["ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE"]
            #expect(name(MathFont.bold.map(scalar)) == "MATHEMATICAL BOLD DIGIT \(words[digit])")
            #expect(name(MathFont.doubleStruck.map(scalar)) == "MATHEMATICAL DOUBLE-STRUCK DIGIT \(words[digit])")
        }
        for scalar in "αβγδεζηθικλμνξοπρστυφχψωΑΒΓΔΕΖΗΘΙΚΛΜΝΞΟΠΡΣΤΥΦΧΨΩ".unicodeScalars {
            // GREEK SMALL LETTER ALPHA → MATHEMATICAL BOLD SMALL ALPHA
            let greek = name(scalar).replacingOccurrences(of: "GREEK ", with: "")
                .replacingOccurrences(of: "LETTER ", with: "")
            #expect(name(MathFont.bold.map(scalar)) == "MATHEMATICAL BOLD \(greek)", "\(scalar)")
            #expect(name(MathFont.boldItalic.map(scalar)) == "MATHEMATICAL BOLD ITALIC \(greek)", "\(scalar)")
        }
    }

    @Test("Roman leaves letters as they are")
    func roman() {
        for letter in MathFontTests.latin { #expect(MathFont.roman.map(letter) == letter) }
    }
}
