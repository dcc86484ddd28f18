import Foundation
import Testing
import GradusRender
import GradusTestSupport
@testable import GradusServe

/// A rebuild that fails for a reason outside the content: the cause reaches the terminal and the open pages, and
/// the last good site is still served.
@Suite("gradus serve, failed rebuilds", .serialized)
struct ServeRebuildFaultTests {
    /// A preview of the mini course (two languages, a simulation, a quiz), logging into `logged`.
    func session(_ logged: Collected) throws -> (PreviewSession, URL) {
        let root = try makeScratchFolder("gradus-serve-rebuild")
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Fixtures/mini/content"),
                                         to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        let builder = SiteBuilder(content: root.appendingPathComponent("content"), templates: root.appendingPathComponent("templates"),
                                  contentDisplay: "content", templatesDisplay: "templates")
        return (try PreviewSession(builder: builder, host: "127.0.0.1", port: 0, log: { logged.append($0) }), root)
    }

    /// An event stream of `session`, past its head.
    func events(_ session: PreviewSession) -> Int32 {
        let fd = RawHTTP.connect(port: session.server.port, timeout: 30)
        RawHTTP.write(fd, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
        _ = RawHTTP.read(fd, until: "retry:")
        return fd
    }

    @Test("A full disk during a rebuild is reported with the system's reason, and the last good site is still served")
    func fullDisk() throws {
        let logged = Collected()
        let (session, root) = try session(logged)
        defer { session.stop() }
        let site = session.output
        let before = RawHTTP.request(session.server.port, "GET", "/en/first/")
        try #require(before.status == 200)
        let copy = root.appendingPathComponent("old-site")
        try FileManager.default.copyItem(at: site, to: copy)
        let files = try FileManager.default.subpathsOfDirectory(atPath: copy.path)
        let bytes = try files.map { try FileManager.default.attributesOfItem(atPath: copy.appendingPathComponent($0).path)[.size] as? Int ?? 0 }
        // Room for the old site and a little more, but not for a lesson of 3 MB.
        let size = (bytes.reduce(0, +) + 4096 * files.count) / 1024 + 256
        _ = try mounted(["-t", "tmpfs", "-o", "size=\(size)k", "tmpfs"], at: site) {
            for name in try FileManager.default.contentsOfDirectory(atPath: copy.path) {
                try FileManager.default.copyItem(at: copy.appendingPathComponent(name), to: site.appendingPathComponent(name))
            }
            let stream = events(session)
            defer { close(stream) }
            let lesson = root.appendingPathComponent("content/lessons/01-first.en.md")
            try (try String(contentsOf: lesson, encoding: .utf8) + String(repeating: "Many words of a long lesson. ", count: 100_000))
                .write(to: lesson, atomically: true, encoding: .utf8)
            session.rebuild()
            #expect(logged.text.contains("No space left on device; the previous site was left in place\nthe last good site is still served\n"),
                    "\(logged.text)")
            #expect(RawHTTP.read(stream, until: "left in place").contains("event: error\ndata: gradus: error: cannot write "))
            let after = RawHTTP.request(session.server.port, "GET", "/en/first/")
            #expect(after.status == 200 && after.body == before.body)
        }
    }

    @Test("A writer's refusal reaches the terminal and the pages in its own words, not as a dump of an error value")
    func fileInTheWay() throws {
        let logged = Collected()
        let (session, _) = try session(logged)
        defer { session.stop() }
        let stream = events(session)
        defer { close(stream) }
        try FileManager.default.removeItem(at: session.output)
        try "in the way".write(to: session.output, atomically: false, encoding: .utf8)
        session.rebuild()
        let cause = "gradus: error: cannot write the site into '\(session.output.path)': it is a file, not a folder"
        #expect(logged.text.contains(cause), "\(logged.text)")
        #expect(logged.text.contains("\nthe last good site is still served\n"))
        #expect(!logged.text.contains("Error Domain") && !logged.text.contains("could not be completed"))
        #expect(RawHTTP.read(stream, until: "not a folder").contains("event: error\ndata: " + cause))
    }

    @Test("Foundation's file errors are described by their path and POSIX reason, not by their generic text")
    func describedErrors() throws {
        let cocoa = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/srv/site/x.html",
                                                                 NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(RebuildFailure.describe(cocoa) == "cannot write /srv/site/x.html: Permission denied")
        #expect(RebuildFailure.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == "No space left on device")
        let blocked = try makeScratchFolder("gradus-serve-blocked").appendingPathComponent("file")
        try "x".write(to: blocked, atomically: false, encoding: .utf8)
        do {
            try FileManager.default.createDirectory(at: blocked.appendingPathComponent("folder"), withIntermediateDirectories: true)
            Issue.record("a folder was made inside a file")
        } catch {
            #expect(RebuildFailure.describe(error) == "cannot write \(blocked.appendingPathComponent("folder").path): Not a directory")
        }
    }

    /// Runs `body` with `folder` as a mount point, then unmounts it. False when mounting is not permitted (not
    /// root, no CAP_SYS_ADMIN): the test is skipped with a notice, except under CI, where that is a failure.
    func mounted(_ arguments: [String], at folder: URL, _ body: () throws -> Void) throws -> Bool {
        let mount = try #require(TestEnvironment.tool("mount")), umount = try #require(TestEnvironment.tool("umount"))
        let result = try runProcess(mount, arguments + [folder.path])
        guard result.status == 0 else {
            if TestEnvironment.isCI { Issue.record("mount failed under CI: \(result.stderrText)") }
            else { FileHandle.standardError.write(Data("notice: mount not permitted; fault test skipped\n".utf8)) }
            return false
        }
        defer { _ = try? runProcess(umount, [folder.path]) }
        try body()
        return true
    }
}
