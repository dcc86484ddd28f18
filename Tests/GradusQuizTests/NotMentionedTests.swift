import Testing
@testable import GradusQuiz

@Suite("Not-mentioned questions")
struct NotMentionedTests {
    let list: [QuizText] = ["Gradient clipping", "Batch normalization", "LSTM", "Residual connections", "ReLU"]
    let pool: [QuizText] = ["Dropout", "Função de Ativação", "Early stopping", "Weight decay"]
    let lesson = "We tried gradient clipping, batch normalization, LSTMs, residual connections and ReLU. "
        + "Early   Stopping helps too, and so does the FUNCAO DE ATIVACAO."

    @Test("Folding removes case, accents and repeated spaces, whatever the locale")
    func folding() {
        #expect(NotMentioned.fold("Função  de\tATIVAÇÃO") == "funcao de ativacao")
        #expect(NotMentioned.fold("Über Straße") == "uber straße")
        #expect(NotMentioned.fold("e\u{301}") == NotMentioned.fold("\u{E9}"))
    }

    @Test("A lesson folded once answers whether it mentions each item, overlaps and accents included")
    func mentions() {
        let lesson = LessonMentions("Aaab  ÄBABAC, função")
        #expect(lesson.mentions("aab"))
        #expect(lesson.mentions("abab ac") == false)
        #expect(lesson.mentions("ababac"))
        #expect(lesson.mentions("FUNCAO"))
        #expect(lesson.mentions("aaab ababac, funcao"))
        #expect(!lesson.mentions("aaab ababac, funcao!"))
        #expect(!lesson.mentions(" \t"), "an item that folds to nothing is never mentioned")
        #expect(lesson.unmentioned(["ABA", "Dropout", "", "b  ä"]).map(\.plain) == ["Dropout"])
    }

    @Test("The odd one out is a pool item the lesson never mentions, under every id")
    func unmentioned() throws {
        var outsiders = Set<String>()
        for n in 0..<40 {
            let question = try NotMentioned.generate(
                id: "l/q\(n)", prompt: nil, listItems: list, pool: pool, poolName: "p", lessonText: lesson,
                choices: 4, strings: .theme("en"), origin: "x:1:1").get()
            #expect(question.kind == .notMentioned)
            #expect(question.options.count == 4)
            let correct = question.options.filter(\.isCorrect).map(\.text.plain)
            #expect(correct.count == 1)
            outsiders.formUnion(correct)
            let others = question.options.filter { !$0.isCorrect }.map(\.text.plain)
            #expect(others.allSatisfy { item in list.contains { $0.plain == item } })
            #expect(Set(others).count == 3)
        }
        // "Early stopping" and "Função de Ativação" occur (folded); only these two are left.
        #expect(outsiders == ["Dropout", "Weight decay"])
    }

    @Test("The same id gives the same options; the explanation names the lesson's items")
    func stable() throws {
        let make = { try NotMentioned.generate(id: "lesson/tricks", prompt: nil, listItems: list, pool: pool, poolName: "p",
                                               lessonText: lesson, choices: 3, strings: .theme("pt"), origin: "x:1:1").get() }
        let first = try make(), second = try make()
        #expect(first == second)
        let inLesson = first.options.filter { !$0.isCorrect }.map(\.text.plain)
        let outsider = first.options.first { $0.isCorrect }!.text.plain
        #expect(first.explanation.plain == "A lição menciona “\(inLesson[0])” e “\(inLesson[1])”; “\(outsider)” não está entre eles.")
    }

    @Test("The negation is emphasised in the default and the author's question")
    func negation() throws {
        let generated = try NotMentioned.generate(id: "a", prompt: nil, listItems: list, pool: pool, poolName: "p",
                                                  lessonText: lesson, choices: 4, strings: .theme("de"), origin: "x:1:1").get()
        #expect(generated.prompt.runs == [.text("Welcher dieser Begriffe wird in der Lektion "), .strong("NICHT"),
                                          .text(" erwähnt?")])
        #expect(generated.prompt.html == "Welcher dieser Begriffe wird in der Lektion <strong>NICHT</strong> erwähnt?")
        let authored = NotMentioned.emphasizingNegation("Which trick is not in the notebook?", words: ["NOT"])
        #expect(authored.runs == [.text("Which trick is "), .strong("not"), .text(" in the notebook?")])
        let noWord = NotMentioned.emphasizingNegation("Which is nothing?", words: ["NOT"])
        #expect(noWord.runs == [.text("Which is nothing?")], "only whole words")
    }

    @Test("A pool whose items are all mentioned, or a list too short, cannot make a question")
    func failures() {
        let all = NotMentioned.generate(id: "a", prompt: nil, listItems: list, pool: ["lstm", "RELU"], poolName: "tricks",
                                        lessonText: lesson, choices: 4, strings: .theme("en"), origin: "x:1:1")
        #expect(all == .failure(.noUnmentionedItem(pool: "tricks", items: 2)))
        #expect(NotMentioned.Failure.noUnmentionedItem(pool: "tricks", items: 2).message
                == "every item of the pool 'tricks' (2) is mentioned in the lesson; add an item the lesson does not mention to the pool")
        let short = NotMentioned.generate(id: "a", prompt: nil, listItems: ["LSTM"], pool: pool, poolName: "p",
                                          lessonText: lesson, choices: 4, strings: .theme("en"), origin: "x:1:1")
        #expect(short == .failure(.listTooShort(items: 1, needed: 3)))
    }
}
