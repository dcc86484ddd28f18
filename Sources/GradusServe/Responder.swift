import Foundation

/// Answers a GET or HEAD from the site folder: the live-reload script, files read whole (HTML pages with the
/// script added), `index.html` for folders, the site's `404.html`, and 304 while the client's ETag still matches.
enum Responder {
    static func respond(to request: HTTPRequest, folder: SiteFolder) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .text(405, "method not allowed", headers: [("Allow", "GET, HEAD")])
        }
        if request.target == LiveReload.scriptPath {
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-store")],
                                body: Array(LiveReload.script.utf8))
        }
        switch folder.resolve(request.target) {
        case .redirect(let location):
            return .text(301, "moved to \(location)", headers: [("Location", location)])
        case .forbidden:
            return .text(403, "forbidden")
        case .notFound:
            return notFound(folder, for: request.target)
        case .file(let path):
            switch WholeFile.read(path) {
            case .failure(.missing):
                return notFound(folder, for: request.target)
            case .failure(.busy(let reason)):
                return .text(503, "busy: \(reason); try again", headers: [("Retry-After", "1")])
            case .failure(.unreadable(let reason)):
                return .text(500, "cannot read the file: \(reason)")
            case .success(var body):
                let type = SiteFolder.contentType(of: path)
                if type.hasPrefix("text/html") { body = LiveReload.inject(body) }
                let etag = "\"" + String(fnv1a(body), radix: 16) + "\""
                let headers = [("Content-Type", type), ("ETag", etag), ("Cache-Control", "no-cache")]
                if let match = request.headers["if-none-match"],
                   match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == etag || $0 == "*" }) {
                    return HTTPResponse(status: 304, headers: headers)
                }
                return HTTPResponse(status: 200, headers: headers, body: body)
            }
        }
    }

    // MARK: - Helpers

    /// The site's not-found page for `target`: the one of its first folder (`/en/nope/` → `/en/404.html`, the
    /// English page of a course in several languages) when there is one, else the site's `/404.html`.
    private static func notFound(_ folder: SiteFolder, for target: String) -> HTTPResponse {
        var response = HTTPResponse(status: 404, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-cache")])
        let path = target.split(separator: "?", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        let segments = path.split(separator: "/", omittingEmptySubsequences: true)
        var pages = ["/404.html"]
        if segments.count > 1, let first = segments.first, !first.contains("%") { pages.insert("/\(first)/404.html", at: 0) }
        if let data = pages.lazy.compactMap({ page -> [UInt8]? in
            guard case .file(let file) = folder.resolve(page), case .success(let data) = WholeFile.read(file) else { return nil }
            return data
        }).first {
            response.body = LiveReload.inject(data)
        } else {
            response.body = Array("<!DOCTYPE html><title>404</title><p>Not found</p>\n".utf8)
        }
        return response
    }

    private static func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }
}
