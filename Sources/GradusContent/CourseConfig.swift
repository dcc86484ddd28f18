import Foundation

/// `content/course.yml`: the course's languages (in fallback order), default language, base URL, seed and the
/// tries a quiz question allows.
public struct CourseConfig: Hashable, Sendable {
    public var languages: [Language]
    public var defaultLanguage: Language
    public var baseURL: String?
    /// The seed of reproducible runs (scripted quizzes, simulations); 1 when not given.
    public var seed: UInt64
    /// Names the course's progress file among the learner's courses (`gradus init` writes one); nil when not given.
    public var id: String?
    /// Tries per question before the answer is shown, on the site and as `gradus quiz`'s default; 2 when not given.
    public var quizAttempts: Int
    /// Where `languages` is written, for findings about the course's languages as a whole.
    public var languagesLocation: SourceLocation

    static let knownKeys: Set<String> = ["languages", "default", "base_url", "seed", "id", "quiz_attempts"]

    /// Language names an author may write where a code belongs, in English and in the language itself.
    static let codesByName: [String: String] = [
        "english": "en", "portuguese": "pt", "português": "pt", "portugues": "pt", "german": "de", "deutsch": "de",
        "french": "fr", "français": "fr", "francais": "fr", "spanish": "es", "español": "es", "espanol": "es",
        "italian": "it", "italiano": "it", "dutch": "nl", "nederlands": "nl", "polish": "pl", "polski": "pl",
        "russian": "ru", "chinese": "zh", "japanese": "ja", "korean": "ko", "arabic": "ar", "turkish": "tr",
    ]

    /// Reads the config from its parsed form, adding located errors and warnings to `diagnostics`.
    static func read(_ matter: FrontMatter, path: String, diagnostics: inout [Diagnostic]) -> CourseConfig? {
        let start = SourceLocation(path: path, line: 1, column: 1)
        for entry in matter.entries where !knownKeys.contains(entry.key) {
            diagnostics.append(.warning(at: entry.location, "unknown key '\(entry.key)' in course.yml; known keys: "
                                        + knownKeys.sorted().joined(separator: ", ")))
        }
        guard let list = matter["languages"]?.list, !list.isEmpty else {
            diagnostics.append(.error(at: matter.location(of: "languages") ?? start,
                                      "course.yml needs 'languages: [pt, de, en]' (codes in fallback order)"))
            return nil
        }
        let at = matter.location(of: "languages")!
        var languages: [Language] = []
        for language in list.compactMap(\.string).map(Language.init) {
            let code = language.code
            if !code.allSatisfy({ $0.isLowercase && $0.isASCII }) || code.isEmpty {
                diagnostics.append(.error(at: at, "invalid language code '\(code)'; use lowercase ISO 639-1 codes such as pt"))
            } else if code.count > 3 {
                let hint = Self.codesByName[code].map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(.error(at: at, "'\(code)' is not a language code; \(hint)use a two-letter ISO 639-1 code such as en"))
                continue
            }
            if languages.contains(language) {
                diagnostics.append(.error(at: at, "language '\(code)' is listed twice in languages; list each once"))
                continue
            }
            languages.append(language)
        }
        // A code that is not one leaves lessons in that language without a course language: stop at course.yml
        // rather than report each of their files.
        guard let first = languages.first, languages.count == Set(list.compactMap(\.string)).count else { return nil }
        var defaultLanguage = first
        if let code = matter["default"]?.string {
            if languages.contains(Language(code)) {
                defaultLanguage = Language(code)
            } else {
                diagnostics.append(.error(at: matter.location(of: "default")!,
                                          "default language '\(code)' is not in languages: "
                                          + languages.map(\.code).joined(separator: ", ")))
            }
        }
        var seed: UInt64 = 1
        if let value = matter["seed"] {
            if case .number(let n) = value, n >= 0, n == n.rounded(), n < 1e18 {
                seed = UInt64(n)
            } else {
                diagnostics.append(.error(at: matter.location(of: "seed")!, "seed must be a whole number ≥ 0"))
            }
        }
        var quizAttempts = 2
        if let value = matter["quiz_attempts"] {
            if case .number(let n) = value, n == n.rounded(), (1...10).contains(n) {
                quizAttempts = Int(n)
            } else {
                diagnostics.append(.error(at: matter.location(of: "quiz_attempts")!,
                                          "quiz_attempts must be a whole number from 1 to 10, found "
                                          + (value.string.map { "'\($0)'" } ?? "a list")))
            }
        }
        var baseURL = matter["base_url"]?.string
        if let url = baseURL, !Self.isSiteURL(url) {
            diagnostics.append(.error(at: matter.location(of: "base_url")!,
                                      "base_url must be an http:// or https:// URL of printable ASCII without spaces, "
                                      + "quotes or angle brackets (write others as %XX), found '\(url)'"))
            baseURL = nil
        }
        var id = matter["id"]?.string
        if let given = id, given.isEmpty || !given.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "-_.".contains($0)) })
            || given.hasPrefix(".") {
            diagnostics.append(.error(at: matter.location(of: "id")!,
                                      "id must be letters, digits, '-', '_' or '.' (not first), found '\(given)'"))
            id = nil
        }
        return CourseConfig(languages: languages, defaultLanguage: defaultLanguage, baseURL: baseURL, seed: seed, id: id,
                            quizAttempts: quizAttempts, languagesLocation: at)
    }
}

extension CourseConfig {
    /// A site's public URL as `sitemap.xml` and the pages' links need it: `http://` or `https://`, a host, and
    /// only the characters a URL may hold as they are (RFC 3986: letters, digits and `-._~:/?#[]@!$&'()*+,;=%`).
    public static func isSiteURL(_ url: String) -> Bool {
        guard let rest = url.hasPrefix("https://") ? url.dropFirst(8) : url.hasPrefix("http://") ? url.dropFirst(7) : nil,
              let first = rest.first, first != "/" else { return false }
        let allowed = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~:/?#[]@!$&()*+,;=%")
        return rest.allSatisfy { allowed.contains($0) }
    }
}
