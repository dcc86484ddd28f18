import Foundation
import GradusContent
import GradusQuiz

/// `gradus new lesson NN-slug`: writes one file per course language with a title, a section and a question to fill
/// in (`LessonSkeleton`), stamps the translations, and refuses to overwrite.
enum NewCommand {
    static let spec = CommandSpec(
        name: "new",
        summary: "start a lesson: one file per language with a title, a section and a question to fill in",
        synopsis: "lesson NN-slug [--root DIR] [--content DIR]",
        options: [CommonOptions.root, CommonOptions.content],
        maxPositionals: 2,
        examples: ["gradus new lesson 02-vanishing-gradient"],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard arguments.positionals.first == "lesson" else {
            throw UsageError(arguments.positionals.first.map { "unknown kind '\($0)' for 'gradus new'" } ?? "missing what to create",
                             hint: "write 'gradus new lesson NN-slug'")
        }
        guard arguments.positionals.count == 2 else {
            throw UsageError("missing the lesson's name", hint: "write 'gradus new lesson NN-slug', e.g. 02-vanishing-gradient")
        }
        let paths = try CoursePaths.resolve(arguments, console)
        let (root, contentPath) = (paths.content, paths.contentDisplay)
        let course = try ContentLoader(root: root, displayRoot: contentPath).load()
        let skeleton = LessonSkeleton(root: root, displayRoot: contentPath) { StarterText.forLanguage($0.code).text.newLesson }
        do {
            for path in try skeleton.create(arguments.positionals[1], course: course) {
                console.err("Created \(path)\n")
            }
        } catch let refusal as LessonSkeleton.Refusal {
            if refusal.isUsage { throw UsageError(refusal.description) }
            console.err("gradus: error: \(refusal.description.escapingControls)\n")
            return .failure
        }
        // The translations follow their original as written, so `gradus check` names only the placeholders to replace.
        let name = arguments.positionals[1]
        let slug = name.drop { $0.isNumber }.dropFirst()
        _ = try StampWriter(root: root, displayRoot: contentPath)
            .update(try ContentLoader(root: root, displayRoot: contentPath).load(), only: [String(slug)])
        return .success
    }
}
