import Foundation
import GradusContent
import GradusQuiz
import GradusRender

/// The command-line interface: finds the command, parses its options, runs it and maps errors to exit codes.
public enum CLI {
    public static let version = GradusVersion.current

    /// Every working command, in the order `gradus --help` lists them.
    public static let commands: [CommandSpec] = [
        InitCommand.spec,
        BuildCommand.spec,
        CheckCommand.spec,
        QuizCommand.spec,
        ExportQuizCommand.spec,
        SimulateCommand.spec,
        ServeCommand.spec,
        MarkdownCommand.spec,
        MustacheCommand.spec,
        NewCommand.spec,
        ThemeCommand.spec,
    ]

    /// Runs `gradus` with `arguments` (without the program name) and returns the process's exit code.
    public static func run(_ arguments: [String], console: Console) -> Int32 {
        guard let first = arguments.first else {
            console.err(Usage.main())
            return ExitCode.usage.rawValue
        }
        switch first {
        case "--help", "-h", "help":
            if first == "help", arguments.count > 1, let command = commands.first(where: { $0.name == arguments[1] }) {
                console.out(Usage.command(command))
            } else {
                console.out(Usage.main())
            }
            return ExitCode.success.rawValue
        case "--version":
            console.out("gradus \(version)\n")
            return ExitCode.success.rawValue
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let error = first.hasPrefix("-")
                ? UsageError("unknown option '\(first)'", hint: nearest(String(first.drop { $0 == "-" }), in: ["help", "version"])
                    .map { "did you mean '--\($0)'?" } ?? "see 'gradus --help'")
                : UsageError("unknown command '\(first)'",
                             hint: nearest(first, in: commands.map(\.name)).map { "did you mean '\($0)'?" }
                                 ?? "see 'gradus --help' for the commands")
            return report(error, console: console)
        }
        let rest = Array(arguments.dropFirst())
        if rest.contains("--help") || rest.contains("-h") {
            console.out(Usage.command(command))
            return ExitCode.success.rawValue
        }
        do {
            let parsed = try parseArguments(rest, options: command.options, command: command.name,
                                            maxPositionals: command.maxPositionals)
            return try command.run(parsed, console).rawValue
        } catch let error as UsageError {
            return report(error, console: console)
        } catch let refusal as OutputFolder.Refusal where !refusal.isUsage {
            console.err("gradus: error: \(refusal.description.escapingControls)\n")
            return ExitCode.failure.rawValue
        } catch let refusal as OutputFolder.Refusal {
            return report(UsageError(refusal.message, hint: refusal.hint), console: console)
        } catch let interruption as CommandInterrupted {
            console.err("gradus: \(interruption.message)\n")
            return ExitCode.interrupted.rawValue
        } catch let failure as ContentFailure {
            for diagnostic in failure.diagnostics { console.err(diagnostic.formatted + "\n") }
            let errors = failure.diagnostics.filter { $0.severity == .error }.count
            console.err("gradus: \(errors) error\(errors == 1 ? "" : "s"); nothing was written\n")
            return ExitCode.content.rawValue
        } catch {
            console.err("gradus: error: \(String(describing: error).escapingControls)\n")
            return ExitCode.failure.rawValue
        }
    }

    /// A usage error's message shows back what the user typed: its control characters are written as `\u{1B}`,
    /// so that no argument can drive the terminal.
    static func report(_ error: UsageError, console: Console) -> Int32 {
        console.err("gradus: error: \(error.description.escapingControls)\n")
        return ExitCode.usage.rawValue
    }
}
