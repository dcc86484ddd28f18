import Foundation
import GradusContent
import GradusRender

/// `gradus check`: the whole build in memory (templates included, nothing written) plus the linters; every
/// problem as `path:line:column: severity: message` or a JSON array, a summary, exit 65 when there is an error.
enum CheckCommand {
    static let spec = CommandSpec(
        name: "check",
        summary: "find broken, missing or out-of-step content before publishing",
        synopsis: "[--content DIR] [--templates DIR] [--format text|json] [--update-stamps]",
        options: [
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
        let contentPath = arguments.value("content") ?? "content"
        let templatesPath = arguments.value("templates") ?? "templates"
        let content = console.url(contentPath)
        if arguments.has("update-stamps") {
            let course = try ContentLoader(root: content, displayRoot: contentPath).load()
            for path in try StampWriter(root: content, displayRoot: contentPath).update(course) {
                console.err("Updated the source stamp of \(path)\n")
            }
        }
        let report = CheckReport(findings(content: content, contentPath: contentPath,
                                          templates: console.url(templatesPath), templatesPath: templatesPath,
                                          cache: console.url(".gradus-cache/simulations")))
        if format == "json" {
            console.out(report.json)
            console.err("gradus check: \(report.summary)\n")
        } else {
            console.out(report.text)
            console.out("gradus check: \(report.summary)\n")
        }
        return report.errors > 0 ? .content : .success
    }

    /// Every diagnostic of loading, templates, compiling and rendering, and of the linters. Each stage runs when
    /// its inputs loaded, so a broken template does not hide a broken link; the full build runs when nothing
    /// before it failed.
    static func findings(content: URL, contentPath: String, templates: URL, templatesPath: String, cache: URL) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var course: Course?
        do { course = try ContentLoader(root: content, displayRoot: contentPath).load() } catch { diagnostics += error.diagnostics }
        var templatesLoaded = false
        if let languages = course?.languages ?? CourseLanguages.read(root: content) {
            do {
                diagnostics += try TemplateSet.load(from: templates, displayRoot: templatesPath, languages: languages).warnings
                templatesLoaded = true
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard let course else { return diagnostics }
        var compiled = false
        do {
            diagnostics += try LessonCompiler(registry: .standard).compile(course).warnings
            compiled = true
        } catch {
            diagnostics += error.diagnostics
        }
        if compiled && templatesLoaded {
            let builder = SiteBuilder(content: content, templates: templates, contentDisplay: contentPath,
                                      templatesDisplay: templatesPath, cache: cache)
            do { diagnostics += try builder.build().warnings } catch { diagnostics += error.diagnostics }
        }
        return diagnostics + CourseLinter().lint(course)
    }
}
