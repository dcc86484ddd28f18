import Foundation
import GradusContent

/// The files of a course's theme: Gradus' default theme overridden file by file by the course's own templates
/// folder, which may also add files (Hugo's and mdBook's lookup order). A course needs no templates folder at all.
struct ThemeFiles {
    /// One file of the theme and where it came from.
    struct File {
        var bytes: [UInt8]
        /// How diagnostics name it: `templates/lesson.mustache`, or `(default theme)/lesson.mustache`.
        var display: String
        var isDefault: Bool

        /// The file as text (templates, words): UTF-8, byte-order mark dropped, CRLF read as LF.
        var text: Result<String, InputFiles.Failure> { InputFiles.text(from: bytes) }
    }

    /// How diagnostics name a file of the built-in theme.
    static let defaultRoot = "(default theme)"

    private(set) var files: [String: File] = [:]

    /// Reads the course's folder (a missing one adds nothing); a file or folder that cannot be read is an error in
    /// `diagnostics`.
    init(folder: URL, displayRoot: String, diagnostics: inout [Diagnostic]) {
        for path in DefaultTheme.paths {
            files[path] = File(bytes: Array(DefaultTheme.text(path)!.utf8), display: "\(Self.defaultRoot)/\(path)", isDefault: true)
        }
        let walk = InputFiles.walk(folder)
        diagnostics += walk.failures.map { $0.diagnostic(displayRoot: displayRoot) }
        // A file where the theme has a folder (`partials`, `static`, `i18n`) would be skipped without a word.
        let themeFolders = Set(DefaultTheme.paths.flatMap { path in
            path.split(separator: "/").dropLast().indices.map { path.split(separator: "/")[...$0].joined(separator: "/") }
        })
        for path in walk.files {
            let display = "\(displayRoot)/\(path)"
            if themeFolders.contains(path) {
                diagnostics.append(InputFiles.Failure.notAFolder.diagnostic(path: display, what: "the folder"))
                continue
            }
            switch InputFiles.bytes(folder.appendingPathComponent(path)) {
            case .success(let bytes): files[path] = File(bytes: bytes, display: display, isDefault: false)
            case .failure(let failure): diagnostics.append((failure == .missing ? .vanished : failure).diagnostic(path: display))
            }
        }
    }

    subscript(path: String) -> File? { files[path] }

    /// The files under `folder/` (e.g. `static`), by their path inside it.
    func under(_ folder: String) -> [(path: String, file: File)] {
        files.keys.sorted().filter { $0.hasPrefix(folder + "/") }.map { (String($0.dropFirst(folder.count + 1)), files[$0]!) }
    }
}
