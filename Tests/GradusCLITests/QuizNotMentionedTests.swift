import Testing
import GradusMarkdown
import GradusQuiz
import GradusTestSupport
@testable import GradusContent

/// The compile side of `::: quiz not-mentioned`, read from a lesson and a pool written here.
@Suite("Not-mentioned quizzes in lessons")
struct QuizNotMentionedTests {
    static let lesson = """
    Deep networks train better with a few tricks.

    ## Tricks {#tricks}

    - **Gradient clipping** bounds the norm of the gradient.
    - **Batch normalization** rescales activations.
    - **Residual connections** add the input to the output.
    - LSTM gates

    ## Elsewhere {#elsewhere}

    Nothing here talks about dropout.

    ::: quiz not-mentioned
    list: tricks
    pool: tricks
    choices: 3
    :::

    ::: quiz
    ### Is weight decay mentioned in this quiz?
    - [x] Only here: quizzes do not count.
    - [ ] No.
    :::

    """

    func read(_ lesson: String, pool: String?, language: String = "en") -> (Question?, [Diagnostic]) {
        let document = Markdown.parse(lesson, options: MarkdownOptions(dialect: .lesson))
        let file = SourceFile(path: "lessons/01-deep.\(language).md", frontMatter: FrontMatter(entries: []),
                              body: lesson, bodyFirstLine: 5)
        let pools = pool.map { ["tricks": SourceFile(path: "pools/tricks.\(language).md", frontMatter: FrontMatter(entries: []),
                                                     body: $0, bodyFirstLine: 1)] } ?? [:]
        let node = document.allNodes.first { $0.kind == .directive && $0.directiveArguments?.hasPrefix("not-mentioned") == true }!
        let locate = Locator(file: file)
        var diagnostics: [Diagnostic] = []
        let question = QuizDirective(inlineHTML: { _, _ in "" }, language: language,
                                     strings: QuizStrings(words: InterfaceWords.of(language)), pools: pools)
            .read(node, defaultID: "deep/q1", at: locate(node.position), locate: locate, diagnostics: &diagnostics)
        return (question, diagnostics)
    }

    @Test("Choices are the items' bold lead or text; the odd one is the pool's only unmentioned item")
    func generated() throws {
        let (question, diagnostics) = read(Self.lesson, pool: "- Dropout\n- Weight decay\n- gradient CLIPPING\n")
        #expect(diagnostics.isEmpty)
        let q = try #require(question)
        #expect(q.id == "deep/q1")
        #expect(q.kind == .notMentioned)
        #expect(q.options.count == 3)
        // Dropout and gradient clipping occur in the lesson's text; weight decay only inside a quiz.
        #expect(q.options.filter(\.isCorrect).map(\.text.plain) == ["Weight decay"])
        let fromList = Set(q.options.filter { !$0.isCorrect }.map(\.text.plain))
        #expect(fromList.isSubset(of: ["Gradient clipping", "Batch normalization", "Residual connections", "LSTM gates"]))
        #expect(q.prompt.runs == [.text("Which of these is "), .strong("NOT"), .text(" mentioned in the lesson?")])
        let again = read(Self.lesson, pool: "- Dropout\n- Weight decay\n- gradient CLIPPING\n").0
        #expect(again == question, "the same id gives the same options")
    }

    @Test("A pool with no unmentioned item is an error at the pool parameter")
    func allMentioned() {
        let (question, diagnostics) = read(Self.lesson, pool: "- Dropout\n- LSTM\n")
        #expect(question == nil)
        #expect(diagnostics.map(\.formatted) == [
            "lessons/01-deep.en.md:20:1: error: every item of the pool 'tricks' (2) is mentioned in the lesson; "
                + "add an item the lesson does not mention to the pool",
        ])
    }

    @Test("A missing pool, an unknown list and a bad choices value are located errors")
    func errors() {
        #expect(read(Self.lesson, pool: nil).1.map(\.formatted) == [
            "lessons/01-deep.en.md:20:1: error: no pool 'tricks' in language 'en'; write pools/tricks.en.md",
        ])
        let unknownList = Self.lesson.replacingOccurrences(of: "list: tricks", with: "list: trick")
        #expect(read(unknownList, pool: "- x\n").1.map(\.formatted) == [
            "lessons/01-deep.en.md:19:1: error: no list under a heading with id 'trick'; did you mean 'tricks'? "
                + "name the id of the heading above the list",
        ])
        let badChoices = Self.lesson.replacingOccurrences(of: "choices: 3", with: "choices: one")
        #expect(read(badChoices, pool: "- x\n").1.map(\.formatted) == [
            "lessons/01-deep.en.md:21:1: error: choices must be a whole number of at least 2, found 'one'",
        ])
    }
}
