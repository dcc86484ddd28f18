import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

@Suite("gradus quiz")
struct QuizCommandTests {
    @Test("Scripted answers grade the first lesson in Portuguese")
    func scripted() {
        let run = CLIRun(["quiz", "--content", TestEnvironment.packageRoot.appendingPathComponent("content").path,
                          "--lang", "pt", "--answers", "b,a"])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.hasPrefix("Retropropagação e a regra da cadeia\n\nPergunta 1 de 2\n"))
        #expect(run.out.contains("> b\nVocê acertou! Parabéns."))
        #expect(run.out.hasSuffix("Pontuação: 2 de 2 na primeira tentativa, 2 de 2 no total.\n"))
    }

    @Test("Answers that do not fit the quiz are usage errors")
    func badAnswers() {
        let content = TestEnvironment.packageRoot.appendingPathComponent("content").path
        let wrongCount = CLIRun(["quiz", "--content", content, "--lang", "en", "--answers", "b"])
        #expect(wrongCount.status == 64)
        #expect(wrongCount.err == "gradus: error: --answers has 1 entry but the quiz has 2 questions (give one entry per question, separated by commas)\n")
        let badLetter = CLIRun(["quiz", "--content", content, "--lang", "en", "--answers", "b,q"])
        #expect(badLetter.status == 64)
        #expect(badLetter.err == "gradus: error: invalid answer 'q' for question 2 (expected one letter among a, b, c)\n")
    }

    @Test("An unknown lesson names the nearest one")
    func unknownLesson() {
        let run = CLIRun(["quiz", "--content", TestEnvironment.packageRoot.appendingPathComponent("content").path,
                          "--lesson", "backprop"])
        #expect(run.status == 64)
        #expect(run.err.contains("unknown lesson 'backprop'"))
    }
}
