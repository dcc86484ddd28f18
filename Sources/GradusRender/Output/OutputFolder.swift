import Foundation

/// Decides whether a folder may receive a site: Gradus writes only into what is its own.
///
/// A folder qualifies when it does not exist yet, is empty, or holds a Gradus site (its manifest,
/// `.gradus-manifest`, lists the files an earlier build wrote). It must also stay apart from the build's inputs:
/// a site inside the content, or content inside the site, would let a build overwrite its own sources.
public enum OutputFolder {
    /// Why a folder cannot take the site, with the way out.
    public struct Refusal: Error, Equatable, Sendable, CustomStringConvertible {
        public var message: String
        public var hint: String
        /// The folder asked for is the problem (a usage error); false when the system ran short (exit 1).
        public var isUsage = true
        public var description: String { "\(message) (\(hint))" }

        public init(message: String, hint: String, isUsage: Bool = true) {
            self.message = message
            self.hint = hint
            self.isUsage = isUsage
        }
    }

    /// The folder's real path: symlinks resolved in every part that exists, the rest appended as written.
    public static func resolve(_ url: URL) -> String {
        var missing: [String] = []
        var path = url.standardizedFileURL.path
        while true {
            if let real = realpath(path, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path || parent.isEmpty { return url.standardizedFileURL.path }
            missing.append((path as NSString).lastPathComponent)
            path = parent
        }
    }

    /// Throws a `Refusal` unless `output` (shown as `display`) may receive the site and lies apart from every
    /// input folder (pairs of URL and how the user named it).
    public static func check(_ output: URL, display: String, inputs: [(url: URL, display: String)] = []) throws(Refusal) {
        let real = resolve(output)
        let others = inputs.map { (real: resolve($0.url), display: $0.display) }
        for input in others where real == input.real || real.hasPrefix(input.real == "/" ? "/" : input.real + "/")
            || isWithin(real, input.real) {
            throw Refusal(message: "refusing to write the site into '\(display)': it is \(real == input.real ? "" : "inside ")\(input.display)",
                          hint: "choose an output folder outside it, e.g. --out _site")
        }
        switch FileIO.kind(real) {
        case .none:
            break
        case .folder:
            try checkOwned(real, display: display)
        case .file:
            throw Refusal(message: "cannot write the site into '\(display)': it is a file, not a folder",
                          hint: "choose a folder with --out, or move the file away")
        case .other:
            throw Refusal(message: "cannot write the site into '\(display)': it is not a folder (a symlink to nothing, a FIFO or a device)",
                          hint: "choose a folder with --out")
        }
        for input in others where input.real.hasPrefix(real == "/" ? "/" : real + "/") || isWithin(input.real, real) {
            throw Refusal(message: "refusing to write the site into '\(display)': it contains \(input.display)",
                          hint: "choose a new or empty folder, e.g. --out _site")
        }
    }

    /// Whether `inner` or one of its folders is the very folder `outer` (same device and inode): a bind mount shows
    /// one folder under two paths that no comparison of paths can match.
    static func isWithin(_ inner: String, _ outer: String) -> Bool {
        guard let target = identity(outer) else { return false }
        var path = inner
        while true {
            if identity(path) == target { return true }
            let parent = (path as NSString).deletingLastPathComponent
            if parent == path || parent.isEmpty { return false }
            path = parent
        }
    }

    private static func identity(_ path: String) -> [UInt64]? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return [UInt64(info.st_dev), UInt64(info.st_ino)]
    }

    /// Throws unless the existing folder is empty or holds a Gradus site.
    private static func checkOwned(_ real: String, display: String) throws(Refusal) {
        let entries: [String]
        switch FileIO.entries(real) {
        case .success(let names): entries = names
        case .failure(let reason) where reason.code == EMFILE || reason.code == ENFILE:
            throw Refusal(message: "cannot read the output folder '\(display)': \(reason.text)",
                          hint: "raise the limit of open files (ulimit -n) and build again", isUsage: false)
        case .failure(let reason):
            throw Refusal(message: "cannot read the output folder '\(display)': \(reason.text)",
                          hint: "choose a folder you can read and write with --out")
        }
        // Only the manifest marks a site: a first build writes it before anything else, and every later build
        // keeps it. A journal or a temporary without it is not Gradus' (anyone can make a file of that name).
        guard entries.isEmpty || entries.contains(SiteWriter.manifestName) else {
            throw Refusal(message: "refusing to write the site into '\(display)': the folder is not empty and holds no Gradus site",
                          hint: "Gradus writes only into a new folder, an empty one, or a site it built; choose one with --out")
        }
    }
}
