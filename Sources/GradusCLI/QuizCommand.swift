import Foundation
import GradusContent
import GradusMath
import GradusQuiz
import GradusSimulation

/// `gradus quiz`: a lesson's questions in the terminal, interactively or with scripted answers.
enum QuizCommand {
    static let spec = CommandSpec(
        name: "quiz",
        summary: "take a lesson's quiz in the terminal",
        synopsis: "[--content DIR] [--lang CODE] [--lesson SLUG] [--attempts N] [--answers a,b+d,c]",
        options: [
            CommonOptions.content,
            CommonOptions.lang,
            OptionSpec("lesson", .value(placeholder: "SLUG"), help: "the lesson to practise (default: the first)"),
            OptionSpec("attempts", .value(placeholder: "N"), help: "tries per question before the answer is shown (default: 2)"),
            OptionSpec("answers", .value(placeholder: "LIST"),
                       help: "answer without prompting: one entry per question, ',' between questions, '+' between options"),
        ],
        examples: [
            "gradus quiz --lang pt",
            "gradus quiz --lesson backpropagation --attempts 3",
            "gradus quiz --lang en --answers b,a",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let contentPath = arguments.value("content") ?? "content"
        let course = try ContentLoader(root: console.url(contentPath), displayRoot: contentPath).load()
        let compiled = try LessonCompiler(registry: .standard).compile(course)
        let codes = course.languages.map(\.code)
        let language = try LanguageChoice.resolve(arguments, console: console, available: codes,
                                                  fallback: course.config.defaultLanguage.code)
        let slugs = course.lessons.map(\.slug)
        let slug = arguments.value("lesson") ?? slugs.first ?? ""
        guard slugs.contains(slug), let quiz = compiled.quiz(slug, language: Language(language)) else {
            throw UsageError("unknown lesson '\(slug)'", hint: (nearest(slug, in: slugs).map { "did you mean '\($0)'? " } ?? "")
                                 + "lessons: \(slugs.joined(separator: ", "))")
        }
        let attempts = try arguments.integer("attempts", in: 1...10) ?? 2
        var scripted: [Set<Int>]? = nil
        if let answers = arguments.value("answers") {
            scripted = try parseAnswers(answers, for: quiz)
        }
        let styled = console.isTerminal && console.environment["NO_COLOR"].map(\.isEmpty) != false
        let terminal = Terminal(write: console.out, readLine: console.readLine, styled: styled)
        _ = QuizSession(quiz: quiz, attempts: attempts, terminal: terminal, math: { tex in (try? UnicodeMath.render(tex: tex)) ?? tex }).run(scripted: scripted)
        return .success
    }

    /// `a,b+d,c`: one entry per question in order; letters as displayed.
    static func parseAnswers(_ text: String, for quiz: Quiz) throws(UsageError) -> [Set<Int>] {
        let entries = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        guard entries.count == quiz.questions.count else {
            throw UsageError("--answers has \(entries.count) entr\(entries.count == 1 ? "y" : "ies") but the quiz has "
                             + "\(quiz.questions.count) question\(quiz.questions.count == 1 ? "" : "s")",
                             hint: "give one entry per question, separated by commas")
        }
        var result: [Set<Int>] = []
        for (index, (entry, question)) in zip(entries, quiz.questions).enumerated() {
            guard let chosen = AnswerParser.parse(entry, optionCount: question.options.count,
                                                  allowsMany: question.kind == .multiple) else {
                let letters = question.options.indices.map(AnswerParser.letter).joined(separator: ", ")
                throw UsageError("invalid answer '\(entry)' for question \(index + 1)",
                                 hint: "expected " + (question.kind == .multiple ? "letters joined by '+'" : "one letter")
                                     + " among \(letters)")
            }
            result.append(chosen)
        }
        return result
    }
}
