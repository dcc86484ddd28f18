import Foundation
import GradusContent
import GradusQuiz
import GradusSimulation

/// Every word a reader or learner sees, per language: the theme's `i18n/LANG.json`, Gradus' default words
/// overridden key by key by the course's own file. Pages, the terminal quiz, the compiler's generated texts and
/// the number format all read them here, so a course adds a language with one file and no change to Gradus.
public struct ThemeWords: Sendable {
    /// The merged words by language code (`_untranslated` removed).
    public var words: [String: MustacheObject]
    /// Warnings found while loading: keys still to translate, keys one language lacks.
    public var warnings: [Diagnostic]

    /// The words of `languages` from the default theme and the course's theme `folder` (shown as `displayRoot`),
    /// reading nothing else of the folder: commands that need only words do not fail on a broken template.
    /// Throws a `ContentFailure` for malformed JSON, a language without words, or a file that cannot be read.
    public static func load(from folder: URL, displayRoot: String, languages: [Language]) throws(ContentFailure) -> ThemeWords {
        var diagnostics: [Diagnostic] = []
        var own: [String: ThemeFiles.File] = [:]
        for language in languages {
            let path = "i18n/\(language.code).json"
            let display = "\(displayRoot)/\(path)"
            switch InputFiles.bytes(folder.appendingPathComponent(path)) {
            case .success(let bytes): own[path] = ThemeFiles.File(bytes: bytes, display: display, isDefault: false)
            case .failure(.missing): continue
            case .failure(let failure): diagnostics.append(failure.diagnostic(path: display))
            }
        }
        let words = merge(languages: languages, displayRoot: displayRoot, diagnostics: &diagnostics) { own[$0] }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ContentFailure(diagnostics) }
        return ThemeWords(words: words, warnings: diagnostics)
    }

    /// The default theme's words of `languages`, for a command run outside a course.
    public static func builtIn(languages: [Language]) throws(ContentFailure) -> ThemeWords {
        var diagnostics: [Diagnostic] = []
        let words = merge(languages: languages, displayRoot: "templates", diagnostics: &diagnostics) { _ in nil }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ContentFailure(diagnostics) }
        return ThemeWords(words: words, warnings: diagnostics)
    }

    /// The codes of the languages that have words: the default theme's and those of the course's `folder`.
    public static func languages(in folder: URL) -> [String] {
        let own = (try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("i18n").path)) ?? []
        let codes = own.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(".json".count)) }
        return Set(DefaultTheme.languages + codes).sorted()
    }

    /// The words of `code` as plain text by key (a list as its items joined by commas), for code that is not a
    /// template: the quiz, the compiler's generated texts.
    public func text(_ code: String) -> [String: String] {
        var text: [String: String] = [:]
        for (key, value) in words[code] ?? MustacheObject() { text[key] = value.text }
        return text
    }

    /// The plain words of every loaded language, by code.
    public var texts: [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: words.keys.map { ($0, text($0)) })
    }

    /// How `code` writes numbers; a point and no grouping where its words say nothing (already a warning).
    public func separators(_ code: String) -> NumberFormat.Separators {
        Self.separators(words[code] ?? MustacheObject())
    }

    static func separators(_ words: MustacheObject) -> NumberFormat.Separators {
        NumberFormat.Separators(decimal: words["decimal_separator"]?.text ?? NumberFormat.Separators.plain.decimal,
                                thousands: words["thousands_separator"]?.text ?? NumberFormat.Separators.plain.thousands)
    }

    // MARK: - Merging

    /// Why a course's word cannot be shown, or nil: a word is text (a list of texts for the negation words),
    /// without control characters, which would reach pages and the learner's terminal as they are.
    static func problem(with value: MustacheValue) -> String? {
        switch value {
        case .string(let text):
            return text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
                ? "holds a control character; write plain text" : nil
        case .list(let items):
            return items.lazy.compactMap(problem(with:)).first
        default:
            return "must be text in double quotes"
        }
    }

    /// The words of each language: the default theme's file, then the course's (`ownFile(path)`) key by key.
    /// Every problem goes to `diagnostics`, errors included.
    static func merge(languages: [Language], displayRoot: String, diagnostics: inout [Diagnostic],
                      ownFile: (String) -> ThemeFiles.File?) -> [String: MustacheObject] {
        var words: [String: MustacheObject] = [:]
        for language in languages {
            let path = "i18n/\(language.code).json"
            var merged = MustacheObject()
            var found = false
            let layers = [DefaultTheme.text(path).map { ThemeFiles.File(bytes: Array($0.utf8), display: "\(ThemeFiles.defaultRoot)/\(path)", isDefault: true) },
                          ownFile(path)]
            for file in layers.compactMap({ $0 }) {
                found = true
                let text: String
                switch file.text {
                case .success(let read): text = read
                case .failure(let failure):
                    diagnostics.append(failure.diagnostic(path: file.display))
                    continue
                }
                do {
                    guard case .object(let object) = try MustacheValue(json: Data(text.utf8), name: file.display) else {
                        diagnostics.append(.error(at: SourceLocation(path: file.display, line: 1, column: 1),
                                                  "expected a JSON object of words by key"))
                        continue
                    }
                    for (key, value) in object {
                        if !file.isDefault, key != "_untranslated", let problem = Self.problem(with: value) {
                            let line = (text.split(separator: "\n", omittingEmptySubsequences: false)
                                .firstIndex { $0.contains("\"\(key)\":") } ?? 0) + 1
                            diagnostics.append(.error(at: SourceLocation(path: file.display, line: line, column: 1),
                                                      "the word '\(key)' \(problem)"))
                            continue
                        }
                        merged[key] = value
                    }
                    if !file.isDefault { diagnostics += untranslated(object, text: text, display: file.display) }
                } catch {
                    diagnostics.append(.error(at: SourceLocation(path: error.name, line: error.line, column: error.column), error.message))
                }
            }
            guard found else {
                diagnostics.append(.error(at: SourceLocation(path: "\(displayRoot)/\(path)", line: 1, column: 1),
                                          "no interface words for '\(language.code)'; write \(displayRoot)/\(path) "
                                          + "('gradus theme eject i18n/en.json' gives the English words to translate)"))
                continue
            }
            merged["_untranslated"] = nil
            words[language.code] = merged
        }
        diagnostics += missingKeys(words, languages: languages, displayRoot: displayRoot)
        return words
    }

    /// A course's words file may list keys still to translate in `_untranslated` (`gradus init` writes it for a
    /// language Gradus has no words for); each is a warning at its line until the author removes it.
    static func untranslated(_ object: MustacheObject, text: String, display: String) -> [Diagnostic] {
        guard case .list(let keys)? = object["_untranslated"] else { return [] }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        return keys.compactMap { value -> Diagnostic? in
            guard case .string(let key) = value else { return nil }
            let line = (lines.firstIndex { $0.contains("\"\(key)\":") } ?? 0) + 1
            return .warning(at: SourceLocation(path: display, line: line, column: 1),
                            "'\(key)' is not translated yet; translate it, " + untranslatedSuffix)
        }
    }

    /// `diagnostics` with the words still to translate folded into one warning per file, for the commands that
    /// are not `gradus check` (which lists each): a course in a new language should not bury a build's output.
    public static func summarizingUntranslated(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var counts: [String: Int] = [:]
        var kept: [Diagnostic] = []
        for diagnostic in diagnostics {
            if diagnostic.severity == .warning && diagnostic.message.hasSuffix(untranslatedSuffix) {
                counts[diagnostic.location.path, default: 0] += 1
            } else {
                kept.append(diagnostic)
            }
        }
        for (path, count) in counts.sorted(by: { $0.key < $1.key }) {
            kept.append(.warning(at: SourceLocation(path: path, line: 1, column: 1),
                                 "\(count) word\(count == 1 ? " is" : "s are") not translated yet; 'gradus check' lists each"))
        }
        return kept.sorted { $0.location < $1.location }
    }

    static let untranslatedSuffix = "then remove it from _untranslated"

    /// A key that the default theme or one of the course's languages has and another language lacks is a warning
    /// in the one that lacks it; measuring against the default theme too catches a course in one new language.
    static func missingKeys(_ words: [String: MustacheObject], languages: [Language], displayRoot: String) -> [Diagnostic] {
        var all: [String] = []
        var seen: Set<String> = []
        let defaults = DefaultTheme.languages.compactMap { code in
            DefaultTheme.text("i18n/\(code).json").flatMap { try? MustacheValue(json: Data($0.utf8), name: code) }
        }
        for case .object(let object) in defaults {
            for key in object.keys where seen.insert(key).inserted { all.append(key) }
        }
        for language in languages {
            for key in words[language.code]?.keys ?? [] where seen.insert(key).inserted { all.append(key) }
        }
        var diagnostics: [Diagnostic] = []
        for language in languages {
            guard let object = words[language.code] else { continue }
            for key in all where object[key] == nil && key != "_untranslated" {
                // The quiz shows a missing word as its key, which tells the learner's teacher what to add.
                let quiz = QuizStrings.keys.contains(key) ? " and quizzes will show its name" : ""
                diagnostics.append(.warning(at: SourceLocation(path: "\(displayRoot)/i18n/\(language.code).json", line: 1, column: 1),
                                            "missing key '\(key)'; pages in \(language.code) will show it empty\(quiz)"))
            }
        }
        return diagnostics
    }
}
