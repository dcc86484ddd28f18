import Foundation

/// Gradus' own Mustache engine, following the official Mustache spec's core modules (interpolation, sections,
/// inverted sections, comments, partials, set delimiters) with their standalone-line rules. Lambdas and
/// template inheritance are not supported.
///
/// Public API:
/// - `MustacheValue` — the data: `.null`, `.bool`, `.number(Double)`, `.string`, `.list`, `.object`
///   (a `MustacheObject`, whose keys keep their order). Build it from Swift literals
///   (`["title": "Intro", "pages": [["n": 1]]]`) or with `MustacheValue(json: Data, name:)`
///   `throws(MustacheError)`, a strict JSON reader that keeps key order.
/// - `MustacheTemplate(source: String, name: String) throws(MustacheError)` — compiles once; then
///   `template.render(_ data: MustacheValue, partials: (String) throws(MustacheError) -> MustacheTemplate?)
///   throws(MustacheError) -> String` renders as often as needed (also `render(_:partials:into:)` to append
///   to one `[UInt8]` buffer). A missing partial (nil) renders as nothing, as the spec says.
/// - `MustacheLibrary` — named templates (from a dictionary or a folder) that serve as each other's partials:
///   `library.render("page", data)`.
/// - `Mustache.render(templateAt:dataAt:partialsIn:) throws -> String` — the `gradus mustache` command.
/// - `MustacheError` — `name`, 1-based `line` and `column` (Unicode scalars), `message`; its `description`
///   is `name:line:column: error: message`.
///
/// Semantics worth knowing: `{{name}}` escapes `& < > " '`; `{{{name}}}` and `{{&name}}` do not. A missing
/// name renders as nothing. Sections skip `null`, `false`, `0`, `""` and `[]`; they repeat over a list and
/// push any other value on the context stack. Numbers render as JavaScript prints them (`85`, `1.21`).
/// Compiling is O(n); rendering uses explicit stacks (no recursion), stops partials nesting deeper than
/// `MustacheTemplate.maximumPartialDepth`, and reports a partial that includes itself without entering a
/// section (which could never end).
public enum Mustache {
    /// Renders the template file at `templateAt` with the JSON file at `dataAt` as its data (the
    /// `gradus mustache TEMPLATE DATA.json [PARTIALS_DIR]` command).
    ///
    /// `{{> name}}` reads `name.mustache` from `partialsIn` (default: the template's own folder), else
    /// `name.html`; neither existing renders as nothing. Partials are read and compiled once, on first use.
    /// Throws `MustacheError` for template and JSON errors (named by each file's path as given) and
    /// Foundation's errors when the template or the data file cannot be read.
    public static func render(templateAt: URL, dataAt: URL, partialsIn: URL? = nil) throws -> String {
        let template = try MustacheTemplate(source: try readText(templateAt), name: templateAt.relativePath)
        let data = try MustacheValue(json: try Data(contentsOf: dataAt), name: dataAt.relativePath)
        let folder = partialsIn ?? templateAt.deletingLastPathComponent()
        var cache: [String: MustacheTemplate?] = [:]
        return try template.render(data) { name throws(MustacheError) in
            if let cached = cache[name] { return cached }
            let loaded = try loadPartial(name, in: folder)
            cache[name] = loaded
            return loaded
        }
    }

    /// The partial `name` from `folder`: `name.mustache`, else `name.html`, else nil.
    static func loadPartial(_ name: String, in folder: URL) throws(MustacheError) -> MustacheTemplate? {
        for fileExtension in ["mustache", "html"] {
            let url = folder.appendingPathComponent("\(name).\(fileExtension)")
            guard FileManager.default.fileExists(atPath: url.path) else { continue }
            let source: String
            do {
                source = try readText(url)
            } catch {
                throw MustacheError(name: url.relativePath, line: 1, column: 1,
                                    message: "cannot read partial '\(name)': \(error.localizedDescription)")
            }
            return try MustacheTemplate(source: source, name: url.relativePath)
        }
        return nil
    }

    /// The file's text as UTF-8 (invalid bytes become U+FFFD, as `String(decoding:)` does).
    static func readText(_ url: URL) throws -> String {
        String(decoding: try Data(contentsOf: url), as: UTF8.self)
    }
}
