import Foundation
import Synchronization
import Testing
import GradusContent
import GradusRender
import GradusTestSupport
@testable import GradusServe

@Suite("gradus serve", .serialized)
struct ServeTests {
    /// A copy of the real course and templates, a preview session on a free port, and a clean-up.
    func session() throws -> (PreviewSession, URL) {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-serve-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        let builder = SiteBuilder(content: root.appendingPathComponent("content"), templates: root.appendingPathComponent("templates"),
                                  contentDisplay: "content", templatesDisplay: "templates")
        return (try PreviewSession(builder: builder, host: "127.0.0.1", port: 0, log: { _ in }), root)
    }

    @Test("Pages, folders, HEAD, content types, ETag and 304, the site's 404 in the address' language, 405 for other methods")
    func serving() throws {
        let (session, _) = try session()
        defer { session.stop() }
        let port = session.server.port
        let page = RawHTTP.request(port, "GET", "/pt/backpropagation/index.html")
        #expect(page.status == 200)
        #expect(page.headers["content-type"] == "text/html; charset=utf-8")
        #expect(page.body.contains("Retropropagação e a regra da cadeia"))
        #expect(page.body.contains("<script src=\"/__gradus/live.js\"></script>\n</body>"))
        let folder = RawHTTP.request(port, "GET", "/pt/backpropagation/")
        #expect(folder.status == 200 && folder.body == page.body)
        let redirect = RawHTTP.request(port, "GET", "/pt")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/pt/")
        let etag = try #require(page.headers["etag"])
        #expect(RawHTTP.request(port, "GET", "/pt/backpropagation/index.html", headers: ["If-None-Match: \(etag)"]).status == 304)
        let head = RawHTTP.request(port, "HEAD", "/pt/backpropagation/index.html")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] == page.headers["content-length"])
        #expect(RawHTTP.request(port, "GET", "/static/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(RawHTTP.request(port, "GET", "/static/quiz.js").headers["content-type"] == "text/javascript; charset=utf-8")
        #expect(RawHTTP.request(port, "GET", "/__gradus/live.js").body.contains("EventSource"))
        let missing = RawHTTP.request(port, "GET", "/pt/no-such-lesson/")
        #expect(missing.status == 404 && missing.body.contains("Página não encontrada"))
        // A missing page under a language's folder answers in that language; elsewhere in the default one.
        let english = RawHTTP.request(port, "GET", "/en/nope/")
        #expect(english.status == 404 && english.body.contains("Page not found") && english.body.contains("<html lang=\"en\">"))
        #expect(RawHTTP.request(port, "GET", "/de/nope/x.html?q=1").body.contains("Seite nicht gefunden"))
        #expect(RawHTTP.request(port, "GET", "/nope.html").body.contains("Página não encontrada"))
        #expect(RawHTTP.request(port, "GET", "/xx/nope/").body.contains("Página não encontrada"))
        #expect(RawHTTP.request(port, "POST", "/index.html").status == 405)
    }

    @Test("No path escapes the site folder: .., encoded .., backslashes, NUL, symlinks out")
    func escapes() throws {
        let (session, root) = try session()
        defer { session.stop() }
        let port = session.server.port
        let secret = root.appendingPathComponent("secret.txt")
        try "top secret".write(to: secret, atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(atPath: session.output.appendingPathComponent("leak.txt").path,
                                                   withDestinationPath: secret.path)
        for target in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/pt/..%2f..%2fsecret.txt",
                       "/..\\secret.txt", "/pt/%00/index.html", "/leak.txt", "//etc/passwd", "/pt/./index.html"] {
            let response = RawHTTP.request(port, "GET", target)
            #expect([403, 404].contains(response.status), "\(target) → \(response.status)")
            #expect(!response.body.contains("top secret") && !response.body.contains("root:"), "\(target)")
        }
    }

    @Test("A changed lesson is rebuilt and announced; a broken one keeps the last good site and reports the error")
    func liveReload() throws {
        let (session, root) = try session()
        defer { session.stop() }
        let port = session.server.port
        // Each event waits for a rebuild of the real course: well under a second normally, but over 5 s in the
        // address-sanitized build on a busy machine (Benchmarks/sanitizers.sh), so this socket waits up to 60 s.
        let events = RawHTTP.connect(port: port, timeout: 60)
        defer { close(events) }
        RawHTTP.write(events, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(RawHTTP.read(events, until: "retry:").contains("text/event-stream"))
        let stop = Atomic<Bool>(false), watching = Atomic<Bool>(false)
        // `watch` asks whether to stop only after its first snapshot, so the edit below cannot precede it.
        let watcher = Thread {
            session.watch(interval: 0.02, debounce: 0.02) {
                watching.store(true, ordering: .releasing)
                return stop.load(ordering: .relaxed)
            }
        }
        watcher.start()
        defer { stop.store(true, ordering: .relaxed) }
        while !watching.load(ordering: .acquiring) { Thread.sleep(forTimeInterval: 0.01) }
        let lesson = root.appendingPathComponent("content/lessons/01-backpropagation.en.md")
        var text = try String(contentsOf: lesson, encoding: .utf8)
        text = text.replacingOccurrences(of: "title: Backpropagation and the chain rule", with: "title: Backpropagation, revised")
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        #expect(RawHTTP.read(events, until: "event: reload").contains("event: reload"))
        #expect(RawHTTP.request(port, "GET", "/en/backpropagation/").body.contains("Backpropagation, revised"))
        try (text + "\n::: simulation nope\n:::\n").write(to: lesson, atomically: true, encoding: .utf8)
        let error = RawHTTP.read(events, until: "unknown simulation")
        #expect(error.contains("event: error"))
        #expect(error.contains("content/lessons/01-backpropagation.en.md:"))
        #expect(RawHTTP.request(port, "GET", "/en/backpropagation/").body.contains("Backpropagation, revised"))
    }

    @Test("Many concurrent connections are served without blocking one another")
    func concurrency() throws {
        let (session, _) = try session()
        defer { session.stop() }
        let port = session.server.port
        // An idle connection that never sends a request must not hold anyone up.
        let idle = RawHTTP.connect(port: port)
        defer { close(idle) }
        let ok = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: 64) { _ in
            if RawHTTP.request(port, "GET", "/en/index.html").status == 200 { ok.add(1, ordering: .relaxed) }
        }
        #expect(ok.load(ordering: .relaxed) == 64)
    }

    @Test("A busy port is a clear error that names a free one")
    func busy() throws {
        let (session, _) = try session()
        defer { session.stop() }
        #expect {
            _ = try HTTPServer(folder: session.output, port: session.server.port)
        } throws: { error in
            guard case HTTPServer.Failure.busy(let port, let suggestion) = error else { return false }
            return port == session.server.port && suggestion != nil && suggestion != port
        }
    }
}

@Suite("gradus serve, the real process")
struct ServeProcessTests {
    @Test("The binary prints its URL, serves, and stops cleanly on Ctrl-C with exit 130, removing its temporary site")
    func ctrlC() throws {
        let binary = TestEnvironment.packageRoot.appendingPathComponent(".build/debug/gradus")
        try #require(FileManager.default.isExecutableFile(atPath: binary.path), "swift test builds the debug binary")
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve", "--port", "0"]
        process.currentDirectoryURL = TestEnvironment.packageRoot
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        var line = ""
        while !line.contains("\n") {
            let data = out.fileHandleForReading.availableData
            if data.isEmpty { break }
            line += String(decoding: data, as: UTF8.self)
        }
        let port = try #require(line.split(separator: ":").last?.split(separator: "/").first.flatMap { UInt16($0) })
        #expect(line.hasPrefix("Serving the course at http://127.0.0.1:"))
        #expect(RawHTTP.request(port, "GET", "/index.html").status == 200)
        let temporaries = { (try? FileManager.default.contentsOfDirectory(atPath: NSTemporaryDirectory()))?
            .filter { $0.hasPrefix("gradus-serve-\(process.processIdentifier)-") } ?? [] }
        #expect(temporaries().count == 1)
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(temporaries().isEmpty)
    }
}
