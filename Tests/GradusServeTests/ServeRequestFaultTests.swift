import Foundation
import Testing
@testable import GradusServe

/// Malformed, unusual and hostile requests: each gets one right answer, and the server goes on serving.
@Suite("gradus serve, faulty requests")
struct ServeRequestFaultTests {
    /// Sends `bytes` on one connection and returns all it gets back until the server closes.
    func exchange(_ port: UInt16, _ bytes: String) -> String {
        let fd = RawHTTP.connect(port: port)
        defer { close(fd) }
        RawHTTP.write(fd, bytes)
        return RawHTTP.read(fd)
    }

    @Test("A bare LF ends a line of the request head, as RFC 9112 §2.2 allows; a bare CR is refused")
    func bareLineFeeds() throws {
        let site = try TestSite()
        let server = try site.server()
        defer { server.stop() }
        let lf = RawHTTP.parse(exchange(server.port, "GET /index.html HTTP/1.1\nHost: x\nConnection: close\n\n"))
        #expect(lf.status == 200 && lf.body.contains("home page"))
        let mixed = exchange(server.port, "GET /index.html HTTP/1.1\r\nHost: x\n\r\nGET /pt/ HTTP/1.1\nConnection: close\r\n\n")
        #expect(RawHTTP.statuses(mixed) == [200, 200])
        #expect(mixed.contains("home page") && mixed.contains("página inicial"))
        #expect(RawHTTP.statuses(exchange(server.port, "GET /index.html HTTP/1.1\rHost: x\r\n\r\n")) == [400])
    }

    @Test("A head over 64 KiB is refused with 431 however it arrives, even when its end comes in the same read")
    func headLimit() throws {
        let site = try TestSite()
        let server = try site.server()
        defer { server.stop() }
        for size in [66_000, 70_000, 79_000] {
            let head = "GET /index.html HTTP/1.1\r\nX-Pad: " + String(repeating: "a", count: size) + "\r\nConnection: close\r\n\r\n"
            #expect(RawHTTP.statuses(exchange(server.port, head)) == [431], "\(size) bytes")
        }
        let fits = "GET /index.html HTTP/1.1\r\nX-Pad: " + String(repeating: "a", count: 60_000) + "\r\nConnection: close\r\n\r\n"
        #expect(RawHTTP.statuses(exchange(server.port, fits)) == [200])
    }

    @Test("A head arriving a byte at a time is found once, wherever its lines break")
    func headInPieces() throws {
        let head = Array("\r\nGET / HTTP/1.1\nHost: x\r\nAccept: */*\n\r\nGET /next".utf8)
        var scanner = HeadScanner()
        var buffer: [UInt8] = []
        var found: Int?
        for byte in head where found == nil {
            buffer.append(byte)
            found = scanner.scan(&buffer)
        }
        let end = try #require(found)
        #expect(String(decoding: buffer[..<end], as: UTF8.self) == "GET / HTTP/1.1\nHost: x\r\nAccept: */*\n\r\n")
        #expect(HTTPRequest.parse(Array(buffer[..<end]))?.headers == ["host": "x", "accept": "*/*"])
    }

    @Test("A request body is read and dropped, never taken for the next request")
    func bodiesAreNotRequests() throws {
        let site = try TestSite()
        let server = try site.server()
        defer { server.stop() }
        let smuggled = "GET /static/app.js HTTP/1.1\r\nHost: x\r\n\r\n"
        let post = exchange(server.port, "POST /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: \(smuggled.utf8.count)\r\n\r\n"
                            + smuggled + "GET /pt/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(RawHTTP.statuses(post) == [405, 200])
        #expect(!post.contains("console.log") && post.contains("página inicial"))
        // A body that trickles in after its head, on a GET, is waited for and dropped as well.
        let fd = RawHTTP.connect(port: server.port)
        defer { close(fd) }
        RawHTTP.write(fd, "GET /index.html HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nGET /")
        #expect(RawHTTP.statuses(RawHTTP.awaitClose(fd, seconds: 0.3).received).isEmpty)
        RawHTTP.write(fd, "abcdeGET /pt/ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(RawHTTP.statuses(RawHTTP.read(fd)) == [200, 200])
    }

    @Test("Bodies over the limit get 413, chunked ones 411, contradictory framing 400; each closes the connection",
          arguments: [("Content-Length: 10000000", 413), ("Transfer-Encoding: chunked", 411),
                      ("Content-Length: 5\r\nTransfer-Encoding: chunked", 400), ("Content-Length: 5, 6", 400),
                      ("Content-Length: -1", 400), ("Content-Length: 1e3", 400)])
    func refusedBodies(header: String, status: Int) throws {
        let site = try TestSite()
        let server = try site.server()
        defer { server.stop() }
        let fd = RawHTTP.connect(port: server.port)
        defer { close(fd) }
        RawHTTP.write(fd, "POST /index.html HTTP/1.1\r\nHost: x\r\n\(header)\r\n\r\n5\r\nGET /\r\n0\r\n\r\n")
        let answer = RawHTTP.awaitClose(fd, seconds: 5)
        #expect(answer.closed)
        #expect(RawHTTP.statuses(answer.received) == [status], "\(answer.received)")
        #expect(RawHTTP.request(server.port, "GET", "/index.html").status == 200)
    }

    @Test("No redirect leads to another host: repeated slashes are made one, backslashes and control characters refused",
          arguments: ["//pt", "///pt", "//pt?next=//evil", "/%2F/pt", "/\\evil", "/\\/pt", "/%5Cpt", "/%5C%5Cpt", "/\t/pt", "/%09/pt"])
    func redirectsStayHome(target: String) throws {
        let site = try TestSite()
        let server = try site.server()
        defer { server.stop() }
        let response = RawHTTP.request(server.port, "GET", target)
        #expect([301, 400, 403, 404].contains(response.status), "\(target) → \(response.status)")
        guard response.status == 301 else { return }
        let location = try #require(response.headers["location"])
        #expect(location.hasPrefix("/") && !location.hasPrefix("//") && !location.contains("\\"), "\(target) → \(location)")
        let base = try #require(URL(string: "http://127.0.0.1:\(server.port)/"))
        #expect(URL(string: location, relativeTo: base)?.absoluteURL.host == "127.0.0.1", "\(target) → \(location)")
        #expect(RawHTTP.request(server.port, "GET", location).status == 200, "\(location)")
    }

    @Test("The site writer's files (temporaries, manifest, journal) are never served, however the name is spelled",
          arguments: ["/.gradus-tmp-index.html", "/pt/.gradus-tmp-index.html", "/.gradus-manifest", "/.gradus-journal/1",
                      "/%2Egradus-manifest", "/pt/%2egradus-tmp-index.html", "/.gradus-journal/", "/.gradus-journal"])
    func writerFilesHidden(target: String) throws {
        let site = try TestSite()
        for path in [".gradus-tmp-index.html", "pt/.gradus-tmp-index.html", ".gradus-manifest", ".gradus-journal/1"] {
            let url = site.root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try "<html><body>half-writ".write(to: url, atomically: false, encoding: .utf8)
        }
        let server = try site.server()
        defer { server.stop() }
        let response = RawHTTP.request(server.port, "GET", target)
        #expect(response.status == 404, "\(target) → \(response.status)")
        #expect(!response.body.contains("half-writ") && response.body.contains("no such page here"))
    }
}
