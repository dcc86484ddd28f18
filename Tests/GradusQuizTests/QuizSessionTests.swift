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
        let result = QuizSession(quiz: quiz, strings: .theme("pt"), attempts: 2, terminal: fake.terminal, math: { "⟨\($0)⟩" })
            .run(scripted: [.options([1]), .options([0, 1])])
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

        Para revisar:
          Pergunta 2: Pares?
            Resposta correta: a) 2; c) 4

        """)
    }

    @Test("Interactive: invalid input re-prompts with a hint, a miss allows another try")
    func interactive() {
        let fake = FakeTerminal(["z", "a", "2", "a, c"])
        let result = QuizSession(quiz: quiz, strings: .theme("pt"), attempts: 2, terminal: fake.terminal, math: { $0 }).run()
        #expect(result.outcomes.map(\.attempts) == [[[0], [1]], [[0, 2]]])
        #expect(result.firstTry == 1)
        #expect(result.correct == 2)
        #expect(fake.text.contains("Resposta inválida; digite uma das letras a, b ou o número da opção."))
        #expect(fake.text.contains("Você errou! Tente novamente. (resta 1 tentativa)"))
    }

    @Test("End of input stops the session with a summary of what was answered")
    func endOfInput() {
        let fake = FakeTerminal(["b"])
        let result = QuizSession(quiz: quiz, strings: .theme("pt"), attempts: 2, terminal: fake.terminal, math: { $0 }).run()
        #expect(result.ended)
        #expect(result.firstTry == 1)
        #expect(fake.text.contains("Sessão encerrada.\n\nPontuação: 1 de 2 na primeira tentativa, 1 de 2 no total.\n"))
        #expect(!fake.text.contains("Pergunta 2:"), "an unasked question is not in the review")
    }

    @Test("After the last miss: the correct answer, the explanation and why each option is right or wrong")
    func reasons() {
        let fake = FakeTerminal(["a", "a"])
        let result = QuizSession(quiz: quiz, strings: .theme("pt"), attempts: 2, terminal: fake.terminal, math: { $0 }).run()
        #expect(result.outcomes.first?.attempts == [[0], [0]])
        #expect(fake.text.contains("""
        Você errou! Tente novamente. (resta 1 tentativa)
        Sua resposta (letra ou número): Você errou.
        Resposta correta: b) 2
        Explicação: Um mais um.
        Por quê:
          b) certa: Soma.

        """))
    }

    @Test("A styled terminal gets bold and colour codes; an unstyled one none at all")
    func styling() {
        let plain = FakeTerminal(["b", "a c"])
        _ = QuizSession(quiz: quiz, strings: .theme("pt"), attempts: 2, terminal: plain.terminal, math: { $0 }).run()
        #expect(!plain.text.contains("\u{1B}"))
        let styledOutput = Mutex("")
        let styled = Terminal(write: { text in styledOutput.withLock { $0 += text } }, readLine: { "b" }, styled: true)
        _ = QuizSession(quiz: Quiz(lessonSlug: "l", lessonTitle: "T", language: "en", questions: [quiz.questions[0]]),
                        strings: .theme("en"), attempts: 1, terminal: styled, math: { $0 }).run()
        let text = styledOutput.withLock { $0 }
        #expect(text.hasPrefix("\u{1B}[1mT\u{1B}[22m\n"))
        #expect(text.contains("\u{1B}[32mCorrect! Well done.\u{1B}[39m"))
    }

    @Test("A seed drawn for the session is shown so that it can be replayed")
    func seedShown() {
        let fake = FakeTerminal()
        _ = QuizSession(quiz: Quiz(lessonSlug: "l", lessonTitle: "T", language: "de", questions: []), strings: .theme("de"), attempts: 1,
                        terminal: fake.terminal, shownSeed: 4242, math: { $0 }).run()
        #expect(fake.text == "T\n(Startwert 4242; wiederholen mit --seed 4242)\nDiese Lektion hat keine Fragen.\n\nErgebnis: 0 von 0 beim ersten Versuch, 0 von 0 insgesamt.\n")
    }

    @Test("Long texts wrap at the terminal's width, option continuations indented under the text")
    func wrapping() {
        let long = Question(id: "w", kind: .single, prompt: QuizText(stringLiteral: String(repeating: "ação ", count: 30)),
                            options: [.init(text: QuizText(stringLiteral: String(repeating: "字 ", count: 30)), isCorrect: true),
                                      .init(text: "x", isCorrect: false)], explanation: "", origin: "w:1:1")
        let fake = FakeTerminal(["a"])
        _ = QuizSession(quiz: Quiz(lessonSlug: "l", lessonTitle: "T", language: "pt", questions: [long]),
                        strings: .theme("pt"), attempts: 1, terminal: Terminal(write: fake.terminal.write, readLine: fake.terminal.readLine,
                                                        styled: false, width: 40), math: { $0 }).run()
        let lines = fake.text.split(separator: "\n").map(String.init)
        // "ação" is 4 columns: 8 words and 7 spaces make 39 columns; a ninth would make 44.
        #expect(lines.contains(String(repeating: "ação ", count: 7) + "ação"))
        // A wide character takes 2 columns: "  a) " (5) then 11 × "字 " and "字" = 5 + 35 = 40 columns.
        #expect(lines.contains("  a) " + String(repeating: "字 ", count: 11) + "字"))
        #expect(lines.contains("     " + String(repeating: "字 ", count: 11) + "字"))
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
