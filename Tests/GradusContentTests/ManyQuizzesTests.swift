import Foundation
import Testing
import GradusMarkdown
import GradusQuiz
import GradusTestSupport
@testable import GradusContent

/// Long lessons with a question in every section: what the compiler shares between a lesson's questions (the
/// not-mentioned index, the headings outside directives) must give each question what it would get alone.
@Suite("Lessons with many questions")
struct ManyQuizzesTests {
    static let sections = 300

    static func section(_ n: Int) -> String {
        """
        ## Remedies \(n) {#remedies-\(n)}

        - **Alpha \(n)** helps.
        - **Beta \(n)** helps too.
        - Gamma \(n)

        ::: quiz not-mentioned
        id: s\(n)/not-mentioned
        list: remedies-\(n)
        pool: p
        choices: 3
        :::

        ::: quiz true-false
        id: s\(n)/true-false
        answer: true
        ### Section \(n) is a section.
        :::


        """
    }

    static let lesson = "---\ntitle: Many\n---\nThe lesson never names dropout's rival.\n\n"
        + (1...sections).map(section).joined()
    static let pool = "- Alpha 7\n- Early stopping\n- Dropout\n- Weight decay\n- Beta 299\n"

    @Test("Each of 300 not-mentioned questions draws on its own section's list and the pool items the lesson never names")
    func everyQuestion() throws {
        let root = try temporaryCourse(["course.yml": "languages: [en]\ndefault: en\n",
                                        "lessons/01-many.en.md": Self.lesson, "pools/p.en.md": Self.pool])
        let course = try ContentLoader(root: root, displayRoot: "content").load()
        let compiled = try LessonCompiler(registry: .standard, words: InterfaceWords.all).compile(course)
        let translation = try #require(compiled.lessons.first?.translations[Language("en")])
        let questions = translation.questions.map(\.question)
        #expect(questions.count == 2 * Self.sections)
        let generated = questions.filter { $0.kind == .notMentioned }
        #expect(generated.map(\.id) == (1...Self.sections).map { "s\($0)/not-mentioned" })
        // "Alpha 7", "Beta 299" and "Dropout" occur in the lesson's text; "Weight decay" and "Early stopping" do not.
        let lessonText = NotMentionedIndex.textOutsideQuizzes(translation.document.root)
        for (n, question) in zip(1..., generated) {
            let items = ["Alpha \(n)", "Beta \(n)", "Gamma \(n)"].map { QuizText(stringLiteral: $0) }
            let correct = question.options.filter(\.isCorrect).map(\.text.plain)
            #expect(correct.count == 1 && ["Early stopping", "Weight decay"].contains(correct[0]), "question \(n): \(correct)")
            #expect(question.options.filter { !$0.isCorrect }.allSatisfy { items.map(\.plain).contains($0.text.plain) })
            // The same question as the generator makes from the whole lesson's text for this question alone.
            let alone = NotMentioned.generate(id: question.id, prompt: nil, listItems: items,
                                              pool: ["Alpha 7", "Early stopping", "Dropout", "Weight decay", "Beta 299"],
                                              poolName: "p", lessonText: lessonText, choices: 3,
                                              strings: QuizStrings(words: InterfaceWords.of("en")),
                                              origin: question.origin)
            #expect(try alone.get().options.map(\.text.plain) == question.options.map(\.text.plain), "question \(n)")
        }
        #expect(Set(generated.flatMap { $0.options.filter(\.isCorrect).map(\.text.plain) }) == ["Early stopping", "Weight decay"])
    }

    @Test("Headings inside 3 000 nested directives stay out of the outline; the ones outside stay in")
    func nestedDirectives() throws {
        let depth = 3_000
        let body = "## Before {#before}\n\n" + String(repeating: "::: quiz\n### Inside?\n", count: depth)
            + String(repeating: ":::\n", count: depth) + "\n## After {#after}\n"
        let document = Markdown.parse(body, options: MarkdownOptions(dialect: .lesson))
        let inside = document.nodesInsideDirectives
        let headings = document.allNodes.filter { $0.kind == .heading }
        #expect(headings.count == depth + 2)
        #expect(headings.filter { !inside.contains($0.index) }.compactMap(\.headingID) == ["before", "after"])
        let file = SourceFile(path: "lessons/01-x.en.md", frontMatter: FrontMatter(entries: []), body: body, bodyFirstLine: 1)
        #expect(TranslationOutline(document, locate: Locator(file: file)).headings.count == 2)
    }
}
