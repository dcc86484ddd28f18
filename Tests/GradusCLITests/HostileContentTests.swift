import Foundation
import Testing
import GradusTestSupport

/// A course full of script-injection payloads (Fixtures/hostile: raw HTML, javascript: and entity-encoded URLs,
/// attribute breakouts, SVG and MathML tricks, template syntax, quiz text, front matter titles, a simulation
/// caption), built by the real binary and opened page by page in headless Chromium
/// (Browser/hostile_site.py). Every payload, if it ran or loaded, would call a local HTTP server by name.
@Suite("Hostile content in a browser", .serialized)
struct HostileContentTests {
    static var available: Bool {
        TestEnvironment.wants("chromium") && TestEnvironment.wants("chromedriver") && TestEnvironment.wantsPython("selenium")
    }

    static func visit(unsafe: Bool) throws -> [String: Any] {
        let python = try #require(TestEnvironment.tool("python3"))
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let here = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusCLITests")
        let run = try runProcess(python, [here.appendingPathComponent("Browser/hostile_site.py").path, binary.path,
                                          here.appendingPathComponent("Fixtures/hostile/content").path,
                                          TestEnvironment.packageRoot.appendingPathComponent("templates").path,
                                          unsafe ? "unsafe" : "safe"])
        try #require(run.status == 0, "the browser script failed:\n\(run.stderrText)")
        return try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])
    }

    @Test("In safe mode no payload runs script, loads anything or leaves a script link", .enabled(if: available))
    func safeMode() throws {
        let report = try Self.visit(unsafe: false)
        #expect(report["status"] as? Int == 0, "\(report["stderr"] ?? "")")
        #expect((report["pages"] as? Int ?? 0) >= 4)
        #expect((report["hits"] as? [String]) == [], "payloads that ran or loaded: \(report["hits"] ?? "")")
        #expect((report["bad_links"] as? [String]) == [], "\(report["bad_links"] ?? "")")
        #expect((report["foreign_scripts"] as? [String]) == [], "\(report["foreign_scripts"] ?? "")")
        #expect(report["alerts"] as? Int == 0)
    }

    @Test("--unsafe is what lets raw HTML through: the same course then runs the raw script payloads",
          .enabled(if: available))
    func unsafeMode() throws {
        let report = try Self.visit(unsafe: true)
        #expect(report["status"] as? Int == 0, "\(report["stderr"] ?? "")")
        let hits = report["hits"] as? [String] ?? []
        for name in ["/raw-script", "/img-onerror", "/iframe"] {
            #expect(hits.contains(name), "with --unsafe, \(name) should reach the browser; hits: \(hits)")
        }
        // Front matter, quiz ids and captions are text even with --unsafe: it only concerns the Markdown.
        for name in ["/course-title", "/lesson-title", "/summary", "/tag", "/caption"] {
            #expect(!hits.contains(name), "\(name) ran even though it is not Markdown")
        }
    }
}
