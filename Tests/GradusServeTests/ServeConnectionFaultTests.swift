import Foundation
import Synchronization
import Testing
@testable import GradusServe

/// Clients that are slow, silent, numerous or gone: none of them may hold the server's connections for long.
@Suite("gradus serve, faulty connections")
struct ServeConnectionFaultTests {
    @Test("A client dripping its head a line at a time is cut off at the total deadline, with 408")
    func drippingHead() throws {
        let site = try TestSite()
        var limits = ServerLimits.forDescriptors()
        limits.requestSeconds = 1
        let server = try site.server(limits)
        defer { server.stop() }
        let fd = RawHTTP.connect(port: server.port)
        defer { close(fd) }
        let started = Date()
        RawHTTP.write(fd, "GET /index.html HTTP/1.1\r\n")
        // A line every 0.2 s would keep a per-read timeout from ever firing; the deadline counts from the start.
        var answer = (closed: false, received: "")
        for line in 0..<25 where !answer.closed {
            RawHTTP.write(fd, "X-Drip-\(line): y\r\n")
            answer = RawHTTP.awaitClose(fd, seconds: 0.2)
        }
        let lasted = Date().timeIntervalSince(started)
        #expect(answer.closed)
        #expect(lasted >= 0.9 && lasted < 2.5, "closed after \(lasted) s")
        #expect(RawHTTP.statuses(answer.received) == [408])
        #expect(RawHTTP.request(server.port, "GET", "/index.html").status == 200)
    }

    @Test("The connections held are capped: idle ones beyond the cap are closed, oldest first, and requests are still served")
    func connectionCap() throws {
        let site = try TestSite()
        let server = try site.server(ServerLimits(connections: 8))
        defer { server.stop() }
        let idle = (0..<40).map { _ in RawHTTP.connect(port: server.port) }
        defer { idle.forEach { close($0) } }
        let page = RawHTTP.request(server.port, "GET", "/index.html")
        #expect(page.status == 200 && page.body.contains("home page"))
        #expect(server.counts.connections <= 8)
        // The first 32 (or more) were closed to make room; the newest are still open.
        #expect(idle.prefix(32).allSatisfy { RawHTTP.awaitClose($0, seconds: 2).closed })
        #expect(!RawHTTP.awaitClose(idle[39], seconds: 0.2).closed)
    }

    @Test("The connection cap leaves room under the descriptor limit for files, rebuilds and the runtime",
          arguments: [64, 128, 256, 1024, 20_000, 1 << 20])
    func capUnderDescriptorLimit(descriptors: Int) {
        let limits = ServerLimits.forDescriptors(descriptors)
        #expect(limits.connections >= 8 && limits.connections <= min(descriptors - 32, 8192))
        #expect(limits.subscribers == limits.connections / 2)
        #expect(limits.requestSeconds == 10)
    }

    @Test("A live-reload stream is freed as soon as its page goes, not at the next rebuild")
    func streamsFreedOnHangUp() throws {
        let site = try TestSite()
        let server = try site.server()
        defer { server.stop() }
        let streams = (0..<20).map { _ in
            let fd = RawHTTP.connect(port: server.port)
            RawHTTP.write(fd, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
            return fd
        }
        for fd in streams { #expect(RawHTTP.read(fd, until: "retry:").contains("text/event-stream")) }
        #expect(waitUntil(seconds: 2) { server.counts.subscribers == 20 })
        streams.forEach { close($0) }
        let closed = Date()
        #expect(waitUntil(seconds: 2) { server.counts == ServerControl.Counts(connections: 0, subscribers: 0) })
        #expect(Date().timeIntervalSince(closed) < 1, "freed after \(Date().timeIntervalSince(closed)) s")
    }

    @Test("Page loads that each open and drop a stream never use up the streams; beyond the cap a stream gets 503")
    func manyPageLoads() throws {
        let site = try TestSite()
        let server = try site.server(ServerLimits(connections: 16))
        defer { server.stop() }
        for _ in 0..<150 {
            let fd = RawHTTP.connect(port: server.port)
            RawHTTP.write(fd, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
            let head = RawHTTP.read(fd, until: "retry:")
            close(fd)
            guard head.contains("200 OK") else {
                Issue.record("a page load got \(head)")
                return
            }
        }
        let held = (0..<8).map { _ in
            let fd = RawHTTP.connect(port: server.port)
            RawHTTP.write(fd, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
            return fd
        }
        defer { held.forEach { close($0) } }
        let heads = held.map { RawHTTP.read($0, until: "retry:") }
        #expect(heads.allSatisfy { $0.contains("200 OK") }, "\(heads)")
        let extra = RawHTTP.request(server.port, "GET", "/__gradus/events")
        #expect(extra.status == 503)
    }

    @Test("A stream whose client stops reading is dropped, not buffered for without end; one that reads hears every event")
    func streamThatNeverReads() throws {
        let site = try TestSite()
        var limits = ServerLimits.forDescriptors()
        limits.maxPendingEventBytes = 64 << 10
        let server = try site.server(limits)
        defer { server.stop() }
        let reader = RawHTTP.connect(port: server.port, timeout: 30), sleeper = RawHTTP.connect(port: server.port, receiveBuffer: 4096)
        defer { close(reader); close(sleeper) }
        for fd in [reader, sleeper] { RawHTTP.write(fd, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n") }
        #expect(waitUntil(seconds: 2) { server.counts.subscribers == 2 })
        // The reader counts the error events it hears until the reload; 11 characters kept from the last chunk are
        // too few to hold a whole marker, so one split between chunks is counted once.
        let heard = Mutex((errors: 0, reloaded: false))
        let listening = Thread {
            var tail = ""
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = chunk.withUnsafeMutableBytes { recv(reader, $0.baseAddress, $0.count, 0) }
                if n <= 0 { return }
                let text = tail + String(decoding: chunk[0..<n], as: UTF8.self)
                let errors = text.components(separatedBy: "event: error").count - 1
                let reloaded = text.contains("event: reload")
                heard.withLock { $0.errors += errors; $0.reloaded = reloaded }
                tail = String(text.suffix(11))
                if reloaded { return }
            }
        }
        listening.start()
        let error = String(repeating: "x", count: 50_000)
        for _ in 0..<100 { server.announce(error: error) }
        #expect(waitUntil(seconds: 10) { server.counts.subscribers == 1 })
        server.announce(error: nil)
        #expect(waitUntil(seconds: 10) { heard.withLock { $0.reloaded } })
        #expect(heard.withLock { $0.errors } == 100)
    }
}
