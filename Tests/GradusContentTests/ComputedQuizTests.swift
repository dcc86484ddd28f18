import Foundation
import Testing
import GradusQuiz
import GradusSimulation
import GradusTestSupport
@testable import GradusContent

/// Compiles lessons with one test generator, `square` (value x in 1…9 with one decimal, answer x²).
private func compiled(_ files: [String: String]) throws -> CompiledCourse {
    let square = QuestionGenerator(
        name: "square", summary: "x squared", values: [.init("x", help: "a number", range: "1 … 9")],
        relativeTolerance: 0.001,
        draw: { seed in
            let x = Double(10 + seed % 80) / 10
            return QuestionGenerator.Draw(shown: [.init("x", x, decimals: 1)], answer: x * x, distractors: [2 * x, x, x * x * x])
        })
    var files = files
    files["course.yml"] = files.keys.contains { $0.hasSuffix(".de.md") } ? "languages: [en, de]\n" : "languages: [en]\n"
    let course = try ContentLoader(root: try temporaryCourse(files), displayRoot: "content").load()
    return LessonCompiler(registry: .standard, generators: QuestionGenerators([square]), words: InterfaceWords.all,
                          inlineHTML: { nodes, fill in fill.prose(nodes.map { $0.plainText }.joined()) + "|" + fill.tex("{x}") })
        .compileReporting(course)
}

private func messages(_ course: CompiledCourse) -> [String] { course.warnings.map(\.formatted) }

@Suite("Numeric and computed questions, exercises")
struct ComputedQuizTests {
    let header = "---\ntitle: One\n---\n"

    @Test("A numeric question reads 'answer:' under its heading; a wrong key or options are located errors")
    func numeric() throws {
        let good = try compiled(["lessons/01-one.en.md": header + "::: quiz numeric\nid: peak\n### Peak?\nanswer: 0.25 ± 0.001\n> Why.\n:::\n"])
        let question = try #require(good.quiz("one", language: Language("en"))?.questions.first)
        #expect(question.kind == .numeric && question.numeric == NumericAnswer(value: 0.25, tolerance: .absolute(0.001)))
        #expect(question.explanation.plain == "Why.")
        let bad = try compiled(["lessons/01-one.en.md": header
            + "::: quiz numeric\n### Peak?\nanswer: a quarter\n:::\n\n::: quiz numeric\n### No key?\n:::\n\n"
            + "::: quiz numeric\n### Options?\nanswer: 1\n- [x] one\n:::\n"])
        #expect(messages(bad) == [
            "content/lessons/01-one.en.md:6:1: error: answer 'a quarter' is not a number; write 'answer: 0.25', 'answer: 0.25 ± 0.001' or 'answer: 0.25 ± 1%'",
            "content/lessons/01-one.en.md:9:1: error: a numeric quiz needs its key: 'answer: 0.25', 'answer: 0.25 ± 0.001' or 'answer: 0.25 ± 1%'",
            "content/lessons/01-one.en.md:16:1: error: a numeric question has no options: the learner types a number; give the key as 'answer: VALUE'",
        ])
    }

    @Test("A computed question fills its placeholders per language and per variant, prose and math alike")
    func computed() throws {
        let text = "::: quiz computed\nid: sq\ngenerator: square\n### What is ${x}^2$, with x = {x}?\n> It is {answer}.\n:::\n"
        let course = try compiled(["lessons/01-one.en.md": header + text, "lessons/01-one.de.md": "---\ntitle: Eins\n---\n" + text])
        #expect(messages(course) == [])
        let en = try #require(course.quiz("one", language: Language("en"))?.questions.first)
        let de = try #require(course.quiz("one", language: Language("de"))?.questions.first)
        let x = try #require(en.computed?.values.first?.text)
        #expect(en.kind == .numeric && en.computed?.generator == "square")
        #expect(en.prompt.plain == "What is \(x)^2, with x = \(x)?")
        #expect(de.prompt.plain == "What is \(x.replacingOccurrences(of: ".", with: "{,}"))^2, with x = \(x.replacingOccurrences(of: ".", with: ","))?")
        #expect(en.prompt.html.hasSuffix("|\(x)"), "the HTML hook fills math before rendering")
        let value = Double(x)!
        #expect(en.numeric == NumericAnswer(value: value * value, tolerance: .relative(0.001)))
        let variants = en.variants(seed: 1)
        #expect(variants.count == 16 && variants[0].prompt == en.prompt, "variant 0 under the course's seed is the one compiled")
        #expect(Set(variants.map(\.prompt.plain)).count > 8)
        #expect(variants.allSatisfy { v in
            let x = Double(v.computed!.values[0].text)!
            return v.numeric!.value == x * x && v.explanation.plain == "It is \(NumberFormat.display(x * x, separators: .plain))."
        })
    }

    @Test("Choices turn a computed question into multiple choice among the key and the generator's likely mistakes")
    func choices() throws {
        let course = try compiled(["lessons/01-one.en.md": header + "::: quiz computed\ngenerator: square\nchoices: 3\n### {x} squared?\n:::\n"])
        let question = try #require(course.quiz("one", language: Language("en"))?.questions.first)
        #expect(question.kind == .single && question.options.count == 3 && question.correctIndices == [0])
        let x = Double(question.computed!.values[0].text)!
        #expect(question.options.map(\.text.plain) == [x * x, 2 * x, x].map { NumberFormat.display($0, separators: .plain) })
    }

    @Test("Unknown generators, placeholders and settings are errors at their line, with a suggestion")
    func checks() throws {
        let course = try compiled(["lessons/01-one.en.md": header
            + "::: quiz computed\ngenerator: sqare\n### {x}?\n:::\n\n"
            + "::: quiz computed\ngenerator: square\n### What is {y}?\n> {answr}\n:::\n\n"
            + "::: quiz computed\ngenerator: square\nchoices: 9\ntolerance: lots\n### {x}?\n:::\n\n"
            + "::: quiz computed\n### {x}?\n:::\n"])
        #expect(messages(course) == [
            "content/lessons/01-one.en.md:5:1: error: unknown generator 'sqare'; did you mean 'square'? 'gradus quiz --generators' lists them: square",
            "content/lessons/01-one.en.md:11:5: error: placeholder '{y}' is not a value of generator 'square'; did you mean '{x}'? it fills {answer}, {x}",
            "content/lessons/01-one.en.md:12:3: error: placeholder '{answr}' is not a value of generator 'square'; did you mean '{answer}'? it fills {answer}, {x}",
            "content/lessons/01-one.en.md:18:1: error: tolerance must be '0.001' (absolute) or '1%' (relative), found 'lots'",
            "content/lessons/01-one.en.md:22:1: error: a computed quiz needs 'generator: NAME'; generators: square",
        ])
    }

    @Test("Exercises are numbered, listed in the outline, warned about without a solution; a stray solution is an error")
    func exercises() throws {
        let course = try compiled(["lessons/01-one.en.md": header
            + "## Part {#part}\n\n::: exercise\n### Bound\nShow that $x \\le 1$.\n\n::: solution\nBecause.\n:::\n:::\n\n"
            + "::: exercise\nid: run-it\nRun it.\n:::\n\n::: solution\nLost.\n:::\n"])
        #expect(messages(course) == [
            "content/lessons/01-one.en.md:15:1: warning: exercise 2 has no solution; add '::: solution' with the worked answer inside the exercise",
            "content/lessons/01-one.en.md:20:1: error: '::: solution' belongs inside an '::: exercise' (nest it before the exercise's closing ':::')",
        ])
        let translation = try #require(course.lessons.first?.translations[Language("en")])
        #expect(translation.outline.map(\.text) == ["Part", "Exercise 1: Bound", "Exercise 2"])
        #expect(translation.outline.map(\.id) == ["part", "exercise-1", "exercise-2"])
        let exercises = course.quiz("one", language: Language("en"))?.exercises ?? []
        #expect(exercises.map(\.id) == ["one/ex1", "run-it"])
        #expect(exercises.first?.solution?.plain == "Because." && exercises.last?.solution == nil)
        #expect(exercises.first?.statement.plain == "Bound\n\nShow that x \\le 1.")
    }
}
