/// A subcommand: its row in the command table, its options table, and what it runs.
public struct CommandSpec: Sendable {
    public var name: String
    public var summary: String
    /// The synopsis after `gradus NAME`, e.g. `[--content DIR] [--out DIR]`.
    public var synopsis: String
    public var options: [OptionSpec]
    public var maxPositionals: Int
    public var examples: [String]
    public var run: @Sendable (ParsedArguments, Console) throws -> ExitCode

    public init(name: String, summary: String, synopsis: String, options: [OptionSpec], maxPositionals: Int = 0,
                examples: [String], run: @escaping @Sendable (ParsedArguments, Console) throws -> ExitCode) {
        self.name = name
        self.summary = summary
        self.synopsis = synopsis
        self.options = options
        self.maxPositionals = maxPositionals
        self.examples = examples
        self.run = run
    }
}

/// Options shared by the commands that read a course.
enum CommonOptions {
    static let root = OptionSpec("root", .value(placeholder: "DIR"),
                                 help: "the course's folder (default: the nearest folder here or above with content/course.yml)")
    static let content = OptionSpec("content", .value(placeholder: "DIR"),
                                    help: "the course's content folder (default: ROOT/content)")
    static let templates = OptionSpec("templates", .value(placeholder: "DIR"),
                                      help: "the course's own theme files, each overriding the built-in one (default: ROOT/templates)")
    static let lang = OptionSpec("lang", .value(placeholder: "CODE"),
                                 help: "language code, e.g. pt, de, en (default: from LANG, else the course's default)")
}
