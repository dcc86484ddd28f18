import Foundation
import GradusContent
import GradusQuiz
import GradusRender
import GradusSimulation

/// `gradus export-quiz`: every lesson's questions in one language, as Moodle GIFT or as the JSON quiz model.
enum ExportQuizCommand {
    static let spec = CommandSpec(
        name: "export-quiz",
        summary: "export every question for Moodle (GIFT) or as JSON",
        synopsis: "[--root DIR] [--content DIR] [--templates DIR] --format gift|json [--lang CODE] [--out FILE]",
        options: [
            CommonOptions.root,
            CommonOptions.content,
            CommonOptions.templates,
            OptionSpec("format", .value(placeholder: "gift|json"), help: "gift for Moodle's import, json for the quiz model"),
            CommonOptions.lang,
            OptionSpec("out", .value(placeholder: "FILE"), help: "write to FILE (default: standard output)"),
        ],
        examples: [
            "gradus export-quiz --format gift --lang pt --out quiz.gift",
            "gradus export-quiz --format json",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard let format = try arguments.choice("format", of: ["gift", "json"]) else {
            throw UsageError("export-quiz needs --format gift or --format json")
        }
        let paths = try CoursePaths.resolve(arguments, console)
        let course = try ContentLoader(root: paths.content, displayRoot: paths.contentDisplay).load()
        let words = try ThemeWords.load(from: paths.templates, displayRoot: paths.templatesDisplay, languages: course.languages)
        for warning in ThemeWords.summarizingUntranslated(words.warnings) { console.err(warning.formatted + "\n") }
        let compiled = try LessonCompiler(registry: .standard, words: words.texts,
                                          inlineHTML: { LessonBodyRenderer.quizHTML($0, fill: $1) }).compile(course)
        let language = try LanguageChoice.resolve(arguments, console: console, available: course.languages.map(\.code),
                                                  fallback: course.config.defaultLanguage.code)
        let quizzes = compiled.lessons.compactMap { compiled.quiz($0.slug, language: Language(language)) }
        let title = course.introductions[Language(language)]?.title
            ?? course.introductions[course.config.defaultLanguage]?.title ?? "Gradus"
        let seed = UInt64(course.config.seed)
        let text = format == "gift" ? GIFTWriter.write(quizzes, courseTitle: title, seed: seed)
                                    : QuizJSON.model(quizzes, language: language, seed: seed)
        guard let out = arguments.value("out") else {
            console.out(text)
            return .success
        }
        let target = console.url(out)
        let temporary = target.deletingLastPathComponent()
            .appendingPathComponent(".\(target.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            if FileManager.default.fileExists(atPath: target.path) {
                _ = try FileManager.default.replaceItemAt(target, withItemAt: temporary)
            } else {
                try FileManager.default.moveItem(at: temporary, to: target)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            console.err("gradus: error: cannot write \(out): \(error.localizedDescription)\n")
            return .failure
        }
        return .success
    }
}
