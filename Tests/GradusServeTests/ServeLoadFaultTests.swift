import Foundation
import Testing
import GradusTestSupport

/// The real `gradus serve` with few descriptors, flooded with connections for a minute: it keeps serving every
/// page, whole and fast, and holds nothing once the flood is over.
@Suite("gradus serve under a flood of connections, the real process")
struct ServeLoadFaultTests {
    /// `GRADUS_SERVE_FLOOD_SECONDS` shortens the flood for a quick look; the test's claim is the full minute.
    static var seconds: Double { Double(ProcessInfo.processInfo.environment["GRADUS_SERVE_FLOOD_SECONDS"] ?? "") ?? 60 }

    @Test("2 000 idle, dripping and vanishing connections over a minute under ulimit -n 256 leave every page served whole within 100 ms")
    func flood() throws {
        // The flood itself holds up to 2 000 sockets in this process.
        var limit = rlimit()
        getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        if limit.rlim_cur < 4096 {
            limit.rlim_cur = min(4096, limit.rlim_max)
            setrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit)
        }
        let server = try ServeProcess(descriptors: 256)
        defer { server.stop() }
        let site = try #require(server.site)
        let baseline = server.openDescriptors
        var pages = PageCheck.Result()
        let report = ConnectionFlood(port: server.port, connections: 2000, seconds: Self.seconds).run {
            pages = PageCheck.run(port: server.port, site: site)
        }
        print("ServeLoadFaultTests: \(report); \(pages)")
        #expect(report.attempted == 2000)
        #expect(report.connected + report.failed == 2000)
        #expect(report.probes > 0 && report.probeFailures == 0)
        // Dripping clients are cut off by the 10 s deadline for a whole head (or sooner, to make room).
        #expect(report.longestDrip > 0 && report.longestDrip < 12)
        #expect(pages.pages >= 40 && pages.wrong.isEmpty, "\(pages.wrong)")
        #expect(pages.worst < 0.1, "\(pages)")
        #expect(server.isRunning)
        // Once every client is gone, so are their connections (lingering ones within 2 s).
        #expect(waitUntil(seconds: 5) { server.openDescriptors <= baseline }, "\(server.openDescriptors) open, \(baseline) before")
    }
}
