import Foundation
import GradusMarkdown

/// `gradus new lesson NN-slug`: one file per course language with front matter and the section skeleton of the
/// latest existing lesson in that language (its headings outside directives, with their explicit ids; bodies left
/// for the author). Writes nothing if any of the files exists or the slug is taken.
public struct LessonSkeleton: Sendable {
    /// What went wrong, phrased for the author.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public var root: URL
    public var displayRoot: String

    public init(root: URL, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// The files for `name` (`NN-slug`) by display path, in the course's language order, without writing.
    public func files(for name: String, course: Course) throws(Refusal) -> [(path: String, text: String)] {
        guard let parts = LessonFileName("\(name).\(course.config.defaultLanguage.code).md") else {
            throw Refusal(description: "invalid lesson name '\(name)'; expected NN-slug, e.g. 02-vanishing-gradient "
                          + "(digits, '-', then lowercase letters, digits and '-')")
        }
        if let existing = course.lesson(parts.slug) {
            throw Refusal(description: "the slug '\(parts.slug)' is taken by lesson "
                          + "\(String(format: "%02d", existing.number))-\(existing.slug); choose another")
        }
        let title = parts.slug.split(separator: "-").joined(separator: " ")
        let latest = course.lessons.last
        return course.languages.map { language in
            var text = "---\ntitle: \(title.prefix(1).uppercased() + title.dropFirst())\nsummary: \"\"\n---\n"
            if let source = latest?.translations[language] {
                for heading in Self.headings(source.file.body) { text += "\n\(heading)\n" }
            }
            let relative = "lessons/\(name).\(language.code).md"
            return (displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)", text)
        }
    }

    /// Writes the files of `name`; refuses (writing nothing) when one of them exists. Returns their display paths.
    public func create(_ name: String, course: Course) throws -> [String] {
        let files = try files(for: name, course: course)
        let urls = files.map { root.appendingPathComponent(String($0.path.dropFirst(displayRoot.isEmpty ? 0 : displayRoot.count + 1))) }
        for (url, file) in zip(urls, files) where FileManager.default.fileExists(atPath: url.path) {
            throw Refusal(description: "\(file.path) exists; refusing to overwrite it")
        }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("lessons"), withIntermediateDirectories: true)
        for (url, file) in zip(urls, files) {
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
        return files.map(\.path)
    }

    /// The heading lines of a lesson body outside directives, as written (ATX) or rewritten as ATX (setext).
    static func headings(_ body: String) -> [String] {
        let document = Markdown.parse(body, options: MarkdownOptions(dialect: .lesson))
        let lines = body.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String(String.UnicodeScalarView($0)) }
        var result: [String] = []
        let inside = document.nodesInsideDirectives
        for node in document.allNodes where node.kind == .heading && !inside.contains(node.index) {
            guard let level = node.headingLevel, let line = node.position?.line, line <= lines.count else { continue }
            let raw = lines[line - 1].trimmingSpaces
            if raw.hasPrefix("#") {
                result.append(raw)
            } else {
                result.append(String(repeating: "#", count: level) + " " + node.plainText
                              + (node.explicitID.map { " {#\($0)}" } ?? ""))
            }
        }
        return result
    }
}

/// The languages of a course read from its `course.yml` alone, for checks that run when the rest of the
/// content does not load (the templates' words still need the languages).
public enum CourseLanguages {
    /// The languages of `root/course.yml`, or nil when it cannot be read or is invalid.
    public static func read(root: URL) -> [Language]? {
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent("course.yml").path),
              let text = String(data: data, encoding: .utf8) else { return nil }
        let (matter, _) = FrontMatterParser(path: "course.yml")
            .parse(text.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 1)
        var ignored: [Diagnostic] = []
        return CourseConfig.read(matter, path: "course.yml", diagnostics: &ignored)?.languages
    }
}
