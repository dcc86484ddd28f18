import Testing
@testable import GradusQuiz

@Suite("Quiz state machine")
struct QuizMachineTests {
    let quiz = Quiz(lessonSlug: "l", lessonTitle: "Lesson", language: "en", questions: [
        Question(id: "l/q1", kind: .single, prompt: "One?",
                 options: [.init(text: "x", isCorrect: false), .init(text: "y", isCorrect: true)],
                 explanation: "", origin: "x:1:1"),
        Question(id: "l/q2", kind: .trueFalse, prompt: "Two.",
                 options: [.init(text: "True", isCorrect: true), .init(text: "False", isCorrect: false)],
                 explanation: "", origin: "x:2:1"),
    ])

    @Test("Events move the state: invalid input keeps it, a miss adds a try, a hit moves on and reports the outcome")
    func transitions() {
        var machine = QuizMachine(quiz: quiz, strings: .theme("en"), attempts: 2, style: TerminalStyle(styled: false), math: { $0 })
        #expect(machine.start().hasSuffix("  a) x\n  b) y\nYour answer (letter or number): "))
        let invalid = machine.handle(.line("7"))
        #expect(invalid.output == "Invalid answer; type one of the letters a, b or the option's number.\nYour answer (letter or number): ")
        #expect(invalid.finished == nil && machine.current == 0 && machine.tries.isEmpty)
        let miss = machine.handle(.line("a"))
        #expect(miss.output == "Not quite. Try again. (1 try left)\nYour answer (letter or number): ")
        #expect(machine.tries == [[0]])
        let hit = machine.handle(.line("2"))
        #expect(hit.finished?.attempts == [[0], [1]])
        #expect(hit.finished?.correctOnFirstTry == false && hit.finished?.correctInTheEnd == true)
        #expect(machine.current == 1 && machine.tries.isEmpty)
        #expect(hit.output.hasPrefix("Correct! Well done.\n\nQuestion 2 of 2\nTwo.\n"))
        let end = machine.handle(.endOfInput)
        #expect(machine.isFinished && machine.result.ended)
        #expect(end.output == "\nSession ended.\n\nScore: 0 of 2 on the first try, 1 of 2 in all.\n\nTo review:\n  Question 1: One?\n    Correct answer: b) y\n")
        #expect(machine.handle(.line("a")).output == "", "a finished machine ignores events")
    }
}

@Suite("Negation in authored questions")
struct AuthoredNegationTests {
    @Test("A capitalised NÃO in an authored question is bold on a styled terminal; a lowercase one is left alone")
    func emphasis() {
        let question = { (prompt: String) in
            Quiz(lessonSlug: "l", lessonTitle: "T", language: "pt", questions: [
                Question(id: "q", kind: .single, prompt: QuizText(stringLiteral: prompt),
                         options: [.init(text: "a", isCorrect: true), .init(text: "b", isCorrect: false)],
                         explanation: "", origin: "x:1:1"),
            ])
        }
        var upper = QuizMachine(quiz: question("Qual NÃO satura?"), strings: .theme("pt"), attempts: 1, style: TerminalStyle(styled: true), math: { $0 })
        #expect(upper.start().contains("Qual \u{1B}[1mNÃO\u{1B}[22m satura?"))
        var lower = QuizMachine(quiz: question("Por que não satura?"), strings: .theme("pt"), attempts: 1, style: TerminalStyle(styled: true), math: { $0 })
        #expect(lower.start().contains("Por que não satura?\n"))
    }
}
