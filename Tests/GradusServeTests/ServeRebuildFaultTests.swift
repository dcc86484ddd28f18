import Foundation
import Testing
import GradusRender
import GradusTestSupport
@testable import GradusServe

/// A rebuild that fails for a reason outside the content: the cause reaches the terminal and the open pages.
@Suite("gradus serve, failed rebuilds")
struct ServeRebuildFaultTests {
    @Test("A rebuild that cannot write names the file and the system's reason, in the terminal and over the pages")
    func unwritableRebuild() throws {
        let root = try makeScratchFolder("gradus-serve-rebuild")
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Fixtures/mini/content"),
                                         to: root.appendingPathComponent("content"))
        try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                         to: root.appendingPathComponent("templates"))
        let builder = SiteBuilder(content: root.appendingPathComponent("content"), templates: root.appendingPathComponent("templates"),
                                  contentDisplay: "content", templatesDisplay: "templates")
        let logged = Collected()
        let session = try PreviewSession(builder: builder, host: "127.0.0.1", port: 0, log: { logged.append($0) })
        defer { session.stop() }
        let events = RawHTTP.connect(port: session.server.port, timeout: 30)
        defer { close(events) }
        RawHTTP.write(events, "GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(RawHTTP.read(events, until: "retry:").contains("text/event-stream"))
        // A file where the site's folder was: the writer cannot make the folder again.
        try FileManager.default.removeItem(at: session.output)
        try "in the way".write(to: session.output, atomically: false, encoding: .utf8)
        session.rebuild()
        let cause = "gradus: error: cannot write \(session.output.path): File exists"
        #expect(logged.text.contains(cause + "\nthe last good site is still served\n"), "\(logged.text)")
        #expect(!logged.text.contains("NSCocoaErrorDomain") && !logged.text.contains("could not be completed"))
        #expect(RawHTTP.read(events, until: "File exists").contains("event: error\ndata: " + cause))
    }

    @Test("Foundation's file errors are described by their path and POSIX reason")
    func describedErrors() {
        let cocoa = CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: "/srv/site/x.html",
                                                                 NSUnderlyingErrorKey: NSError(domain: NSPOSIXErrorDomain, code: Int(EACCES))])
        #expect(RebuildFailure.describe(cocoa) == "cannot write /srv/site/x.html: Permission denied")
        #expect(RebuildFailure.describe(NSError(domain: NSPOSIXErrorDomain, code: Int(ENOSPC))) == "No space left on device")
    }
}
