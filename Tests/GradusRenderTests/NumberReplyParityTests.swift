import Foundation
import Testing
import GradusQuiz
import GradusTestSupport

/// The page grades a typed number with quiz.js, the terminal with `NumberReply` and `NumericAnswer`: the same
/// replies must get the same verdicts, and the same number to the last bit, in both. The script runs under node,
/// outside a page (Tests/GradusRenderTests/Browser/quiz_numbers.js).
@Suite("Number replies graded alike in the page and in the terminal")
struct NumberReplyParityTests {
    static let keys: [NumericAnswer] = [
        NumericAnswer(value: 0.25, tolerance: .absolute(0.001)),
        NumericAnswer(value: 0.25),
        NumericAnswer(value: -0.5, tolerance: .relative(0.01)),
        NumericAnswer(value: 0, tolerance: .absolute(0)),
        NumericAnswer(value: 100, tolerance: .relative(0.01)),
        NumericAnswer(value: 1.0 / 3.0),
        NumericAnswer(value: 1e-300, tolerance: .absolute(1e-310)),
        NumericAnswer(value: 0.3, tolerance: .absolute(0)),
    ]

    static let replies: [String] = [
        // The forms a learner may type, and the language's decimal comma.
        "0.25", "0,25", "1/4", "2.5e-1", "2.5E-1", "25e-2", "+0.25", "−0.5", "-0.5", "-1/2", "1/−2", "−1/2", "1 / 4",
        ".25", "25.", "-.5", "5.e-1", "1,5/6", "1.000,5", "1,000", "1.2.3", "0,5,0",
        // Wrong forms: nothing, words, a division by zero, an overflow, stray marks and other digits.
        "", " ", "abc", "1/0", "1/-0", "0/0", "1/", "/4", "1//4", "1e999", "-1e999", "1e10000", "1e00001", "1e-10000", "1e", "1e+", "1e−", "e5",
        ".", "-", "−", "+-1", "--1", "1-", "0x10", "Infinity", "NaN", "inf", "1_000", "1 000", "١٢", "１２", "1/\u{301}4",
        "2\u{301}", "1e1.5", "½",
        // Spaces around a reply are trimmed (a tab and Unicode spaces too); a line break is not.
        " 0.25 ", "\t0.25", "\u{00A0}0.25\u{3000}", "0.25\u{202F}", "\u{1680}0.25\u{205F}", "\u{2009}1\u{2009}/\u{2009}4",
        "0.25\n", "\u{2028}0.25", "0.25\u{85}", "\u{FEFF}0.25", "\u{200B}0.25", "\u{180E}0.25", "1 /4 ", "1/ 4",
        // Exactly on a bound, and a hair beyond it.
        "0.251", "0.249", "0.2510000000000001", "0.251000000001", "0.24899999", "0,251", "101", "99", "101.00000000000001", "101.0000001",
        "-0.505", "-0.495", "-0.50500001", "0.3", "0.30000000000000004", "0.1+0.2", "1/3", "0.3333333333", "0.333333333333",
        "0.33333333333333331", "0", "-0", "−0", "0.0000", "1e-310", "1.1e-300", "2e-300", "4.9e-324", "1e-400",
        "1e300/1e-300", "1e308", "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000"
            + "00000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"
            + "0000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
        "2.2250738585072014e-308", "9999e-9999", "1e-9999",
    ]

    struct Case: Encodable {
        var reply: String
        var separator: String
        var key: [String: String]
    }

    static func bits(_ x: Double) -> String {
        let hex = String(x.bitPattern, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// What Swift makes of a reply: "wrong form", or the number's bits and the verdict.
    static func swiftVerdict(_ reply: String, separator: String, key: NumericAnswer) -> String {
        guard let x = NumberReply.parse(reply, decimalSeparator: separator).number else { return "wrong form" }
        return bits(x) + " " + (key.accepts(x) ? "right" : "wrong")
    }

    static var cases: [(Case, NumericAnswer)] {
        var list: [(Case, NumericAnswer)] = []
        for key in keys {
            var encoded = ["value": bits(key.value)]
            switch key.tolerance {
            case .absolute(let t): encoded["absolute"] = bits(t)
            case .relative(let p): encoded["relative"] = bits(p)
            }
            for reply in replies {
                for separator in [".", ","] {
                    list.append((Case(reply: reply, separator: separator, key: encoded), key))
                }
            }
        }
        return list
    }

    @Test("The terminal's verdicts on the edge cases are the intended ones")
    func swiftVerdicts() {
        let quarter = NumericAnswer(value: 0.25, tolerance: .absolute(0.001))
        func verdict(_ reply: String, _ separator: String = ".", _ key: NumericAnswer = quarter) -> String {
            let result = Self.swiftVerdict(reply, separator: separator, key: key)
            return result == "wrong form" ? result : String(result.split(separator: " ")[1])
        }
        #expect(verdict("0,25", ",") == "right")
        #expect(verdict("0,25", ".") == "wrong form", "a comma is no decimal mark in English")
        for reply in ["1/4", "2.5e-1", "0.251", "0.249", " 0.25 "] { #expect(verdict(reply) == "right", "\(reply)") }
        for reply in ["0.251000000001", "0.24899999", "−0.25"] { #expect(verdict(reply) == "wrong", "\(reply)") }
        for reply in ["", "abc", "1/0", "1e999", "1e10000", "0.25\n", "1,000"] { #expect(verdict(reply) == "wrong form", "\(reply)") }
        #expect(verdict("−0.5", ".", NumericAnswer(value: -0.5)) == "right")
        #expect(verdict("101", ".", NumericAnswer(value: 100, tolerance: .relative(0.01))) == "right")
    }

    @Test("quiz.js parses every reply to the same number and gives the same verdict as Swift",
          .enabled(if: TestEnvironment.wants("node")))
    func sameVerdicts() throws {
        let node = try #require(TestEnvironment.tool("node"))
        let root = TestEnvironment.packageRoot
        let cases = Self.cases
        let input = try JSONEncoder().encode(cases.map(\.0))
        let run = try runProcess(node, [root.appendingPathComponent("Tests/GradusRenderTests/Browser/quiz_numbers.js").path,
                                        root.appendingPathComponent("templates/static/quiz.js").path], input: input)
        try #require(run.status == 0, "node failed:\n\(run.stderrText)")
        let lines = run.stdoutText.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        try #require(lines.count == cases.count)
        var verdicts: Set<String> = []
        for ((test, key), script) in zip(cases, lines) {
            let swift = Self.swiftVerdict(test.reply, separator: test.separator, key: key)
            #expect(script == swift, "reply \(test.reply.debugDescription) with '\(test.separator)' for \(key)")
            verdicts.insert(String(swift.split(separator: " ").last ?? ""))
        }
        #expect(verdicts == ["form", "right", "wrong"], "the cases reach every verdict")
    }
}
