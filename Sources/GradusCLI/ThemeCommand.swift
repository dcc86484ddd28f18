import Foundation
import GradusContent
import GradusRender

/// `gradus theme list` shows the built-in theme's files and which the course overrides; `gradus theme eject
/// [FILE…]` copies built-in files (all, one, or a folder such as `partials`) into the course's templates folder
/// for editing, never over a file that is there.
enum ThemeCommand {
    static let spec = CommandSpec(
        name: "theme",
        summary: "list the built-in theme's files, or copy them into the course to change them",
        synopsis: "list | eject [FILE|FOLDER…] [--root DIR] [--templates DIR]",
        options: [CommonOptions.root, CommonOptions.templates],
        maxPositionals: 1000,
        examples: [
            "gradus theme list",
            "gradus theme eject partials/header.mustache",
            "gradus theme eject i18n/en.json static",
            "gradus theme eject",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        guard let action = arguments.positionals.first, ["list", "eject"].contains(action) else {
            throw UsageError(arguments.positionals.first.map { "unknown theme action '\($0.escapingControls)'" } ?? "missing theme action",
                             hint: "write 'gradus theme list' or 'gradus theme eject [FILE…]'")
        }
        if action == "list" {
            // Outside a course the list is the built-in theme alone.
            let paths = try? CoursePaths.resolve(arguments, console)
            for path in DefaultTheme.paths {
                let own = paths.map { FileManager.default.fileExists(atPath: $0.templates.appendingPathComponent(path).path) } ?? false
                console.out(path + (own ? "  (the course's own: \(paths!.templatesDisplay)/\(path))" : "") + "\n")
            }
            return .success
        }
        let paths = try CoursePaths.resolve(arguments, console)
        let folder = paths.templates
        let wanted = try selection(Array(arguments.positionals.dropFirst()))
        for path in wanted {
            let target = folder.appendingPathComponent(path)
            let shown = "\(paths.templatesDisplay)/\(path)"
            if FileManager.default.fileExists(atPath: target.path) {
                console.err("Kept \(shown): it is there already\n")
                continue
            }
            do {
                try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(DefaultTheme.text(path)!.utf8).write(to: target, options: .withoutOverwriting)
            } catch {
                console.err("gradus: error: cannot write \(shown): \(error.localizedDescription)\n")
                return .failure
            }
            console.err("Copied \(path) to \(shown)\n")
        }
        return .success
    }

    /// The theme files that `names` select (every file when empty): a file's path, or a folder for all below it.
    static func selection(_ names: [String]) throws(UsageError) -> [String] {
        if names.isEmpty { return DefaultTheme.paths }
        var chosen: [String] = []
        for raw in names {
            let name = raw.hasSuffix("/") ? String(raw.dropLast()) : raw
            let matches = DefaultTheme.paths.filter { $0 == name || $0.hasPrefix(name + "/") }
            guard !matches.isEmpty else {
                let hint = nearest(name, in: DefaultTheme.paths).map { "did you mean '\($0)'? " } ?? ""
                throw UsageError("the theme has no file '\(raw.escapingControls)'", hint: "\(hint)see 'gradus theme list'")
            }
            chosen += matches.filter { !chosen.contains($0) }
        }
        return chosen
    }
}
