/// Gradus' default theme, built into the binary so that a course needs no `templates/` folder of its own: page
/// templates, partials, stylesheet, scripts and the interface's words in the languages Gradus knows. The files
/// are the repository's `templates/` folder, copied into `DefaultTheme+Files.swift` by a test (see there).
public enum DefaultTheme {
    /// Every file by its path under the theme folder (`layout.mustache`, `i18n/pt.json`, `static/style.css`).
    public static var paths: [String] { files.keys.sorted() }

    /// The text of the file at `path`, or nil.
    public static func text(_ path: String) -> String? { files[path] }

    /// The languages whose interface words the theme has.
    public static var languages: [String] {
        paths.compactMap { path in
            guard path.hasPrefix("i18n/"), path.hasSuffix(".json") else { return nil }
            return String(path.dropFirst("i18n/".count).dropLast(".json".count))
        }
    }
}
