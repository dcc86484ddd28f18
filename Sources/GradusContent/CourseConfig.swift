import Foundation

/// `content/course.yml`: the course's languages (in fallback order), default language, base URL and seed.
public struct CourseConfig: Hashable, Sendable {
    public var languages: [Language]
    public var defaultLanguage: Language
    public var baseURL: String?
    /// The seed of reproducible runs (scripted quizzes, simulations); 1 when not given.
    public var seed: UInt64

    static let knownKeys: Set<String> = ["languages", "default", "base_url", "seed"]

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
        let languages = list.compactMap(\.string).map(Language.init)
        for language in languages where !language.code.allSatisfy({ $0.isLowercase && $0.isASCII }) || language.code.isEmpty {
            diagnostics.append(.error(at: matter.location(of: "languages")!,
                                      "invalid language code '\(language.code)'; use lowercase ISO 639-1 codes such as pt"))
        }
        var defaultLanguage = languages[0]
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
        var baseURL = matter["base_url"]?.string
        if let url = baseURL, !(url.hasPrefix("https://") || url.hasPrefix("http://")) {
            diagnostics.append(.error(at: matter.location(of: "base_url")!,
                                      "base_url must start with https:// or http://, found '\(url)'"))
            baseURL = nil
        }
        return CourseConfig(languages: languages, defaultLanguage: defaultLanguage, baseURL: baseURL, seed: seed)
    }
}
