import GradusContent
import GradusSimulation

/// `gradus simulate`: runs one named simulation and prints its table.
enum SimulateCommand {
    static let spec = CommandSpec(
        name: "simulate",
        summary: "run a simulation and print its table",
        synopsis: "[NAME] [--list] [--seed N] [--set KEY=VALUE]… [--format text|markdown|csv|json] [--lang CODE]",
        options: [
            OptionSpec("list", help: "list every simulation with its parameters and defaults"),
            OptionSpec("seed", .value(placeholder: "N"), help: "random seed (default: 1)"),
            OptionSpec("set", .repeated(placeholder: "KEY=VALUE"), help: "set a parameter; repeat for several"),
            OptionSpec("format", .value(placeholder: "FORMAT"), help: "text (default), markdown, csv or json"),
            CommonOptions.lang,
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
        let language = try LanguageChoice.resolve(arguments, console: console, available: ["pt", "de", "en"], fallback: "en")
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
        console.out(format.render(table, language: language))
        return .success
    }
}
