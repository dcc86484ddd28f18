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

    /// Splits `text` into front matter (between `---` lines at the top) and body. Only the front matter is cut
    /// into lines; the body is taken as one slice, so long lessons cost one scan.
    public static func read(_ text: String, path: String, diagnostics: inout [Diagnostic]) -> SourceFile {
        let text = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let utf8 = text.utf8
        /// The end of the line that starts at `start` (its newline, or the end of the text).
        func lineEnd(_ start: String.Index) -> String.Index { utf8[start...].firstIndex(of: 10) ?? utf8.endIndex }
        func isFence(_ start: String.Index, _ end: String.Index) -> Bool {
            text[start..<end].trimmingSpaces == "---"
        }
        let firstEnd = lineEnd(text.startIndex)
        guard isFence(text.startIndex, firstEnd) else {
            diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                      "missing front matter; start the file with a '---' line, then 'title: …', then '---'"))
            return SourceFile(path: path, frontMatter: FrontMatter(entries: []), body: text, bodyFirstLine: 1)
        }
        var lines: [Substring] = []
        var cursor = firstEnd
        while cursor < utf8.endIndex {
            let start = utf8.index(after: cursor)
            let end = lineEnd(start)
            if isFence(start, end) {
                // As in the body (CommonMark §2.3), U+0000 reads as U+FFFD: no NUL reaches a page's title.
                let clean = lines.map { $0.contains("\u{0}") ? Substring($0.replacingOccurrences(of: "\u{0}", with: "\u{FFFD}")) : $0 }
                let (matter, problems) = FrontMatterParser(path: path).parse(clean, firstLine: 2)
                diagnostics += problems
                let bodyStart = end < utf8.endIndex ? utf8.index(after: end) : end
                return SourceFile(path: path, frontMatter: matter, body: String(text[bodyStart...]),
                                  bodyFirstLine: lines.count + 3)
            }
            lines.append(text[start..<end])
            cursor = end
        }
        diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                  "front matter is not closed; add a '---' line after its last key"))
        return SourceFile(path: path, frontMatter: FrontMatter(entries: []), body: "", bodyFirstLine: lines.count + 2)
    }
}
