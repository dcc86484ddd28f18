import Foundation
import GradusContent
import GradusRender
import GradusSimulation

/// `gradus simulate`: runs one named simulation and prints its table, its labels and numbers in the words of a
/// language: the course's theme when run inside a course, else Gradus' own.
enum SimulateCommand {
    static let spec = CommandSpec(
        name: "simulate",
        summary: "run a simulation and print its table",
        synopsis: "[NAME] [--list] [--seed N] [--set KEY=VALUE]… [--format text|markdown|csv|json] [--lang CODE] "
            + "[--root DIR] [--templates DIR]",
        options: [
            OptionSpec("list", help: "list every simulation with its parameters and defaults"),
            OptionSpec("seed", .value(placeholder: "N"), help: "random seed (default: 1)"),
            OptionSpec("set", .repeated(placeholder: "KEY=VALUE"), help: "set a parameter; repeat for several"),
            OptionSpec("format", .value(placeholder: "FORMAT"), help: "text (default), markdown, csv or json"),
            CommonOptions.lang,
            CommonOptions.root,
            CommonOptions.templates,
        ],
        maxPositionals: 1,
        examples: [
            "gradus simulate --list",
            "gradus simulate activation-derivatives --set steps=4 --lang pt",
            "gradus simulate activation-derivatives --format json",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let registry = Registry.standard
        if arguments.has("list") {
            for simulation in registry.simulations {
                console.out("\(simulation.name): \(simulation.summary)\n")
                for parameter in simulation.parameters { console.out("    \(parameter.synopsis)\n") }
            }
            return .success
        }
        guard let name = arguments.positionals.first else {
            throw UsageError("missing simulation name", hint: "one of: \(registry.names.joined(separator: ", "))")
        }
        guard let simulation = registry[name] else {
            throw UsageError("unknown simulation '\(name)'",
                             hint: (nearest(name, in: registry.names).map { "did you mean '\($0)'? " } ?? "")
                                 + "valid names: \(registry.names.joined(separator: ", "))")
        }
        let format = TableFormat(rawValue: try arguments.choice("format", of: TableFormat.allCases.map(\.rawValue)) ?? "text")!
        let seed = try arguments.integer("seed", in: 0...Int.max) ?? 1
        let theme = try themeFolder(arguments, console)
        let available = theme.map { ThemeWords.languages(in: $0.url) } ?? DefaultTheme.languages
        if let code = arguments.value("lang"), !available.contains(code) {
            throw UsageError("no interface words for '\(code.escapingControls)'",
                             hint: "languages with words: \(available.joined(separator: ", ")); "
                                 + "a course adds one with templates/i18n/\(code.escapingControls).json")
        }
        let language = try LanguageChoice.resolve(arguments, console: console, available: available, fallback: "en")
        let words = try theme.map { folder throws(ContentFailure) in
            try ThemeWords.load(from: folder.url, displayRoot: folder.display, languages: [Language(language)])
        } ?? ThemeWords.builtIn(languages: [Language(language)])
        for warning in words.warnings { console.err(warning.formatted + "\n") }
        var settings: [(key: String, value: String)] = []
        for assignment in arguments.all("set") {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw UsageError("invalid --set '\(assignment)'", hint: "expected KEY=VALUE, e.g. --set steps=4")
            }
            settings.append((String(assignment[..<equals]), String(assignment[assignment.index(after: equals)...])))
        }
        let parameters: Parameters
        switch simulation.resolve(settings) {
        case .success(let resolved): parameters = resolved
        case .failure(let error): throw UsageError(error.description)
        }
        let table = simulation.run(parameters, seed: UInt64(seed))
        console.out(format.render(table, language: language, separators: words.separators(language)))
        return .success
    }

    /// The course's theme folder when a course is named (`--root`) or found from here, else the folder named by
    /// `--templates`; nil outside a course, where the simulation still runs with Gradus' own words.
    private static func themeFolder(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> (url: URL, display: String)? {
        if arguments.value("root") != nil || CoursePaths.find(from: console.directory) != nil {
            let paths = try CoursePaths.resolve(arguments, console)
            return (paths.templates, paths.templatesDisplay)
        }
        return arguments.value("templates").map { (console.url($0), $0) }
    }
}
