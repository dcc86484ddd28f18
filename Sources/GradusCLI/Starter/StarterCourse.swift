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
                files.append(("templates/i18n/\(code).json", Self.untranslated(english, for: code)))
            }
        }
        return files
    }

    /// The English words file for language `code`, with every key listed in `_untranslated`, which `gradus check`
    /// reports one by one until the author has translated the word and taken it off the list. The page language
    /// (`html_lang`) and, where known, the language's own name are filled in already: a page must never claim
    /// to be English while it is not.
    static func untranslated(_ english: String, for code: String) -> String {
        var english = english.replacingOccurrences(of: "\"html_lang\": \"en\"", with: "\"html_lang\": \"\(code)\"")
        var done: Set<String> = ["html_lang"]
        if let name = names[code] {
            english = english.replacingOccurrences(of: "\"language_name\": \"English\"", with: "\"language_name\": \"\(name)\"")
            done.insert("language_name")
        }
        // Numbers as the language writes them: a learner's `0,25` is then read as a quarter.
        if let thousands = commaLanguages[code] {
            english = english.replacingOccurrences(of: "\"decimal_separator\": \".\"", with: "\"decimal_separator\": \",\"")
                .replacingOccurrences(of: "\"thousands_separator\": \",\"", with: "\"thousands_separator\": \"\(thousands)\"")
            done.formUnion(["decimal_separator", "thousands_separator"])
        }
        let keys = english.split(separator: "\n").compactMap { line -> String? in
            let trimmed = line.drop { $0 == " " }
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            let key = String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
            return done.contains(key) ? nil : key
        }
        let list = keys.map { "    \"\($0)\"" }.joined(separator: ",\n")
        guard let brace = english.firstIndex(of: "{") else { return english }
        return "{\n  \"_untranslated\": [\n\(list)\n  ],"
            + english[english.index(after: brace)...].drop { $0 == "\n" }.reduce(into: "\n") { $0.append($1) }
    }

    /// Languages' names in themselves, for the language switcher of a language Gradus has no words for.
    static let names: [String: String] = [
        "fr": "Français", "es": "Español", "it": "Italiano", "nl": "Nederlands", "pl": "Polski", "sv": "Svenska",
        "da": "Dansk", "nb": "Norsk bokmål", "fi": "Suomi", "cs": "Čeština", "ro": "Română", "hu": "Magyar",
        "el": "Ελληνικά", "tr": "Türkçe", "ru": "Русский", "uk": "Українська", "ar": "العربية", "he": "עברית",
        "hi": "हिन्दी", "zh": "中文", "ja": "日本語", "ko": "한국어", "ca": "Català", "gl": "Galego", "eu": "Euskara",
    ]

    /// Languages that write a decimal comma, with the mark that groups their thousands.
    static let commaLanguages: [String: String] = [
        "fr": "\u{00A0}", "es": ".", "it": ".", "nl": ".", "pl": "\u{00A0}", "sv": "\u{00A0}", "da": ".", "nb": "\u{00A0}",
        "fi": "\u{00A0}", "cs": "\u{00A0}", "ro": ".", "hu": "\u{00A0}", "el": ".", "tr": ".", "ru": "\u{00A0}",
        "uk": "\u{00A0}", "ca": ".", "gl": ".", "eu": ".",
    ]

    /// A front matter value in double quotes, so that any title reads as text.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
