import Foundation
import GradusMarkdown

/// `gradus new lesson NN-slug`: one file per course language with a title to fill in, one heading with an id and
/// one question, each in that language's words (`Words`), the same shape in every language. Writes nothing if any
/// of the files exists or the slug is taken.
public struct LessonSkeleton: Sendable {
    /// The placeholder words of a skeleton in one language.
    public struct Words: Sendable {
        public var title: String
        public var heading: String
        public var text: String
        public var statement: String

        public init(title: String, heading: String, text: String, statement: String) {
            self.title = title
            self.heading = heading
            self.text = text
            self.statement = statement
        }
    }

    /// What went wrong, phrased for the author.
    public struct Refusal: Error, Sendable, CustomStringConvertible {
        public var description: String
        /// The name itself is wrong (a usage error), rather than the course refusing it.
        public var isUsage = false
    }

    /// Room for the language and `.md` within the 255 bytes a file name may have.
    public static let longestName = 200

    public var root: URL
    public var displayRoot: String
    public var words: @Sendable (Language) -> Words

    public init(root: URL, displayRoot: String, words: @escaping @Sendable (Language) -> Words) {
        self.root = root
        self.displayRoot = displayRoot
        self.words = words
    }

    /// The files for `name` (`NN-slug`) by display path, in the course's language order, without writing.
    public func files(for name: String, course: Course) throws(Refusal) -> [(path: String, text: String)] {
        guard name.utf8.count <= Self.longestName,
              let parts = LessonFileName("\(name).\(course.config.defaultLanguage.code).md") else {
            throw Refusal(description: "invalid lesson name '\(name)'; expected NN-slug, e.g. 02-vanishing-gradient "
                          + "(digits, '-', then lowercase letters, digits and '-'; at most \(Self.longestName) characters)",
                          isUsage: true)
        }
        if let existing = course.lesson(parts.slug) {
            throw Refusal(description: "the slug '\(parts.slug)' is taken by lesson "
                          + "\(String(format: "%02d", existing.number))-\(existing.slug); choose another")
        }
        return course.languages.map { language in
            let words = words(language)
            let text = """
            ---
            title: "\(words.title)"
            summary: ""
            ---
            ## \(words.heading) {#\(parts.slug)}

            \(words.text)

            ::: quiz true-false
            id: \(parts.slug)/statement
            answer: true
            ### \(words.statement)
            :::

            """
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
}

/// The languages of a course read from its `course.yml` alone, for checks that run when the rest of the
/// content does not load (the templates' words still need the languages).
public enum CourseLanguages {
    /// The languages of `root/course.yml`, or nil when it cannot be read or is invalid.
    public static func read(root: URL) -> [Language]? {
        guard case .success(let text) = InputFiles.text(root.appendingPathComponent("course.yml")) else { return nil }
        let (matter, _) = FrontMatterParser(path: "course.yml")
            .parse(text.split(separator: "\n", omittingEmptySubsequences: false), firstLine: 1)
        var ignored: [Diagnostic] = []
        return CourseConfig.read(matter, path: "course.yml", diagnostics: &ignored)?.languages
    }
}
