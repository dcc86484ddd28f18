import Foundation
import Testing
import GradusSimulation
import GradusTestSupport
@testable import GradusContent

/// Writes a small course into a temporary folder: `files` maps paths under content/ to their text.
func temporaryCourse(_ files: [String: String]) throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-course-\(UUID().uuidString)")
    var all = files
    all["course.yml"] = all["course.yml"] ?? "languages: [en, de]\ndefault: en\n"
    all["course.en.md"] = all["course.en.md"] ?? "---\ntitle: C\n---\n"
    all["course.de.md"] = all["course.de.md"] ?? "---\ntitle: K\n---\n"
    for (path, text) in all {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }
    return root
}

func compileErrors(_ files: [String: String]) throws -> [String] {
    let course = try ContentLoader(root: try temporaryCourse(files), displayRoot: "content").load()
    do {
        _ = try LessonCompiler(registry: .standard, words: InterfaceWords.all).compile(course)
        return []
    } catch {
        return error.diagnostics.filter { $0.severity == .error }.map(\.formatted)
    }
}

@Suite("Lesson compiler")
struct LessonCompilerTests {
    @Test("Links to lessons and headings resolve; broken ones are located errors with a suggestion")
    func links() throws {
        let errors = try compileErrors([
            "lessons/01-one.en.md": "---\ntitle: One\n---\n## Start {#start}\n\n[ok](02-two.md#end) [ok too](two.en.md) [self](#start)\n\n[bad](03-three.md) [bad heading](02-two.md#ende) [bad self](#stat)\n",
            "lessons/02-two.en.md": "---\ntitle: Two\n---\n## End {#end}\n\n[back](01-one.md#start)\n",
        ])
        #expect(errors == [
            "content/lessons/01-one.en.md:8:1: error: broken link '03-three.md': no lesson 'three'",
            "content/lessons/01-one.en.md:8:20: error: broken link '02-two.md#ende': lesson 'two' has no heading with id 'ende'; did you mean 'end'?",
            "content/lessons/01-one.en.md:8:50: error: broken link '#stat': no heading with id 'stat' on this page; did you mean 'start'?",
        ])
    }

    @Test("A broken link or image is located at its own '[' or '!', not at its paragraph's start")
    func linkPositions() throws {
        let errors = try compileErrors([
            "lessons/01-one.en.md": "---\ntitle: One\n---\nFirst line,\nsecond line,\nthird [a](#a) line.\n\n"
                + "> - item\n>   - é\t[b](#b)\n>     ![c](03-c.md)\n\n| x | y |\n|---|---|\n| 😀 | [d](#d) |\n",
        ])
        #expect(errors == [
            "content/lessons/01-one.en.md:6:7: error: broken link '#a': no heading with id 'a' on this page",
            "content/lessons/01-one.en.md:9:9: error: broken link '#b': no heading with id 'b' on this page",
            "content/lessons/01-one.en.md:10:7: error: broken link '03-c.md': no lesson 'c'",
            "content/lessons/01-one.en.md:14:7: error: broken link '#d': no heading with id 'd' on this page",
        ])
    }

    @Test("Unknown directives, simulations, parameters and chart columns are errors naming the valid ones")
    func directives() throws {
        let errors = try compileErrors([
            "lessons/01-one.en.md": """
            ---
            title: One
            ---
            ::: simulaton activation-derivatives
            :::

            ::: simulation activation-derivatves
            :::

            ::: simulation activation-derivatives
            step: 3
            steps: 0
            series: sigmoid, nope
            :::
            """,
        ])
        #expect(errors == [
            "content/lessons/01-one.en.md:4:1: error: unknown directive 'simulaton'; did you mean 'simulation'? known directives: exercise, quiz, simulation, solution",
            "content/lessons/01-one.en.md:7:1: error: unknown simulation 'activation-derivatves'; did you mean 'activation-derivatives'? valid names: " + Registry.standard.names.joined(separator: ", "),
            "content/lessons/01-one.en.md:11:1: error: unknown parameter 'step' for simulation 'activation-derivatives'; did you mean 'steps'? valid keys: from, to, steps, slope, caption, seed, chart, x, series, scale",
            "content/lessons/01-one.en.md:12:1: error: invalid value '0' for steps: expected a whole number from 1 to 1000",
            "content/lessons/01-one.en.md:13:1: error: unknown column 'nope' in series; columns of 'activation-derivatives': x, sigmoid, sigmoid_prime, tanh, tanh_prime, relu, relu_prime, leaky_relu, leaky_relu_prime",
        ])
    }

    @Test("Quiz mistakes are located errors that say how to fix them")
    func quizzes() throws {
        let errors = try compileErrors([
            "lessons/01-one.en.md": """
            ---
            title: One
            ---
            ::: quiz
            ### No right answer
            - [ ] a
            - [ ] b
            :::

            ::: quiz
            - [x] a
            - [ ] b
            :::

            ::: quiz true-false
            ### Statement
            :::

            ::: quiz multiple-choice
            ### Q
            - [x] a
            - [ ] b
            :::
            """,
        ])
        #expect(errors == [
            "content/lessons/01-one.en.md:4:1: error: no correct option; mark the right one(s) with '- [x]'",
            "content/lessons/01-one.en.md:10:1: error: a quiz needs its question as a heading, e.g. '### What is …?'",
            "content/lessons/01-one.en.md:15:1: error: a true-false quiz needs 'answer: true' or 'answer: false'",
            "content/lessons/01-one.en.md:19:1: error: unknown quiz kind 'multiple-choice'; write '::: quiz', '::: quiz true-false', '::: quiz not-mentioned', '::: quiz numeric' or '::: quiz computed'",
        ])
    }

    @Test("Bad math is an error at the offending TeX character, never raw TeX on the page")
    func math() throws {
        let errors = try compileErrors([
            "lessons/01-one.en.md": "---\ntitle: One\n---\nText $\\fracc{1}{2}$ here.\n",
        ])
        #expect(errors == ["content/lessons/01-one.en.md:4:7: error: in math: unknown command \\fracc; did you mean \\frac?"])
    }

    @Test("Errors in inline math are located across the formula's lines, block quote prefixes and multi-byte text")
    func mathPositions() throws {
        let errors = try compileErrors([
            "lessons/01-one.en.md": "---\ntitle: One\n---\nA paragraph\nwhere ü $x$ and $\\sigmoid(x)$ fail.\n\n"
                + "> Sum $a +\n>   b + \\alpah$\n\n- item $$x^{2$$\n",
        ])
        #expect(errors == [
            "content/lessons/01-one.en.md:5:18: error: in math: unknown command \\sigmoid",
            "content/lessons/01-one.en.md:8:9: error: in math: unknown command \\alpah; did you mean \\alpha?",
            "content/lessons/01-one.en.md:10:12: error: in math: '{' is never closed; add '}'",
        ])
    }

    @Test("Questions get stable ids: the author's, else SLUG/qN, the same in every language")
    func ids() throws {
        let quiz = "::: quiz\n### Q\n- [x] a\n- [ ] b\n:::\n\n::: quiz\nid: one/named\n### Q2\n- [x] a\n- [ ] b\n:::\n"
        let course = try ContentLoader(root: try temporaryCourse([
            "lessons/01-one.en.md": "---\ntitle: One\n---\n" + quiz,
            "lessons/01-one.de.md": "---\ntitle: Eins\n---\n" + quiz,
        ]), displayRoot: "content").load()
        let compiled = try LessonCompiler(registry: .standard, words: InterfaceWords.all).compile(course)
        #expect(compiled.quiz("one", language: Language("de"))?.questions.map(\.id) == ["one/q1", "one/named"])
        #expect(compiled.quiz("one", language: Language("en"))?.questions.map(\.id) == ["one/q1", "one/named"])
    }

    @Test("Two questions or two exercises of a lesson with one id are errors naming the first")
    func duplicateIDs() throws {
        let quiz = "::: quiz\nid: one/same\n### Q\n- [x] a\n- [ ] b\n:::\n\n"
        let exercise = "::: exercise\nid: one/ex\n### E\n\nDo it.\n\n::: solution\nDone.\n:::\n:::\n\n"
        let body = "---\ntitle: One\n---\n## Quiz {#quiz}\n\n" + quiz + quiz + exercise + exercise
        let errors = try compileErrors(["lessons/01-one.en.md": body, "lessons/01-one.de.md": body])
        #expect(errors.filter { $0.contains("01-one.en.md") } == [
            "content/lessons/01-one.en.md:13:1: error: question id 'one/same' is already used at line 6; give each question an id of its own",
            "content/lessons/01-one.en.md:31:1: error: exercise id 'one/ex' is already used at line 20; give each exercise an id of its own",
        ])
    }

    @Test("A directive with no closing ':::' is an error at its opening line, nested ones too")
    func unclosedDirective() throws {
        let body = "---\ntitle: One\n---\n## Start {#start}\n\n::: exercise\n### E\n\nDo it.\n\n::: solution\nDone.\n:::\n\n"
            + "## Later {#later}\n\nSwallowed.\n"
        let errors = try compileErrors(["lessons/01-one.en.md": body, "lessons/01-one.de.md": body.replacingOccurrences(of: "::: exercise", with: "::: exercise\nid: x")
            .replacingOccurrences(of: "Done.\n:::\n", with: "Done.\n:::\n:::\n")])
        #expect(errors == [
            "content/lessons/01-one.en.md:6:1: error: '::: exercise' is never closed: everything after it is inside it; add a ':::' line where it ends",
        ])
    }
}
