import Foundation
import Synchronization

/// A small HTTP/1.1 server for a static site folder, on the toolchain's sockets: GET and HEAD, `index.html` for
/// folders, the site's `404.html`, ETag / If-None-Match, persistent connections, one thread per connection so
/// a slow client never blocks the others, and a Server-Sent Events stream (`/__gradus/events`) for live reload.
public final class HTTPServer: Sendable {
    /// Where the page script connects to hear about rebuilds.
    static let eventsPath = "/__gradus/events"
    static let scriptPath = "/__gradus/live.js"

    public let port: UInt16
    public let host: String
    private let listener: Int32
    private let state: Mutex<State>

    private struct State {
        var folder: SiteFolder
        /// Open event-stream connections.
        var subscribers: [Int32] = []
        /// The current build error, shown as an overlay in open pages (nil when the last build succeeded).
        var error: String?
        var running = true
    }

    public enum Failure: Error, CustomStringConvertible {
        case busy(port: UInt16, suggestion: UInt16?)
        case socket(String)

        public var description: String {
            switch self {
            case .busy(let port, let suggestion):
                return "port \(port) is busy" + (suggestion.map { "; try --port \($0)" } ?? "")
            case .socket(let reason): return reason
            }
        }
    }

    /// Binds `host:port` (port 0: any free port) and starts accepting connections in the background.
    public init(folder: URL, host: String = "127.0.0.1", port: UInt16) throws(Failure) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw .socket("cannot open a socket: \(String(cString: strerror(errno)))") }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
            close(fd)
            throw .socket("invalid --host '\(host)': expected an IPv4 address such as 127.0.0.1")
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0 else {
            let busy = errno == EADDRINUSE
            let reason = String(cString: strerror(errno))
            close(fd)
            if busy { throw .busy(port: port, suggestion: HTTPServer.freePort(host: host, after: port)) }
            throw .socket("cannot listen on \(host):\(port): \(reason)")
        }
        guard listen(fd, 512) == 0 else {
            close(fd)
            throw .socket("cannot listen: \(String(cString: strerror(errno)))")
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        self.listener = fd
        self.port = UInt16(bigEndian: actual.sin_port)
        self.host = host
        self.state = Mutex(State(folder: SiteFolder(folder)))
        let thread = Thread { [self] in acceptLoop() }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Tells every open page to reload (after a successful rebuild) or to show `error` (after a failed one).
    public func announce(error: String?) {
        let subscribers = state.withLock { state -> [Int32] in
            state.error = error
            return state.subscribers
        }
        let event = error.map { "event: error\ndata: " + $0.split(separator: "\n").joined(separator: "\ndata: ") + "\n\n" }
            ?? "event: reload\ndata: ok\n\n"
        var dead: [Int32] = []
        for fd in subscribers where !send(fd, Array(event.utf8)) { dead.append(fd) }
        if !dead.isEmpty {
            state.withLock { $0.subscribers.removeAll { dead.contains($0) } }
            for fd in dead { close(fd) }
        }
    }

    /// Stops accepting, closes the event streams. Connections being served finish on their own.
    public func stop() {
        let subscribers = state.withLock { state -> [Int32] in
            state.running = false
            defer { state.subscribers = [] }
            return state.subscribers
        }
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
        for fd in subscribers { close(fd) }
    }

    // MARK: - Connections

    private func acceptLoop() {
        while state.withLock({ $0.running }) {
            let client = accept(listener, nil, nil)
            if client < 0 {
                if errno == EINTR { continue }
                return
            }
            var timeout = timeval(tv_sec: 10, tv_usec: 0)
            setsockopt(client, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
            var one: Int32 = 1
            setsockopt(client, Int32(IPPROTO_TCP), TCP_NODELAY, &one, socklen_t(MemoryLayout<Int32>.size))
            let thread = Thread { [self] in serve(client) }
            thread.stackSize = 256 << 10
            thread.start()
        }
    }

    private func serve(_ fd: Int32) {
        var buffer: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16 << 10)
        while true {
            // Read until a whole request head is buffered (heads over 64 kB are refused).
            var headEnd: Int? = buffer.firstRange(of: [13, 10, 13, 10])?.lowerBound
            while headEnd == nil {
                let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
                guard n > 0 else { close(fd); return }
                buffer += chunk[0..<n]
                headEnd = buffer.firstRange(of: [13, 10, 13, 10])?.lowerBound
                if headEnd == nil && buffer.count > 64 << 10 {
                    _ = send(fd, HTTPResponse(status: 400).serialized(includeBody: true, keepAlive: false))
                    close(fd)
                    return
                }
            }
            let head = String(decoding: buffer[..<headEnd!], as: UTF8.self)
            buffer.removeSubrange(..<(headEnd! + 4))
            guard let request = HTTPRequest.parse(head) else {
                _ = send(fd, HTTPResponse(status: 400, body: Array("bad request\n".utf8)).serialized(includeBody: true, keepAlive: false))
                close(fd)
                return
            }
            if request.target == Self.eventsPath && request.method == "GET" {
                subscribe(fd)
                return
            }
            let response = respond(to: request)
            let keepAlive = request.keepAlive
            guard send(fd, response.serialized(includeBody: request.method != "HEAD", keepAlive: keepAlive)), keepAlive else {
                close(fd)
                return
            }
        }
    }

    private func subscribe(_ fd: Int32) {
        let error = state.withLock { state -> String? in
            state.subscribers.append(fd)
            return state.error
        }
        var head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
        head += "retry: 500\n\n"
        if let error { head += "event: error\ndata: " + error.split(separator: "\n").joined(separator: "\ndata: ") + "\n\n" }
        _ = send(fd, Array(head.utf8))
    }

    func respond(to request: HTTPRequest) -> HTTPResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return HTTPResponse(status: 405, headers: [("Allow", "GET, HEAD"), ("Content-Type", "text/plain; charset=utf-8")],
                                body: Array("method not allowed\n".utf8))
        }
        if request.target == Self.scriptPath {
            return HTTPResponse(status: 200, headers: [("Content-Type", "text/javascript; charset=utf-8"), ("Cache-Control", "no-store")],
                                body: Array(LiveReload.script.utf8))
        }
        let folder = state.withLock { $0.folder }
        switch folder.resolve(request.target) {
        case .redirect(let location):
            return HTTPResponse(status: 301, headers: [("Location", location), ("Content-Type", "text/plain; charset=utf-8")],
                                body: Array("moved to \(location)\n".utf8))
        case .forbidden:
            return HTTPResponse(status: 403, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("forbidden\n".utf8))
        case .notFound:
            var response = HTTPResponse(status: 404, headers: [("Content-Type", "text/html; charset=utf-8"), ("Cache-Control", "no-cache")])
            if case .file(let page) = folder.resolve("/404.html"), let data = FileManager.default.contents(atPath: page) {
                response.body = LiveReload.inject(Array(data))
            } else {
                response.body = Array("<!DOCTYPE html><title>404</title><p>Not found</p>\n".utf8)
            }
            return response
        case .file(let path):
            guard let data = FileManager.default.contents(atPath: path) else {
                return HTTPResponse(status: 404, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array("not found\n".utf8))
            }
            let type = SiteFolder.contentType(of: path)
            var body = Array(data)
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

    // MARK: - Helpers

    private func send(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress! + done, bytes.count - done, Int32(MSG_NOSIGNAL)) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { return false }
            done += n
        }
        return true
    }

    private func fnv1a(_ bytes: [UInt8]) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return hash
    }

    /// A port near `port` that is free now, to suggest when it is busy.
    static func freePort(host: String, after port: UInt16) -> UInt16? {
        for candidate in (port &+ 1)...(port &+ 20) where candidate > 0 {
            if let server = try? HTTPServer.probe(host: host, port: candidate) { return server }
        }
        return nil
    }

    private static func probe(host: String, port: UInt16) throws -> UInt16? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, host, &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        return result == 0 ? port : nil
    }

    /// Serves another folder from now on (the server keeps its port and connections).
    public func serve(folder: URL) {
        let resolved = SiteFolder(folder)
        state.withLock { $0.folder = resolved }
    }
}
