import Foundation
import Testing
import GradusTestSupport
@testable import GradusQuiz

/// Every word a learner sees is in the theme's `i18n/LANG.json`, not in Swift: a course in any language brings its
/// own words, and the three built-in languages cannot drift apart in code.
@Suite("Quiz words are data")
struct WordsAsDataTests {
    /// Words of the quiz in pt and de that Swift code once held.
    static let formerWords = ["Verdadeiro", "Falso", "Wahr", "Falsch", "Richtig", "Pergunta", "Frage", "Pontuação",
                              "Ergebnis", "Você", "Leider", "NÃO", "NICHT", "Sessão", "Sitzung", "semente", "Startwert",
                              "Lições", "Lektionen", "Revisão", "Wiederholung", "Apagar", "löschen"]

    @Test("No Swift source under Sources/ holds the quiz's pt or de words, except the generated default theme and the starter course's sample text")
    func noWordsInSources() throws {
        let sources = TestEnvironment.packageRoot.appendingPathComponent("Sources")
        // The theme's words, copied in; and the lesson `gradus init` writes, which is content for the author to replace.
        let exempt = ["GradusRender/Theme/DefaultTheme+Files.swift", "GradusCLI/Starter/StarterText.swift"]
        var found: [String] = []
        for case let path as String in FileManager.default.enumerator(atPath: sources.path)?.allObjects ?? []
        where path.hasSuffix(".swift") && !exempt.contains(path) {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            found += Self.formerWords.filter { text.contains($0) }.map { "\(path): \($0)" }
        }
        #expect(found.isEmpty, "\(found)")
    }

    @Test("The theme gives every quiz key in pt, de and en")
    func everyKey() {
        for code in ["pt", "de", "en"] {
            let words = InterfaceWords.of(code)
            #expect(QuizStrings.keys.filter { words[$0] == nil }.isEmpty, "\(code)")
        }
    }

    @Test("Placeholders are filled in one pass, counts choose _one or _other, and a missing key shows its name")
    func filling() {
        let strings = QuizStrings(words: ["quiz_review_line": "Q{number}: {question}", "quiz_attempts_left_one": "({count} try)",
                                          "quiz_attempts_left_other": "({count} tries)"])
        #expect(strings.reviewLine(2, "Why {number}?") == "Q2: Why {number}?")
        #expect(strings.attemptsLeft(1) == "(1 try)" && strings.attemptsLeft(3) == "(3 tries)")
        #expect(strings.trueWord == "quiz_true")
        #expect(QuizStrings.theme("de").notMentionedExplanation(["a", "b", "c"], "d")
                == "Die Lektion erwähnt „a“, „b“ und „c“; „d“ gehört nicht dazu.")
    }
}
