import Foundation
import Testing
@testable import GradusSimulation

@Suite("Table coding")
struct TableCodingTests {
    @Test("A table survives the cache's JSON exactly, non-finite numbers and all languages included")
    func roundTrip() throws {
        let table = Table(simulation: "x", title: Localized(pt: "Título", de: "Titel", en: "Title"), seed: 9,
                          parameters: [("n", .integer(3)), ("lr", .real(0.1)), ("act", .choice("relu")), ("bn", .flag(true))],
                          columns: [.init("a", "a"), .init("b", Localized(pt: "bê", de: "B", en: "b"))],
                          rows: [[.number(0.1 + 0.2), .number(.nan)], [.number(-.infinity), .text(Localized(pt: "sim", de: "ja", en: "yes"))],
                                 [.number(5e-324), .number(1.7976931348623157e308)]])
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        let back = try decoder.decode(Table.self, from: encoder.encode(table))
        for language in ["pt", "de", "en"] {
            for format in TableFormat.allCases {
                #expect(format.render(back, language: language, separators: .comma)
                        == format.render(table, language: language, separators: .comma))
            }
        }
        #expect(back.column("a")[0]!.bitPattern == (0.1 + 0.2).bitPattern)
    }
}
