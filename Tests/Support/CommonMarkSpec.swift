import Foundation

/// One example of the CommonMark spec: its number (1-based, in file order), section, Markdown and HTML.
public struct SpecExample: Sendable {
    public var number: Int
    public var section: String
    public var markdown: String
    public var html: String
    public var testDescription: String { "Example \(number) (\(section))" }
}

/// The CommonMark 0.31.2 spec, read from the `markdown-it-py==4.3.0` sdist in `.cache/` (never from the repo).
public enum CommonMarkSpec {
    public static let package = "markdown-it-py"
    public static let version = "4.3.0"
    public static let member = "tests/test_cmark_spec/spec.md"

    /// The spec's examples, or the reason they are unavailable.
    public static let loaded: Result<[SpecExample], Error> = Result {
        let url = try PyPISource.fileWithFallback(package: package, version: version, member: member)
        return parse(try String(contentsOf: url, encoding: .utf8))
    }

    /// The examples, or [] when the spec could not be fetched (see `loaded` for why).
    public static var examples: [SpecExample] { (try? loaded.get()) ?? [] }

    /// Splits spec text into examples: fences of 32 backticks with `example`, `.` between Markdown and
    /// HTML, `→` standing for a tab.
    public static func parse(_ text: String) -> [SpecExample] {
        let fence = String(repeating: "`", count: 32)
        var examples: [SpecExample] = []
        var section = ""
        var state = 0  // 0 outside, 1 markdown, 2 html
        var markdown = "", html = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if state == 0 {
                if line.hasPrefix("#") && !line.hasPrefix("#####") {
                    section = String(line.drop(while: { $0 == "#" }).drop(while: { $0 == " " }))
                } else if line.hasPrefix(fence + " example") {
                    state = 1
                    markdown = ""
                    html = ""
                }
            } else if line == fence {
                examples.append(SpecExample(number: examples.count + 1, section: section,
                                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                            html: html.replacingOccurrences(of: "→", with: "\t")))
                state = 0
            } else if state == 1 && line == "." {
                state = 2
            } else if state == 1 {
                markdown += line + "\n"
            } else {
                html += line + "\n"
            }
        }
        return examples
    }
}
