import Foundation

/// A Markdown file with front matter, split into its parts; line numbers stay those of the file.
public struct SourceFile: Hashable, Sendable {
    /// The path shown in diagnostics.
    public var path: String
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The file line (1-based) on which `body` starts.
    public var bodyFirstLine: Int

    /// Splits `text` into front matter (between `---` lines at the top) and body.
    public static func read(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> SourceFile {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map({ $0.trimmingSpaces == "---" }) == true else {
            diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                      "missing front matter; start the file with a '---' line, then 'title: …', then '---'"))
            return SourceFile(path: path, frontMatter: FrontMatter(entries: []), body: text, bodyFirstLine: 1)
        }
        guard let end = lines.dropFirst().firstIndex(where: { $0.trimmingSpaces == "---" }) else {
            diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                      "front matter is not closed; add a '---' line after its last key"))
            return SourceFile(path: path, frontMatter: FrontMatter(entries: []), body: "", bodyFirstLine: lines.count + 1)
        }
        let (matter, problems) = FrontMatterParser(path: path).parse(Array(lines[1..<end]), firstLine: 2)
        diagnostics += problems
        let body = lines[(end + 1)...].joined(separator: "\n")
        return SourceFile(path: path, frontMatter: matter, body: body, bodyFirstLine: end + 2)
    }
}
