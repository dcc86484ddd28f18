import Foundation
import Testing
@testable import GradusSimulation

@Suite("activation-derivatives")
struct ActivationDerivativesTests {
    let simulation = Registry.standard["activation-derivatives"]!

    func table(_ settings: [(key: String, value: String)] = []) throws -> Table {
        let parameters = try simulation.resolve(settings).get()
        return simulation.run(parameters, seed: 1)
    }

    @Test("σ′ never exceeds 1/4 and reaches it at x = 0")
    func sigmoidBound() throws {
        let t = try table([("from", "-10"), ("to", "10"), ("steps", "400")])
        let xs = t.column("x").map { $0! }, derivatives = t.column("sigmoid_prime").map { $0! }
        #expect(derivatives.allSatisfy { $0 <= 0.25 })
        let atZero = xs.firstIndex(of: 0)!
        #expect(derivatives[atZero] == 0.25)
        #expect(derivatives.max() == 0.25)
    }

    @Test("Each derivative column matches central finite differences of its function")
    func derivativesMatchFiniteDifferences() throws {
        let h = 1e-6
        for (function, derivative) in [("sigmoid", "sigmoid_prime"), ("tanh", "tanh_prime")] {
            let t = try table([("from", "-4"), ("to", "4"), ("steps", "16")])
            for (x, d) in zip(t.column("x"), t.column(derivative)) {
                let plus = try table([("from", "\(x! + h)"), ("to", "\(x! + h)"), ("steps", "1")]).column(function)[0]!
                let minus = try table([("from", "\(x! - h)"), ("to", "\(x! - h)"), ("steps", "1")]).column(function)[0]!
                #expect(abs((plus - minus) / (2 * h) - d!) < 1e-8, "\(derivative) at \(x!)")
            }
        }
    }

    @Test("Leaky ReLU's derivative is the slope below zero and 1 above")
    func leakySlope() throws {
        let t = try table([("slope", "0.2"), ("from", "-1"), ("to", "1"), ("steps", "2")])
        #expect(t.column("leaky_relu_prime").map { $0! } == [0.2, 0.2, 1])
        #expect(t.column("leaky_relu").map { $0! } == [-0.2, 0, 1])
    }

    @Test("Unknown parameters and bad values are refused with the valid choices")
    func badParameters() {
        #expect(throws: ParameterError("unknown parameter 'step' for simulation 'activation-derivatives'; valid keys: from, to, steps, slope")) {
            try simulation.resolve([("step", "3")]).get()
        }
        #expect(throws: ParameterError("invalid value '0' for steps: expected a whole number from 1 to 1000")) {
            try simulation.resolve([("steps", "0")]).get()
        }
    }
}

@Suite("Table output")
struct TableOutputTests {
    let table = Table(simulation: "demo", title: Localized(pt: "Título", de: "Titel", en: "Title"), seed: 3,
                      parameters: [("n", .integer(2))],
                      columns: [.init("k", Localized(pt: "passo", de: "Schritt", en: "step")), .init("v", "v")],
                      rows: [[.number(1), .number(0.25)], [.number(2), .number(.nan)], [.number(3), .number(-.infinity)]])

    @Test("Numbers for people use the language's decimal separator")
    func separators() {
        #expect(NumberFormat.display(0.25, separators: .comma) == "0,25")
        #expect(NumberFormat.display(0.25, separators: .point) == "0.25")
        #expect(NumberFormat.display(-3.1e-6, separators: .point) == "−3.1·10⁻⁶")
        #expect(NumberFormat.display(123456789, separators: .point) == "1.235·10⁸")
        #expect(NumberFormat.display(2.458e-5, separators: .comma) == "2,458·10⁻⁵")
        #expect(NumberFormat.display(0.9999877, separators: .point) == "0.99999")
    }

    @Test("The whole part is grouped by thousands from five digits on, with the language's mark")
    func thousands() {
        #expect(NumberFormat.display(1000, separators: .comma) == "1000")
        #expect(NumberFormat.display(12345, separators: .comma) == "12.345")
        #expect(NumberFormat.display(-28530.5, separators: .point) == "−28,530.5")
        #expect(NumberFormat.display(999_999, separators: NumberFormat.Separators(decimal: ",", thousands: "\u{202F}"))
                == "999\u{202F}999")
        #expect(NumberFormat.display(123456, separators: .plain) == "123456")
    }

    @Test("JSON has the documented shape, with non-finite numbers as strings, and parses")
    func json() throws {
        let text = TableFormat.json.render(table, language: "de", separators: .comma)
        #expect(text == #"{"simulation": "demo", "title": "Titel", "seed": 3, "params": {"n": 2}, "columns": [{"key": "k", "label": "Schritt"}, {"key": "v", "label": "v"}], "rows": [[1, 0.25], [2, "NaN"], [3, "-Infinity"]]}"# + "\n")
        #expect(try JSONSerialization.jsonObject(with: Data(text.utf8)) is [String: Any])
    }

    @Test("CSV always uses a dot, and markdown is a GFM table with right-aligned numbers")
    func csvAndMarkdown() {
        #expect(TableFormat.csv.render(table, language: "pt", separators: .comma) == "k,v\n1,0.25\n2,NaN\n3,-Infinity\n")
        #expect(TableFormat.markdown.render(table, language: "pt", separators: .comma)
                == "| passo | v |\n| ---: | ---: |\n| 1 | 0,25 |\n| 2 | NaN |\n| 3 | −∞ |\n")
    }

    @Test("Text output aligns columns for a terminal")
    func text() {
        #expect(TableFormat.text.render(table, language: "en", separators: .point)
                == "Title\n\nstep     v\n────  ────\n   1  0.25\n   2   NaN\n   3    −∞\n")
    }
}
