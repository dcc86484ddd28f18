import Foundation
import Testing
import GradusTestSupport
@testable import GradusRender

@Suite("HTML validity")
struct ValidityTests {
    /// tidy 5.6 (Debian's) predates WAI-ARIA 1.1's aria-current, which the language switcher uses as ARIA
    /// recommends, and 1.2's aria-details, which links a chart to its data table; HTML's inputmode, which asks
    /// phones for a keypad with digits in a numeric question's field; and it reads SVG's own attributes on an SVG
    /// nested in another (the plot a chart's lines are drawn in) as HTML ones. Those warnings are not defects of
    /// the page.
    static let knownTidyGaps = ["proprietary attribute \"aria-current\"", "<input> proprietary attribute \"inputmode\""]
        + ["aria-details", "x", "y", "width", "height", "viewbox", "preserveaspectratio", "overflow"]
            .map { "<svg> proprietary attribute \"\($0)\"" }

    static func sites() throws -> [(String, Site)] {
        let root = TestEnvironment.packageRoot
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/mini/content")
        return try [("real course", root.appendingPathComponent("content")), ("fixture", fixture)].map { name, content in
            (name, try SiteBuilder(content: content, templates: root.appendingPathComponent("templates"),
                                   contentDisplay: "content", templatesDisplay: "templates",
                                   baseURL: "https://example.org/").build().site)
        } + [("quiz fixture", try QuizFixture.build().site)]
    }

    @Test("Every generated page passes tidy without errors or warnings", .enabled(if: TestEnvironment.wants("tidy")))
    func tidy() throws {
        let tidy = try #require(TestEnvironment.tool("tidy"))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-tidy-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        var checked = 0
        for (name, site) in try Self.sites() {
            for path in site.paths where path.hasSuffix(".html") {
                let file = folder.appendingPathComponent(path.replacingOccurrences(of: "/", with: "_"))
                try site.files[path]!.write(to: file)
                let result = try runProcess(tidy, ["-errors", "-q", file.path])
                let problems = result.stderrText.split(separator: "\n")
                    .filter { line in !Self.knownTidyGaps.contains { line.contains($0) } }
                #expect(problems.isEmpty, "\(name) \(path):\n\(problems.joined(separator: "\n"))")
                #expect(result.status != 2, "\(name) \(path): tidy found errors")
                checked += 1
            }
        }
        #expect(checked >= 16)
    }
}
