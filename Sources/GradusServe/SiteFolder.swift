import Foundation
import GradusRender

/// Maps request paths to files of the site folder, and never to anything outside it: `..` and `.` segments,
/// percent-encoded ones (`%2e%2e`), backslashes, control characters and symbolic links that lead out are all
/// refused. The site writer's own files (any name starting with `.gradus-`: temporaries being written, its
/// manifest, its journal) are never served, so a rebuild cannot show a half-written page.
struct SiteFolder: Sendable {
    /// The folder's real path (symlinks resolved).
    let root: String

    init(_ url: URL) {
        root = SiteFolder.realPath(url.path) ?? url.standardizedFileURL.path
    }

    enum Resolution: Equatable {
        case file(String)
        /// A folder requested without its trailing slash: redirect so relative links work. The location is always
        /// a path on this server (`/pt/`), never one a browser reads as another host (`//pt/`).
        case redirect(String)
        case notFound
        case forbidden
    }

    func resolve(_ target: String) -> Resolution {
        let pathPart = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? "/"
        guard let decoded = pathPart.removingPercentEncoding else { return .forbidden }
        // Browsers drop tabs and line breaks from URLs and read a backslash as a slash, so none may pass.
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f || $0 == "\\" }) else { return .forbidden }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: true)
        guard !segments.contains(where: { $0 == ".." || $0 == "." }) else { return .forbidden }
        guard !segments.contains(where: { $0.hasPrefix(SiteWriter.reservedPrefix) }) else { return .notFound }
        var candidate = root + "/" + segments.joined(separator: "/")
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: candidate, isDirectory: &isFolder) else { return .notFound }
        if isFolder.boolValue {
            if !decoded.hasSuffix("/") { return .redirect(SiteFolder.singleSlashes(pathPart) + "/") }
            candidate += candidate.hasSuffix("/") ? "index.html" : "/index.html"
        }
        // A symbolic link inside the site may not lead out of it.
        guard let real = SiteFolder.realPath(candidate) else { return .notFound }
        guard real == root || real.hasPrefix(root + "/") else { return .forbidden }
        var info = stat()
        guard stat(real, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return .notFound }
        return .file(real)
    }

    /// `path` with each run of slashes made one, so that it cannot start with `//` (a host to a browser).
    static func singleSlashes(_ path: String) -> String {
        var out = ""
        for character in path where !(character == "/" && out.last == "/") { out.append(character) }
        return out
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The Content-Type of every kind of file the site uses.
    static func contentType(of path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "xml": return "application/xml; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "txt", "md": return "text/plain; charset=utf-8"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }
}
