/// The language of a command that shows one: `--lang`, else `LANG` when it is available, else a default.
enum LanguageChoice {
    static func resolve(_ arguments: ParsedArguments, console: Console, available: [String],
                        fallback: String) throws(UsageError) -> String {
        if let code = arguments.value("lang") {
            guard available.contains(code) else {
                throw UsageError("unknown language '\(code)'", hint: "available: \(available.joined(separator: ", "))")
            }
            return code
        }
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let locale = console.environment[variable], !locale.isEmpty else { continue }
            let code = locale.prefix { $0.isLetter }.lowercased()
            return available.contains(code) ? code : fallback
        }
        return fallback
    }
}
