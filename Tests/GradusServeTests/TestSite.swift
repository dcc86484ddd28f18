import Foundation
import GradusTestSupport
@testable import GradusServe

/// A small site folder written by hand (no build needed): pages, a folder with an index, a script, the 404 page.
struct TestSite {
    let root: URL

    static let files = [
        "index.html": "<!DOCTYPE html><title>Home</title><body><p>home page</p></body>\n",
        "pt/index.html": "<!DOCTYPE html><title>Início</title><body><p>página inicial</p></body>\n",
        "404.html": "<!DOCTYPE html><title>404</title><body><p>no such page here</p></body>\n",
        "static/app.js": "console.log('app');\n",
    ]

    init() throws {
        root = try makeScratchFolder("gradus-serve-site")
        for (path, text) in Self.files {
            let url = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
    }

    /// A server on a free port with `limits` (the process's own by default).
    func server(_ limits: ServerLimits = .forDescriptors()) throws -> HTTPServer {
        try HTTPServer(folder: root, port: 0, limits: limits)
    }
}
