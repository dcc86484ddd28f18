import Foundation
import GradusContent
import GradusRender

/// `gradus build`: renders the course into a static site, writing only if everything rendered.
enum BuildCommand {
    static let spec = CommandSpec(
        name: "build",
        summary: "build the course into a static site",
        synopsis: "[--root DIR] [--content DIR] [--templates DIR] [--out DIR] [--lang CODE[,CODE…]] [--base-url URL] [--unsafe]",
        options: [
            CommonOptions.root,
            CommonOptions.content,
            CommonOptions.templates,
            OptionSpec("out", .value(placeholder: "DIR"), help: "where to write the site (default: ROOT/_site)"),
            OptionSpec("lang", .value(placeholder: "CODES"), help: "build only these languages, e.g. pt,en (default: all)"),
            OptionSpec("base-url", .value(placeholder: "URL"), help: "the site's public URL, for sitemap.xml and alternates"),
            OptionSpec("unsafe", help: "let raw HTML and any URL in lessons through (trusted content only)"),
        ],
        examples: [
            "gradus build",
            "gradus build --out public --base-url https://example.org/course/",
            "gradus build --lang pt,en",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let started = Date()
        let languages = try arguments.value("lang").map { list throws(UsageError) in
            let codes = list.split(separator: ",").map { String($0).trimmingCharacters(in: .whitespaces) }
            guard !codes.isEmpty, codes.allSatisfy({ !$0.isEmpty }) else {
                throw UsageError("invalid value '\(list)' for --lang", hint: "expected codes separated by commas, e.g. pt,en")
            }
            return codes
        }
        if let url = arguments.value("base-url"), !CourseConfig.isSiteURL(url) {
            throw UsageError("invalid value '\(url)' for --base-url",
                             hint: "expected an http:// or https:// URL without spaces, quotes or angle brackets; write others as %XX")
        }
        let paths = try CoursePaths.resolve(arguments, console)
        try DescriptorLimit.ensure()
        let (out, outPath) = paths.output(arguments, console)
        let (content, templates, cache) = (paths.content, paths.templates, paths.cache)
        do {
            try OutputFolder.check(out, display: outPath, inputs: [(content, "the content folder '\(paths.contentDisplay)'"),
                                                                   (templates, "the templates folder '\(paths.templatesDisplay)'"),
                                                                   (cache, "the simulation cache '.gradus-cache'")])
        } catch {
            throw UsageError(error.message, hint: error.hint)
        }
        let builder = SiteBuilder(content: content, templates: templates,
                                  contentDisplay: paths.contentDisplay, templatesDisplay: paths.templatesDisplay,
                                  languages: languages, baseURL: arguments.value("base-url"), unsafe: arguments.has("unsafe"),
                                  cache: cache.appendingPathComponent("simulations"))
        let result = try builder.build()
        for warning in result.warnings { console.err(warning.formatted + "\n") }
        let report = try InterruptFlag.during { interrupted in
            try SiteWriter(output: out, display: outPath, interrupted: interrupted).write(result.site)
        }
        let seconds = Date().timeIntervalSince(started)
        console.err("Built \(result.pages) pages in \(result.languages) language\(result.languages == 1 ? "" : "s")"
                    + " with \(result.simulations) simulation\(result.simulations == 1 ? "" : "s") into \(outPath)"
                    + " (\(report.written.count) written, \(report.unchanged) unchanged, \(report.removed.count) removed)"
                    + " in \(String(format: "%.2f", seconds)) s"
                    + (result.warnings.isEmpty ? "" : "; \(result.warnings.count) warning\(result.warnings.count == 1 ? "" : "s")") + "\n")
        return .success
    }
}
