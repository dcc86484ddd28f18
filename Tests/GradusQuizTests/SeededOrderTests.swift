import Testing
@testable import GradusQuiz

@Suite("Seeded order")
struct SeededOrderTests {
    @Test("SplitMix64 from seed 0 gives the reference sequence")
    func reference() {
        // Vigna's splitmix64.c with x = 0 (also checked with a few lines of Python).
        var random = SeededRandom(seed: 0)
        #expect(random.next() == 0xe220_a839_7b1d_cdaf)
        #expect(random.next() == 0x6e78_9e6a_a1b9_65f4)
        #expect(random.next() == 0x06c4_5d18_8009_454f)
    }

    @Test("A shuffle is a permutation, and the same key and seed give the same one")
    func permutation() {
        var first = Array(0..<20), second = Array(0..<20)
        var a = SeededRandom(key: "x", seed: 9), b = SeededRandom(key: "x", seed: 9)
        a.shuffle(&first)
        b.shuffle(&second)
        #expect(first == second)
        #expect(first.sorted() == Array(0..<20))
        #expect(first != Array(0..<20))
    }

    let question = Question(id: "l/q1", kind: .single, prompt: "?", options: [
        .init(text: "a", isCorrect: false), .init(text: "b", isCorrect: true), .init(text: "c", isCorrect: false),
        .init(text: "d", isCorrect: false), .init(text: "none of the above", isCorrect: false, isPinned: true),
    ], explanation: "", origin: "x:1:1")

    @Test("A pinned option keeps its place under every seed; the others move")
    func pinned() {
        var orders = Set<[String]>()
        for seed in UInt64(0)..<50 {
            let shuffled = QuestionOrder.shuffledOptions(question, seed: seed)
            #expect(shuffled.options[4].text.plain == "none of the above")
            #expect(Set(shuffled.options.map(\.text.plain)) == Set(question.options.map(\.text.plain)))
            #expect(shuffled.correctIndices.map { shuffled.options[$0].text.plain } == ["b"])
            orders.insert(shuffled.options.map(\.text.plain))
        }
        #expect(orders.count > 10, "50 seeds give many of the 24 orders of four options")
    }

    @Test("Questions shuffle by the seed; the same seed replays the same session")
    func questions() {
        let quiz = Quiz(lessonSlug: "l", lessonTitle: "T", language: "en", questions: (1...6).map { n in
            Question(id: "l/q\(n)", kind: .single, prompt: QuizText(stringLiteral: "\(n)"),
                     options: question.options, explanation: "", origin: "x:\(n):1")
        })
        #expect(QuestionOrder.shuffled(quiz, seed: 3) == QuestionOrder.shuffled(quiz, seed: 3))
        let orders = Set((UInt64(0)..<10).map { QuestionOrder.shuffled(quiz, seed: $0).questions.map(\.id) })
        #expect(orders.count > 5)
    }
}
