import Foundation
import Testing
import GradusTestSupport

/// The real `gradus serve` process under faults from outside: no descriptors left, and being told to stop.
@Suite("gradus serve, faults of the process")
struct ServeProcessFaultTests {
    @Test("Out of descriptors, the server pauses accepting, warns, and serves again once descriptors are free")
    func outOfDescriptors() throws {
        guard TestEnvironment.wants("prlimit") else { return }
        let server = try ServeProcess(descriptors: 512)
        defer { server.stop() }
        let before = server.openDescriptors
        var idle = (0..<60).map { _ in RawHTTP.connect(port: server.port, timeout: 15) }
        defer { idle.forEach { close($0) } }
        #expect(waitUntil(seconds: 5) { server.openDescriptors >= before + 60 })
        // Its limit lowered below what it holds, every accept() and open() of the server now fails with EMFILE.
        let lowered = try runProcess(try #require(TestEnvironment.tool("prlimit")), ["--pid", "\(server.pid)", "--nofile=40:"])
        try #require(lowered.status == 0, "\(lowered.stderrText)")
        let waiting = RawHTTP.connect(port: server.port, timeout: 15)
        defer { close(waiting) }
        RawHTTP.write(waiting, "GET /en/index.html HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        #expect(waitUntil(seconds: 5) { server.stderr.contains("cannot accept connections: Too many open files") })
        #expect(RawHTTP.awaitClose(waiting, seconds: 0.5).received.isEmpty, "no answer while no descriptor is free")
        // The idle clients go; the server closes their connections, and the waiting request is answered.
        idle.forEach { close($0) }
        idle = []
        let answer = RawHTTP.parse(RawHTTP.read(waiting))
        #expect(answer.status == 200 && answer.body.contains("</html>"))
        #expect(RawHTTP.request(server.port, "GET", "/pt/").status == 200)
        #expect(server.isRunning)
    }

    @Test("SIGTERM and SIGHUP stop the server as Ctrl-C does: the temporary site is removed, exit 130",
          arguments: [SIGTERM, SIGHUP, SIGINT])
    func stopSignals(signal: Int32) throws {
        let server = try ServeProcess(descriptors: 256)
        let site = try #require(server.site)
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
        #expect(RawHTTP.request(server.port, "GET", "/index.html").status == 200)
        #expect(server.stop(signal) == 130)
        #expect(!FileManager.default.fileExists(atPath: site.path), "\(site.path) is left behind")
        #expect(server.stderr.hasSuffix("\nstopped\n"))
    }
}
