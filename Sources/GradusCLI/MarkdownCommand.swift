import Foundation
import GradusMarkdown

/// `gradus markdown`: Markdown to HTML on standard output, like `cmark`.
enum MarkdownCommand {
    static let spec = CommandSpec(
        name: "markdown",
        summary: "convert Markdown to HTML (the lesson dialect, or strict CommonMark)",
        synopsis: "[FILE] [--commonmark] [--unsafe]",
        options: [
            OptionSpec("commonmark", help: "strict CommonMark 0.31.2, without the lesson dialect"),
            OptionSpec("unsafe", help: "keep raw HTML and dangerous URLs (javascript:, vbscript:, file:, data:)"),
        ],
        maxPositionals: 1,
        examples: [
            "gradus markdown content/lessons/01-backpropagation.en.md",
            "echo '*hi*' | gradus markdown --commonmark",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let source: Data
        if let path = arguments.positionals.first, path != "-" {
            guard let data = FileManager.default.contents(atPath: console.url(path).path) else {
                console.err("gradus: error: cannot read '\(path)': no such file\n")
                return .failure
            }
            source = data
        } else {
            source = console.readAll()
        }
        let options = MarkdownOptions(dialect: arguments.has("commonmark") ? .commonmark : .lesson,
                                      unsafe: arguments.has("unsafe"))
        // Parsed straight from the file's bytes and written out in chunks as it renders: neither the input nor
        // the HTML is copied whole once more.
        let document = source.withUnsafeBytes { Markdown.parse($0.bindMemory(to: UInt8.self), options: options) }
        HTMLRenderer().render(document) { chunk in console.write(Data(buffer: chunk)) }
        return .success
    }
}
