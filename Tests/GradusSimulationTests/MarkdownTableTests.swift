import Foundation
import Testing
import GradusTestSupport
@testable import GradusSimulation

@Suite("Markdown output against pulldown-cmark")
struct MarkdownTableTests {
    @Test("pulldown-cmark reads each simulation's markdown as one GFM table with every row and cell",
          .enabled(if: TestEnvironment.wants("pulldown-cmark")), arguments: Registry.standard.names)
    func gfmTable(name: String) throws {
        let tool = try #require(TestEnvironment.tool("pulldown-cmark"))
        let table = try runSimulation(name, smallSettings[name] ?? [])
        let markdown = TableFormat.markdown.render(table, language: "de", separators: .comma)
        let result = try runProcess(tool, ["-T"], input: Data(markdown.utf8))
        #expect(result.status == 0)
        let html = result.stdoutText
        func count(_ needle: String) -> Int { html.components(separatedBy: needle).count - 1 }
        #expect(count("<table>") == 1)
        #expect(count("<tr>") == table.rows.count + 1)
        #expect(count("<th>") + count("<th ") == table.columns.count)
        #expect(count("<td>") + count("<td ") == table.rows.count * table.columns.count)
        // The header cells are the German labels, in order.
        for column in table.columns {
            let label = column.label.de.replacingOccurrences(of: "&", with: "&amp;")
                .replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
            #expect(html.contains(">\(label)</th>"), "header \(label)")
        }
    }
}
