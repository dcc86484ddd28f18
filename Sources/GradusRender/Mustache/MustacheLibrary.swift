import Foundation
import GradusContent

/// A set of named, compiled templates that serve as one another's partials.
///
/// Names are paths relative to the library's folder without the extension (`page`, `partials/nav`);
/// `{{> partials/nav}}` in any template of the library renders that template.
public struct MustacheLibrary: Sendable {
    /// The templates by name.
    public private(set) var templates: [String: MustacheTemplate]

    /// A library of already compiled templates.
    public init(templates: [String: MustacheTemplate] = [:]) {
        self.templates = templates
    }

    /// Compiles every source, named by its key. Throws the first error in the order of the sorted names.
    public init(sources: [String: String]) throws(MustacheError) {
        var templates: [String: MustacheTemplate] = [:]
        for name in sources.keys.sorted() {
            templates[name] = try MustacheTemplate(source: sources[name]!, name: name)
        }
        self.templates = templates
    }

    /// Compiles every `*.mustache` and `*.html` file under `folder` (subfolders included, hidden files not),
    /// in sorted order. When `name.mustache` and `name.html` both exist, the `.mustache` file wins, as in
    /// `gradus mustache`. Errors name each file by its path under `folder` as given.
    /// Throws `MustacheError` for a template that does not compile and `LocatedInputFailure` (path relative to
    /// `folder`) for a file or folder that cannot be read or a template that is not UTF-8.
    public init(folder: URL, extensions: [String] = ["mustache", "html"]) throws {
        let walk = InputFiles.walk(folder)
        if let first = walk.failures.first { throw first }
        var found: [(name: String, rank: Int, relative: String)] = []
        for relative in walk.files {
            let fileExtension = (relative as NSString).pathExtension
            guard let rank = extensions.firstIndex(of: fileExtension) else { continue }
            found.append((String(relative.dropLast(fileExtension.count + 1)), rank, relative))
        }
        var templates: [String: MustacheTemplate] = [:]
        for file in found.sorted(by: { ($0.name, $0.rank) < ($1.name, $1.rank) }) where templates[file.name] == nil {
            let displayName = folder.appendingPathComponent(file.relative).relativePath
            let source: String
            switch InputFiles.text(folder.appendingPathComponent(file.relative)) {
            case .success(let text): source = text
            case .failure(let failure): throw LocatedInputFailure(path: file.relative, failure: failure)
            }
            templates[file.name] = try MustacheTemplate(source: source, name: displayName)
        }
        self.templates = templates
    }

    /// A `{{> name}}` tag of any template whose partial is not in the library, located at the tag; the Mustache
    /// spec renders such a partial as nothing, which hides a typo, so a site treats each one as an error.
    public func missingPartials() -> [MustacheError] {
        var errors: [MustacheError] = []
        let names = templates.keys.sorted()
        for name in names {
            let template = templates[name]!
            for case .partial(let partial, _, let offset) in template.nodes where templates[partial] == nil {
                let hint = nearest(partial, in: names).map { "did you mean '\($0)'? " } ?? ""
                errors.append(MustacheError(name: template.name, source: template.source, offset: offset,
                                            message: "no partial named '\(partial)'; \(hint)partials are templates under "
                                                + "the templates folder, named by their path without the extension"))
            }
        }
        return errors
    }

    /// The template named `name`, or nil.
    public subscript(name: String) -> MustacheTemplate? {
        get { templates[name] }
        set { templates[name] = newValue }
    }

    /// Renders the template named `name` with the library's templates as partials.
    /// Throws a `MustacheError` (named `name`, at 1:1) when there is no such template, or any render error.
    public func render(_ name: String, _ data: MustacheValue) throws(MustacheError) -> String {
        guard let template = templates[name] else {
            throw MustacheError(name: name, line: 1, column: 1,
                                message: "no template named '\(name)'; the library has "
                                    + templates.keys.sorted().joined(separator: ", "))
        }
        return try render(template, data)
    }

    /// Renders `template` with the library's templates as partials.
    public func render(_ template: MustacheTemplate, _ data: MustacheValue) throws(MustacheError) -> String {
        try template.render(data) { name in templates[name] }
    }

    /// Renders `template`, appending to `output`; see `MustacheTemplate.render(_:partials:into:)`.
    public func render(_ template: MustacheTemplate, _ data: MustacheValue,
                       into output: inout [UInt8]) throws(MustacheError) {
        try template.render(data, partials: { name in templates[name] }, into: &output)
    }
}
