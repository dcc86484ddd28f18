import Foundation
import GradusRender

/// `gradus mustache`: renders one template with a JSON file as its data, byte for byte, to standard output.
enum MustacheCommand {
    static let spec = CommandSpec(
        name: "mustache",
        summary: "render a Mustache template with JSON data",
        synopsis: "TEMPLATE DATA.json [PARTIALS_DIR]",
        options: [],
        maxPositionals: 3,
        examples: [
            "gradus mustache templates/404.mustache data.json templates/partials",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard arguments.positionals.count >= 2 else {
            throw UsageError("missing " + (arguments.positionals.isEmpty ? "TEMPLATE and DATA.json" : "DATA.json"),
                             hint: "usage: gradus mustache TEMPLATE DATA.json [PARTIALS_DIR]")
        }
        let paths = arguments.positionals
        for path in paths.prefix(2) where !FileManager.default.fileExists(atPath: console.url(path).path) {
            console.err("gradus: error: cannot read '\(path)': no such file\n")
            return .failure
        }
        do {
            let output = try Mustache.render(templateAt: console.url(paths[0]), dataAt: console.url(paths[1]),
                                             partialsIn: paths.count > 2 ? console.url(paths[2]) : nil)
            console.out(output)
            return .success
        } catch let error as MustacheError {
            var located = error
            located.name = displayPath(error.name, console: console)
            console.err(located.description + "\n")
            return .content
        }
    }

    /// Shows a path relative to the working folder, as the user typed it.
    static func displayPath(_ path: String, console: Console) -> String {
        let base = console.directory.standardizedFileURL.path + "/"
        return path.hasPrefix(base) ? String(path.dropFirst(base.count)) : path
    }
}
