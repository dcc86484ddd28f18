import Foundation
import GradusContent
import GradusRender

/// Where a command finds the course. The course root is the folder that holds `content/course.yml`: given with
/// `--root DIR`, else found by walking up from the current folder (as git and Cargo find their projects), so a
/// command works from any subfolder of a course. The content, templates, simulation cache and site live under the
/// root; `--content` and `--templates` name other folders, relative to the current folder.
struct CoursePaths {
    var root: URL
    var content: URL
    var templates: URL
    /// How diagnostics name the two folders: relative to the root, or as the user typed them.
    var contentDisplay: String
    var templatesDisplay: String
    /// Simulation tables kept between builds.
    var cache: URL { root.appendingPathComponent(".gradus-cache") }

    /// Resolves the paths of `arguments` (`--root`, `--content`, `--templates`). Throws when `--root` names no
    /// course, or when no course is found and no folder was named.
    static func resolve(_ arguments: ParsedArguments, _ console: Console) throws(UsageError) -> CoursePaths {
        let root: URL
        if let given = arguments.value("root") {
            root = console.url(given).standardizedFileURL
            guard arguments.value("content") != nil || FileManager.default.fileExists(atPath: marker(in: root)) else {
                throw UsageError("no course in '\(given)': it has no content/course.yml",
                                 hint: "give the folder that holds content/, or start a course there with 'gradus init \(given)'")
            }
        } else if let found = find(from: console.directory) {
            root = found
        } else if arguments.value("content") != nil {
            root = console.directory.standardizedFileURL
        } else {
            throw UsageError("no course here: neither this folder nor any above it holds content/course.yml",
                             hint: "run gradus inside a course, pass --root DIR, or start one with 'gradus init'")
        }
        let content = arguments.value("content")
        let templates = arguments.value("templates")
        return CoursePaths(root: root,
                           content: content.map(console.url) ?? root.appendingPathComponent("content"),
                           templates: templates.map(console.url) ?? root.appendingPathComponent("templates"),
                           contentDisplay: content ?? "content", templatesDisplay: templates ?? "templates")
    }

    /// The output folder: `--out` relative to the current folder, else `_site` under the root; and its display.
    func output(_ arguments: ParsedArguments, _ console: Console) -> (url: URL, display: String) {
        if let out = arguments.value("out") { return (console.url(out).standardizedFileURL, out) }
        return (root.appendingPathComponent("_site").standardizedFileURL, "_site")
    }

    /// The course's id for its learners' progress: `id` in course.yml, else the root folder's name and a hash of
    /// its real path (two courses in folders of the same name stay apart; moving a course starts afresh).
    func courseID(_ config: CourseConfig) -> String {
        if let id = config.id { return id }
        let real = OutputFolder.resolve(root)
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in real.utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        let name = String(root.lastPathComponent.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        return (name.isEmpty ? "course" : name) + "-" + String(hash & 0xffff_ffff, radix: 16)
    }

    /// The nearest folder at or above `start` that holds `content/course.yml`.
    static func find(from start: URL) -> URL? {
        var folder = start.standardizedFileURL
        while true {
            if FileManager.default.fileExists(atPath: marker(in: folder)) { return folder }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    private static func marker(in folder: URL) -> String { folder.appendingPathComponent("content/course.yml").path }
}
