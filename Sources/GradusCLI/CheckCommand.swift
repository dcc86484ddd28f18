import Foundation
import GradusContent
import GradusRender

/// `gradus check`: the whole build in memory (templates included, nothing written) plus the linters; every
/// problem as `path:line:column: severity: message` or a JSON array, a summary, exit 65 when there is an error.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "find broken, missing or out-of-step content before publishing",
        synopsis: "[--root DIR] [--content DIR] [--templates DIR] [--format text|json] [--update-stamps]",
        options: [
            CommonOptions.root,
            CommonOptions.content,
            CommonOptions.templates,
            OptionSpec("format", .value(placeholder: "FORMAT"), help: "text or json (default: text)"),
            OptionSpec("update-stamps", help: "record in each translation that it follows its original as it is now"),
        ],
        examples: [
            "gradus check",
            "gradus check --format json",
            "gradus check --update-stamps",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let format = arguments.value("format") ?? "text"
        guard format == "text" || format == "json" else {
            throw UsageError("invalid value '\(format)' for --format", hint: "expected text or json")
        }
        let paths = try CoursePaths.resolve(arguments, console)
        let (content, contentPath) = (paths.content, paths.contentDisplay)
        if arguments.has("update-stamps") {
            let course = try ContentLoader(root: content, displayRoot: contentPath).load()
            for path in try StampWriter(root: content, displayRoot: contentPath).update(course) {
                console.err("Updated the source stamp of \(path)\n")
            }
        }
        let report = CheckReport(findings(content: content, contentPath: contentPath,
                                          templates: paths.templates, templatesPath: paths.templatesDisplay,
                                          cache: paths.cache.appendingPathComponent("simulations")))
        if format == "json" {
            console.out(report.json)
            console.err("gradus check: \(report.summary)\n")
        } else {
            console.out(report.text)
            console.out("gradus check: \(report.summary)\n")
        }
        return report.errors > 0 ? .content : .success
    }

    /// Every diagnostic of loading, templates, compiling and rendering, and of the linters, in one run: a file or
    /// template that fails is reported and left out, and everything else is still checked.
    static func findings(content: URL, contentPath: String, templates: URL, templatesPath: String, cache: URL) -> [Diagnostic] {
        let builder = SiteBuilder(content: content, templates: templates, contentDisplay: contentPath,
                                  templatesDisplay: templatesPath, cache: cache)
        let (course, diagnostics) = builder.check()
        let placeholders = Set(StarterText.all.flatMap { [$0.newLesson.text, $0.newLesson.statement] })
        return diagnostics + (course.map { CourseLinter(placeholders: placeholders).lint($0) } ?? [])
    }
}
