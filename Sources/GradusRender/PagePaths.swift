/// Where each page lives in the site, and relative links between pages that work from `file://`.
enum PagePaths {
    static func languageIndex(_ code: String) -> String { "\(code)/index.html" }
    static func lesson(_ code: String, _ slug: String) -> String { "\(code)/\(slug)/index.html" }
    /// The page a server shows for a missing address under `/LANG/`.
    static func notFound(_ code: String) -> String { "\(code)/404.html" }

    /// The prefix that leads from the folder of `path` back to the site's root (`pt/x/index.html` → `../../`).
    static func root(from path: String) -> String {
        String(repeating: "../", count: path.split(separator: "/").count - 1)
    }

    /// A link from the page at `from` to the page at `to`, relative and ending in `index.html`.
    static func link(from: String, to: String) -> String { root(from: from) + to }
}
