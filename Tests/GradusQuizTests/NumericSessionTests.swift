import Testing
@testable import GradusQuiz

@Suite("Numeric and computed questions in the terminal")
struct NumericSessionTests {
    static let peak = Question(id: "l/peak", kind: .numeric, prompt: "Peak?", options: [], explanation: "At z = 0.",
                               origin: "x:1:1", numeric: NumericAnswer(value: 0.25, tolerance: .absolute(0.001)))

    /// A computed question whose variant for seed s asks for s mod 7 + 1 doubled.
    static let doubled: Question = {
        @Sendable func variant(_ seed: UInt64) -> Question {
            let x = Double(seed % 7 + 1)
            return Question(id: "l/double", kind: .numeric, prompt: QuizText(stringLiteral: "Double \(Int(x))?"), options: [],
                            explanation: "", origin: "x:2:1", numeric: NumericAnswer(value: 2 * x),
                            computed: Computed(generator: "double", values: [.init(name: "x", text: "\(Int(x))")],
                                               redraw: .init(key: "l/double", draw: variant)))
        }
        return variant(0)
    }()

    func machine(_ questions: [Question], language: String = "en", seed: UInt64 = 5) -> QuizMachine {
        QuizMachine(quiz: Quiz(lessonSlug: "l", lessonTitle: "L", language: language, questions: questions),
                    strings: .theme(language), attempts: 2, style: TerminalStyle(styled: false), variantSeed: seed, math: { $0 })
    }

    @Test("A reply in the wrong form gets a hint and costs no try; a decimal comma counts in Portuguese")
    func wrongForm() {
        var en = machine([Self.peak])
        #expect(en.start().hasSuffix("Peak?\n\nYour answer (a number): "))
        #expect(en.handle(.line("0,25")).output == "Type a number, such as 0.25, 1/4 or 2.5e-1.\nYour answer (a number): ")
        #expect(en.tries.isEmpty)
        let miss = en.handle(.line("0.2"))
        #expect(miss.output == "Not quite. Try again. (1 try left)\nYour answer (a number): ")
        let hit = en.handle(.line("1/4"))
        #expect(hit.finished?.correctInTheEnd == true && hit.finished?.correctOnFirstTry == false)
        #expect(hit.finished?.asked.map(\.reply) == ["0.2", "1/4"])
        #expect(hit.finished?.asked.map(\.expected) == [0.25, 0.25])

        var pt = machine([Self.peak], language: "pt")
        _ = pt.start()
        #expect(pt.handle(.line("0,2505")).finished?.correctOnFirstTry == true)
    }

    @Test("After the last try the key is shown with its tolerance, in the language's style")
    func key() {
        var pt = machine([Self.peak], language: "pt")
        _ = pt.start()
        _ = pt.handle(.line("1"))
        let last = pt.handle(.line("2"))
        #expect(last.output.contains("Resposta correta: 0,25 (± 0,001)\n"))
    }

    @Test("A computed question asks new numbers after a miss; the same seed asks the same numbers")
    func redraw() throws {
        var first = machine([Self.doubled])
        let start = first.start()
        let x1 = try #require(first.asking.computed?.values.first?.text)
        #expect(start.contains("Double \(x1)?"))
        let miss = first.handle(.line("-1"))
        let x2 = try #require(first.asking.computed?.values.first?.text)
        #expect(miss.output.contains("Double \(x2)?"), "the second try shows the new numbers")
        let hit = first.handle(.line(String(2 * Int(x2)!)))
        #expect(hit.finished?.correctInTheEnd == true)
        #expect(hit.finished?.asked.map { $0.values.first?.text } == [x1, x2])

        var again = machine([Self.doubled])
        _ = again.start()
        #expect(again.asking.computed?.values.first?.text == x1)
        let seeds = Set((0..<20).map { seed -> String in
            var other = machine([Self.doubled], seed: UInt64(seed))
            _ = other.start()
            return other.asking.computed?.values.first?.text ?? ""
        })
        #expect(seeds.count > 3, "other seeds draw other numbers")
    }

    @Test("Scripted numbers take one try and are echoed; the JSON result lists each attempt's values, reply and key")
    func scripted() {
        var m = machine([Self.peak, Self.doubled])
        _ = m.start(prompting: false)
        let step = m.handle(.number(0.3, "0.3"))
        #expect(step.output.hasPrefix("> 0.3\nNot quite.\nCorrect answer: 0.25 (± 0.001)\n"))
        let x = m.asking.computed?.values.first?.text ?? ""
        _ = m.handle(.number(2 * Double(x)!, "\(2 * Int(x)!)"))
        let json = QuizJSON.result(m.result, quiz: m.quiz, seed: 5, attempts: 1, passMark: nil)
        #expect(json.contains(#""asked": [{"values": {}, "reply": "0.3", "expected": 0.25, "tolerance": 0.001, "right": false}]"#))
        #expect(json.contains(#""asked": [{"values": {"x": "\#(x)"}, "reply": "\#(2 * Int(x)!)", "expected": \#(2 * Int(x)!), "#))
    }
}
