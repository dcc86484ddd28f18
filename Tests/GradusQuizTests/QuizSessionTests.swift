import Synchronization
import Testing
@testable import GradusQuiz

/// A terminal made of strings: what the session wrote, and lines it reads in turn.
final class FakeTerminal: Sendable {
    let output = Mutex("")
    let input: Mutex<ArraySlice<String>>

    init(_ lines: [String] = []) { input = Mutex(lines[...]) }

    var terminal: Terminal {
        Terminal(write: { text in self.output.withLock { $0 += text } },
                 readLine: { self.input.withLock { $0.popFirst() } }, styled: false)
    }

    var text: String { output.withLock { $0 } }
}

@Suite("Quiz session")
struct QuizSessionTests {
    let quiz = Quiz(lessonSlug: "l", lessonTitle: "Lição", language: "pt", questions: [
        Question(id: "l/q1", kind: .single, prompt: QuizText(runs: [.text("Quanto é "), .math("1+1"), .text("?")], html: ""),
                 options: [.init(text: "1", isCorrect: false), .init(text: "2", isCorrect: true, why: "Soma.")],
                 explanation: "Um mais um.", origin: "x:1:1"),
        Question(id: "l/q2", kind: .multiple, prompt: "Pares?",
                 options: [.init(text: "2", isCorrect: true), .init(text: "3", isCorrect: false), .init(text: "4", isCorrect: true)],
                 explanation: "", origin: "x:9:1"),
    ])

    @Test("Scripted answers are graded without reading input, in the quiz's language")
    func scripted() {
        let fake = FakeTerminal()
        let result = QuizSession(quiz: quiz, attempts: 2, terminal: fake.terminal, math: { "⟨\($0)⟩" })
            .run(scripted: [[1], [0, 1]])
        #expect(result.firstTry == 1)
        #expect(result.correct == 1)
        #expect(fake.text == """
        Lição

        Pergunta 1 de 2
        Quanto é ⟨1+1⟩?

          a) 1
          b) 2
        > b
        Você acertou! Parabéns.
        Explicação: Um mais um.

        Pergunta 2 de 2
        Pares?

          a) 2
          b) 3
          c) 4
        > a,b
        Você errou.
        Resposta correta: a) 2; c) 4

        Pontuação: 1 de 2 na primeira tentativa, 1 de 2 no total.

        """)
    }

    @Test("Interactive: invalid input re-prompts with a hint, a miss allows another try")
    func interactive() {
        let fake = FakeTerminal(["z", "a", "2", "a, c"])
        let result = QuizSession(quiz: quiz, attempts: 2, terminal: fake.terminal, math: { $0 }).run()
        #expect(result.outcomes.map(\.attempts) == [[[0], [1]], [[0, 2]]])
        #expect(result.firstTry == 1)
        #expect(result.correct == 2)
        #expect(fake.text.contains("Resposta inválida; digite uma das letras a, b ou o número da opção."))
        #expect(fake.text.contains("Você errou! Tente novamente. (resta 1 tentativa)"))
    }

    @Test("End of input stops the session with a summary of what was answered")
    func endOfInput() {
        let fake = FakeTerminal(["b"])
        let result = QuizSession(quiz: quiz, attempts: 2, terminal: fake.terminal, math: { $0 }).run()
        #expect(result.ended)
        #expect(result.firstTry == 1)
        #expect(fake.text.hasSuffix("Pontuação: 1 de 2 na primeira tentativa, 1 de 2 no total.\n"))
    }
}

@Suite("Answer parsing")
struct AnswerParserTests {
    @Test("Letters and 1-based numbers name options, case-insensitively")
    func single() {
        #expect(AnswerParser.parse("b", optionCount: 3, allowsMany: false) == [1])
        #expect(AnswerParser.parse("B", optionCount: 3, allowsMany: false) == [1])
        #expect(AnswerParser.parse(" 3 ", optionCount: 3, allowsMany: false) == [2])
        #expect(AnswerParser.parse("d", optionCount: 3, allowsMany: false) == nil)
        #expect(AnswerParser.parse("0", optionCount: 3, allowsMany: false) == nil)
        #expect(AnswerParser.parse("", optionCount: 3, allowsMany: false) == nil)
        #expect(AnswerParser.parse("a,b", optionCount: 3, allowsMany: false) == nil)
    }

    @Test("Several options are separated by commas, spaces or '+'")
    func many() {
        #expect(AnswerParser.parse("a, c", optionCount: 3, allowsMany: true) == [0, 2])
        #expect(AnswerParser.parse("a+c", optionCount: 3, allowsMany: true) == [0, 2])
        #expect(AnswerParser.parse("1 3", optionCount: 3, allowsMany: true) == [0, 2])
        #expect(AnswerParser.parse("a,x", optionCount: 3, allowsMany: true) == nil)
    }
}
