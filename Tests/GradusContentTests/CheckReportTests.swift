import Foundation
import Testing
@testable import GradusContent

@Suite("Check report")
struct CheckReportTests {
    static let a = SourceLocation(path: "content/a.md", line: 3, column: 2)
    static let b = SourceLocation(path: "content/b.md", line: 1, column: 1)

    @Test("Findings are deduplicated and sorted by place, errors before warnings at one place")
    func order() {
        let report = CheckReport([.warning(at: Self.b, "w"), .warning(at: Self.a, "x"), .error(at: Self.a, "y"),
                                  .warning(at: Self.b, "w")])
        #expect(report.text == "content/a.md:3:2: error: y\ncontent/a.md:3:2: warning: x\ncontent/b.md:1:1: warning: w\n")
        #expect(report.summary == "1 error, 2 warnings")
    }

    @Test("JSON escapes quotes, backslashes and control characters and parses back to the same values")
    func json() throws {
        let message = "quote \" backslash \\ tab \t bell \u{7} é"
        let report = CheckReport([.error(at: Self.a, message)])
        let parsed = try #require(try JSONSerialization.jsonObject(with: Data(report.json.utf8)) as? [[String: Any]])
        #expect(parsed.count == 1)
        #expect(parsed[0]["message"] as? String == message)
        #expect(parsed[0]["line"] as? Int == 3)
        #expect(parsed[0]["severity"] as? String == "error")
        #expect(report.json.contains("\\u0007"))
        #expect(CheckReport([]).json == "[]\n")
    }
}
