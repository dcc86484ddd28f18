/// What a link in a lesson points at (docs/authoring.md, Links).
public enum LessonLink: Equatable, Sendable {
    /// Another lesson (`02-vanishing-gradient.md`, `vanishing-gradient.md`, `02-vanishing-gradient.pt.md`), with an
    /// optional heading id after `#`.
    case lesson(slug: String, fragment: String?)
    /// A heading on the same page (`#id`).
    case fragment(String)
    /// A file under content/assets (`../assets/chart.png` or `assets/chart.png`).
    case asset(String)
    /// Anything else (absolute URLs, mail links): left as written.
    case other

    /// Classifies a destination written in a lesson.
    public static func classify(_ destination: String) -> LessonLink {
        if destination.hasPrefix("#") { return .fragment(String(destination.dropFirst())) }
        if destination.contains(":") || destination.hasPrefix("/") || destination.hasPrefix("//") { return .other }
        var path = Substring(destination)
        var fragment: String? = nil
        if let hash = path.firstIndex(of: "#") {
            fragment = String(path[path.index(after: hash)...])
            path = path[..<hash]
        }
        while path.hasPrefix("./") || path.hasPrefix("../") { path = path.drop { $0 == "." }.dropFirst() }
        if path.hasPrefix("assets/") { return .asset(String(path.dropFirst("assets/".count))) }
        guard path.hasSuffix(".md"), !path.contains("/") || path.hasPrefix("lessons/") else { return .other }
        var stem = path.dropLast(3)
        if stem.hasPrefix("lessons/") { stem = stem.dropFirst("lessons/".count) }
        // Drop a language suffix (`.pt`): links always go to the reader's language.
        if let dot = stem.lastIndex(of: ".") { stem = stem[..<dot] }
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, stem.dropFirst(digits.count).first == "-" { stem = stem.dropFirst(digits.count + 1) }
        return .lesson(slug: String(stem), fragment: fragment.flatMap { $0.isEmpty ? nil : $0 })
    }

    /// The lesson a relative link names without `.md` (`vanishing-gradient#stacking`, `02-vanishing-gradient`,
    /// `../vanishing-gradient/index.html`): the site's own paths or a slug, which reach a page in one language
    /// only or none. Nil for links of any other shape.
    public static func bareLessonName(_ destination: String) -> String? {
        guard !destination.hasPrefix("#"), !destination.contains(":"), !destination.hasPrefix("/") else { return nil }
        var path = Substring(destination)
        if let hash = path.firstIndex(of: "#") { path = path[..<hash] }
        while path.hasPrefix("./") || path.hasPrefix("../") { path = path.drop { $0 == "." }.dropFirst() }
        for suffix in ["/index.html", ".html", "/"] where path.hasSuffix(suffix) {
            path = path.dropLast(suffix.count)
            break
        }
        let digits = path.prefix { $0.isASCII && $0.isNumber }
        if !digits.isEmpty, path.dropFirst(digits.count).first == "-" { path = path.dropFirst(digits.count + 1) }
        guard !path.isEmpty, !path.contains("/"), !path.contains(".") else { return nil }
        return String(path)
    }
}
