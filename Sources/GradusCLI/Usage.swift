/// The help texts, generated from the command and option tables so they never drift from the parser.
enum Usage {
    static func main() -> String {
        let width = CLI.commands.map(\.name.count).max() ?? 0
        var text = """
        gradus \(CLI.version): a courseware generator for how neural networks learn

        Usage: gradus COMMAND [OPTIONS]

        Commands:

        """
        for command in CLI.commands {
            text += "  \(command.name.padding(toLength: width, withPad: " ", startingAt: 0))  \(command.summary)\n"
        }
        text += """

        Options:
          --help     show this help, or a command's with 'gradus COMMAND --help'
          --version  print the version

        """
        return text
    }

    static func command(_ command: CommandSpec) -> String {
        var text = "Usage: gradus \(command.name) \(command.synopsis)\n\n\(command.summary)\n"
        if !command.options.isEmpty {
            text += "\nOptions:\n"
            let rows = command.options.map { option -> (String, String) in
                switch option.kind {
                case .flag: return ("--\(option.name)", option.help)
                case .value(let p): return ("--\(option.name) \(p)", option.help)
                case .repeated(let p): return ("--\(option.name) \(p)…", option.help)
                }
            }
            let width = rows.map(\.0.count).max() ?? 0
            for (left, right) in rows {
                text += "  \(left.padding(toLength: width, withPad: " ", startingAt: 0))  \(right)\n"
            }
            text += "  \("--help".padding(toLength: width, withPad: " ", startingAt: 0))  show this help\n"
        }
        if !command.examples.isEmpty {
            text += "\nExamples:\n" + command.examples.map { "  \($0)\n" }.joined()
        }
        return text
    }
}
