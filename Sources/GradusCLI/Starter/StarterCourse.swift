import Foundation
import GradusRender

/// The files of a new course (`gradus init`): `course.yml`, a course page and a sample lesson per language, the
/// sample's distractor pool, a `.gitignore` for what builds make, and interface words for each language the
/// built-in theme has none for (English, each key marked to translate).
struct StarterCourse {
    var languages: [String]
    /// The course's title in every language, when the author gave one.
    var title: String?
    var id: String

    /// Every file by its path relative to the course root, in writing order.
    var files: [(path: String, text: String)] {
        var files: [(String, String)] = [
            (".gitignore", "# What `gradus build` and `gradus serve` make; both are made again from the sources.\n_site/\n.gradus-cache/\n"),
            ("content/course.yml", """
            # The course's languages; the first is the default, and the original of every translation.
            languages: [\(languages.joined(separator: ", "))]
            # Names this course's progress file among a learner's courses. Keep it when the course moves.
            id: \(id)

            """),
        ]
        for code in languages {
            let text = StarterText.forLanguage(code).text
            files.append(("content/course.\(code).md", """
            ---
            title: \(Self.quoted(title ?? text.courseTitle))
            description: \(Self.quoted(text.courseDescription))
            ---
            \(text.introduction)
            """))
            files.append(("content/lessons/01-getting-started.\(code).md", """
            ---
            title: \(Self.quoted(text.lessonTitle))
            summary: \(Self.quoted(text.lessonSummary))
            ---
            \(text.lesson)
            """))
            files.append(("content/pools/parts.\(code).md", text.pool))
            if !DefaultTheme.languages.contains(code), let english = DefaultTheme.text("i18n/en.json") {
                files.append(("templates/i18n/\(code).json", Self.untranslated(english)))
            }
        }
        return files
    }

    /// The English words file with every key listed in `_untranslated`, which `gradus check` reports one by one
    /// until the author has translated the word and taken it off the list.
    static func untranslated(_ english: String) -> String {
        let keys = english.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        let list = keys.map { "    \"\($0)\"" }.joined(separator: ",\n")
        guard let brace = english.firstIndex(of: "{") else { return english }
        return "{\n  \"_untranslated\": [\n\(list)\n  ],"
            + english[english.index(after: brace)...].drop { $0 == "\n" }.reduce(into: "\n") { $0.append($1) }
    }

    /// A front matter value in double quotes, so that any title reads as text.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
