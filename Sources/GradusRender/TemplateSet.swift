import Foundation
import GradusContent

/// A course's theme, loaded: the compiled page templates and partials, the interface's words per language, and the
/// static files (stylesheet, scripts), from Gradus' default theme and the course's own templates folder.
public struct TemplateSet: Sendable {
    public var library: MustacheLibrary
    /// `i18n/LANG.json`, by language code.
    public var words: [String: MustacheObject]
    /// The same words for code that is not a template (the quiz, the compiler, numbers).
    public var themeWords: ThemeWords { ThemeWords(words: words, warnings: []) }
    /// Files under `static/` (stylesheet, scripts), copied to the site's `static/` as they are.
    public var staticFiles: [String: Data]
    /// Warnings found while loading (a key missing in one language).
    public var warnings: [Diagnostic]
    /// The folder and how diagnostics show it, to locate errors found while rendering.
    public var folder: URL
    public var displayRoot: String

    /// Loads the theme for the course's `languages`: Gradus' default theme overridden by the course's `folder`
    /// (shown as `displayRoot` in diagnostics), which need not exist. Interface words merge key by key: the
    /// course's `i18n/LANG.json` replaces the words it names. Throws a `ContentFailure` for a template that does not
    /// compile, malformed JSON, a language without words, or a file that cannot be read.
    public static func load(from folder: URL, displayRoot: String, languages: [Language]) throws(ContentFailure) -> TemplateSet {
        var diagnostics: [Diagnostic] = []
        let theme = ThemeFiles(folder: folder, displayRoot: displayRoot, diagnostics: &diagnostics)
        var templates: [String: MustacheTemplate] = [:]
        for (path, file) in theme.files where path.hasSuffix(".mustache") {
            do {
                let source = try file.text.get()
                templates[String(path.dropLast(".mustache".count))] = try MustacheTemplate(source: source, name: file.display)
            } catch let error as MustacheError {
                diagnostics.append(diagnostic(error))
            } catch {
                diagnostics.append((error as! InputFiles.Failure).diagnostic(path: file.display))
            }
        }
        let library = MustacheLibrary(templates: templates)
        diagnostics += library.missingPartials().map { diagnostic($0) }
        let words = ThemeWords.merge(languages: languages, displayRoot: displayRoot, diagnostics: &diagnostics) { path in
            theme[path].flatMap { $0.isDefault ? nil : $0 }
        }
        var staticFiles: [String: Data] = [:]
        for (path, file) in theme.under("static") {
            guard Site.isSafe(path) else {
                diagnostics.append(.error(at: SourceLocation(path: file.display, line: 1, column: 1),
                                          "this file name cannot be a web address (no backslashes or control characters); rename the file"))
                continue
            }
            staticFiles[path] = Data(file.bytes)
        }
        if diagnostics.contains(where: { $0.severity == .error }) { throw ContentFailure(diagnostics) }
        return TemplateSet(library: library, words: words, staticFiles: staticFiles,
                           warnings: diagnostics, folder: folder, displayRoot: displayRoot)
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

    /// A template error, located in the file as diagnostics name it (errors carry the display name).
    static func diagnostic(_ error: MustacheError) -> Diagnostic {
        .error(at: SourceLocation(path: error.name, line: error.line, column: error.column), error.message)
    }

    /// A template error found while rendering.
    func diagnostic(_ error: MustacheError) -> Diagnostic { Self.diagnostic(error) }
}
