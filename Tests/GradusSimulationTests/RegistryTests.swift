import Foundation
import Testing
@testable import GradusSimulation

@Suite("Registry")
struct RegistryTests {
    @Test("The registry holds every simulation the course asks for, once each")
    func names() {
        let required = ["backprop-example", "activation-derivatives", "matrix-product", "depth-gradients",
                        "rnn-gradients", "clipping", "lstm-vs-rnn", "batchnorm", "weight-decay", "dying-relu",
                        "strategies", "residual-gradients", "norm-batch-noise", "norm-batch-training", "ln-placement",
                        "optimizer-valley", "adam-warmup", "decoupled-decay", "fp16-bf16-rounding", "loss-scale-sweep",
                        "dynamic-loss-scaling"]
        #expect(Registry.standard.names.sorted() == required.sorted())
        #expect(Set(smallSettings.keys) == Set(required))
    }

    @Test("Every parameter's default is one of its own allowed values")
    func defaultsAreValid() throws {
        for simulation in Registry.standard.simulations {
            for spec in simulation.parameters {
                #expect(try spec.parse(spec.defaultValue.description).get() == spec.defaultValue,
                        "\(simulation.name).\(spec.key)")
            }
        }
    }

    @Test("Titles and column labels exist in pt, de and en, and titles are translated")
    func labels() {
        for simulation in Registry.standard.simulations {
            let title = simulation.title
            #expect(!title.pt.isEmpty && !title.de.isEmpty && !title.en.isEmpty)
            #expect(title.pt != title.en && title.de != title.en, "\(simulation.name) title is not translated")
            #expect(Set(simulation.columns.map(\.key)).count == simulation.columns.count, "\(simulation.name) repeats a key")
            for column in simulation.columns {
                #expect(!column.label.pt.isEmpty && !column.label.de.isEmpty && !column.label.en.isEmpty)
                #expect(column.key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }, "key \(column.key)")
            }
        }
    }

    @Test("Choice parameters refuse other words and name the valid ones")
    func badChoice() {
        let simulation = Registry.standard["depth-gradients"]!
        #expect(throws: ParameterError("invalid value 'softplus' for activation: expected one of sigmoid, tanh, relu, leaky-relu")) {
            try simulation.resolve([("activation", "softplus")]).get()
        }
        #expect(throws: ParameterError("unknown parameter 'layers' for simulation 'depth-gradients'; valid keys: activation, init, depth, width, batch, seeds")) {
            try simulation.resolve([("layers", "3")]).get()
        }
    }

    @Test("Each simulation's table has its columns, one cell per column in every row, in every format",
          arguments: Registry.standard.names)
    func shapeAndFormats(name: String) throws {
        let table = try runSimulation(name, smallSettings[name] ?? [])
        let simulation = Registry.standard[name]!
        #expect(table.columns == simulation.columns)
        #expect(!table.rows.isEmpty)
        #expect(table.rows.allSatisfy { $0.count == table.columns.count })
        #expect(table.parameters.map(\.key) == simulation.parameters.map(\.key))

        let json = TableFormat.json.render(table, language: "pt", separators: .comma)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["simulation"] as? String == name)
        #expect(object["title"] as? String == simulation.title.pt)
        #expect((object["columns"] as? [[String: String]])?.map { $0["key"]! } == simulation.columns.map(\.key))
        let rows = try #require(object["rows"] as? [[Any]])
        #expect(rows.count == table.rows.count)
        #expect((object["params"] as? [String: Any])?.count == simulation.parameters.count)

        let csv = TableFormat.csv.render(table, language: "de", separators: .comma)
        #expect(csv.split(separator: "\n").count == table.rows.count + 1)
        for (line, row) in zip(csv.split(separator: "\n").dropFirst(), table.rows) {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == row.count else { continue }   // a quoted text cell with a comma
            for (field, cell) in zip(fields, row) {
                if case .number(let x) = cell {
                    #expect(Double(field) != nil && (Double(field) == x || x.isNaN), "CSV number \(field)")
                }
            }
        }

        let markdown = TableFormat.markdown.render(table, language: "de", separators: .comma).split(separator: "\n")
        #expect(markdown.count == table.rows.count + 2)
        let pipes = markdown.map { line in line.filter { $0 == "|" }.count - line.components(separatedBy: "\\|").count + 1 }
        #expect(Set(pipes) == [table.columns.count + 1], "every GFM row has one cell per column")

        let text = TableFormat.text.render(table, language: "en", separators: .point).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text[0] == Substring(simulation.title.en))
        // The rule under the header is as wide as the widest row, so the columns line up.
        let rule = text[3], width = rule.unicodeScalars.count
        #expect(text[4...].allSatisfy { $0.unicodeScalars.count <= width })
    }

    @Test("The same seed gives the same table; seeded simulations change with the seed",
          arguments: Registry.standard.names)
    func determinism(name: String) throws {
        let settings = smallSettings[name] ?? []
        let first = try runSimulation(name, settings, seed: 7), again = try runSimulation(name, settings, seed: 7)
        #expect(TableFormat.json.render(first, language: "en", separators: .point) == TableFormat.json.render(again, language: "en", separators: .point))
        if Registry.standard[name]!.usesSeed {
            let other = try runSimulation(name, settings, seed: 8)
            #expect(other.rows != first.rows, "\(name) ignores its seed")
        }
    }
}
