import Foundation
import GradusContent

/// templates/: the compiled page templates and partials, the interface's words per language, and static assets.
public struct TemplateSet: Sendable {
    public var library: MustacheLibrary
    /// `i18n/LANG.json`, by language code.
    public var words: [String: MustacheObject]
    /// Files under `static/` (stylesheet, scripts), copied to the site's `static/` as they are.
    public var staticFiles: [String: Data]
    /// Warnings found while loading (a key missing in one language).
    public var warnings: [Diagnostic]
    /// The folder and how diagnostics show it, to locate errors found while rendering.
    public var folder: URL
    public var displayRoot: String

    /// The templates every site needs.
    static let requiredTemplates = ["layout", "root", "index", "lesson", "404"]

    /// Loads `folder` (shown as `displayRoot` in diagnostics) for the course's `languages`.
    /// Throws a `ContentFailure` for a template that does not compile, malformed JSON, or a missing template.
    public static func load(from folder: URL, displayRoot: String, languages: [Language]) throws(ContentFailure) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        let library: MustacheLibrary
        do {
            library = try MustacheLibrary(folder: folder, extensions: ["mustache"])
        } catch let error as MustacheError {
            throw ContentFailure([diagnostic(error, folder: folder, displayRoot: displayRoot)])
        } catch let error as LocatedInputFailure {
            throw ContentFailure([error.diagnostic(displayRoot: displayRoot)])
        } catch {
            throw ContentFailure([.error(at: SourceLocation(path: displayRoot, line: 1, column: 1),
                                         "cannot read the templates folder: \(error.localizedDescription)")])
        }
        diagnostics += library.missingPartials().map { diagnostic($0, folder: folder, displayRoot: displayRoot) }
        for name in requiredTemplates where library[name] == nil {
            diagnostics.append(.error(at: SourceLocation(path: "\(displayRoot)/\(name).mustache", line: 1, column: 1),
                                      "missing template \(name).mustache; copy it from Gradus' default templates"))
        }
        var words: [String: MustacheObject] = [:]
        for language in languages {
            let relative = "i18n/\(language.code).json"
            let path = "\(displayRoot)/\(relative)"
            let data: Data
            switch InputFiles.text(folder.appendingPathComponent(relative)) {
            case .success(let text): data = Data(text.utf8)
            case .failure(.missing):
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                          "missing \(relative); every course language needs the interface's words"))
                continue
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(path: path))
                continue
            }
            do {
                guard case .object(let object) = try MustacheValue(json: data, name: path) else {
                    diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                              "expected a JSON object of words by key"))
                    continue
                }
                words[language.code] = object
            } catch {
                diagnostics.append(.error(at: SourceLocation(path: error.name, line: error.line, column: error.column), error.message))
            }
        }
        diagnostics += missingKeys(words, languages: languages, displayRoot: displayRoot)
        let staticFiles = readFiles(folder.appendingPathComponent("static"), displayRoot: "\(displayRoot)/static",
                                    diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ContentFailure(diagnostics) }
        return TemplateSet(library: library, words: words, staticFiles: staticFiles,
                           warnings: diagnostics, folder: folder, displayRoot: displayRoot)
    }

    /// A key that one language has and another lacks is a warning in the one that lacks it.
    static func missingKeys(_ words: [String: MustacheObject], languages: [Language], displayRoot: String) -> [Diagnostic] {
        var all: [String] = []
        for language in languages { for key in words[language.code]?.keys ?? [] where !all.contains(key) { all.append(key) } }
        var diagnostics: [Diagnostic] = []
        for language in languages {
            guard let object = words[language.code] else { continue }
            for key in all where object[key] == nil {
                diagnostics.append(.warning(at: SourceLocation(path: "\(displayRoot)/i18n/\(language.code).json", line: 1, column: 1),
                                            "missing key '\(key)'; pages in \(language.code) will show it empty"))
            }
        }
        return diagnostics
    }

    /// Every regular file under `folder` (shown as `displayRoot`), by its path relative to it (hidden files
    /// skipped, a missing folder empty). A file or folder that cannot be read, or whose name cannot be a site
    /// path, is an error in `diagnostics`.
    public static func readFiles(_ folder: URL, displayRoot: String, diagnostics: inout [Diagnostic]) -> [String: Data] {
        let walk = InputFiles.walk(folder)
        diagnostics += walk.failures.map { $0.diagnostic(displayRoot: displayRoot) }
        var files: [String: Data] = [:]
        for path in walk.files {
            guard Site.isSafe(path) else {
                diagnostics.append(.error(at: SourceLocation(path: "\(displayRoot)/\(path)", line: 1, column: 1),
                                          "this file name cannot be a web address (no backslashes or control characters); rename the file"))
                continue
            }
            switch InputFiles.bytes(folder.appendingPathComponent(path)) {
            case .success(let bytes): files[path] = Data(bytes)
            case .failure(let failure):
                diagnostics.append((failure == .missing ? .vanished : failure).diagnostic(path: "\(displayRoot)/\(path)"))
            }
        }
        return files
    }

    static func diagnostic(_ error: MustacheError, folder: URL, displayRoot: String) -> Diagnostic {
        var path = error.name
        for base in [folder.relativePath, folder.standardizedFileURL.path, folder.path] where path.hasPrefix(base + "/") {
            path = displayRoot + path.dropFirst(base.count)
            break
        }
        return .error(at: SourceLocation(path: path, line: error.line, column: error.column), error.message)
    }

    /// A template error found while rendering, located as the user would type the path.
    func diagnostic(_ error: MustacheError) -> Diagnostic {
        Self.diagnostic(error, folder: folder, displayRoot: displayRoot)
    }
}
