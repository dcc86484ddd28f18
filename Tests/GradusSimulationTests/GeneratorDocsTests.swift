import Foundation
import Testing
import GradusTestSupport
@testable import GradusSimulation

/// docs/generators.md against the program: one row per generator, naming every placeholder it fills and its
/// tolerance, and no row for a generator that does not exist.
@Suite("docs/generators.md")
struct GeneratorDocsTests {
    @Test("Every generator has a row with each of its placeholders and its tolerance; every row is a generator")
    func rows() throws {
        let url = TestEnvironment.packageRoot.appendingPathComponent("docs/generators.md")
        let rows = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").filter { $0.hasPrefix("| `") }
        for generator in QuestionGenerators.standard.generators {
            let row = try #require(rows.first { $0.hasPrefix("| `\(generator.name)` |") }, "no row for \(generator.name)")
            for value in generator.values {
                #expect(row.contains("`{\(value.name)}`"), "\(generator.name): {\(value.name)} is not in its row")
            }
            let tolerance = String(format: "| %g %% |", generator.relativeTolerance * 100)
            #expect(row.contains(tolerance), "\(generator.name): its row does not give the tolerance \(tolerance)")
        }
        let documented = rows.compactMap { $0.dropFirst(3).split(separator: "`").first.map(String.init) }
        #expect(documented.sorted() == QuestionGenerators.standard.names.sorted())
    }
}
