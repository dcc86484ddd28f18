import Foundation
import Testing
@testable import GradusSimulation

/// Runs simulation `name` with `settings` (key, value text) and `seed`, as `gradus simulate` does.
func runSimulation(_ name: String, _ settings: [(key: String, value: String)] = [], seed: UInt64 = 1) throws -> Table {
    let simulation = try #require(Registry.standard[name], "no simulation \(name)")
    return simulation.run(try simulation.resolve(settings).get(), seed: seed)
}

extension Table {
    /// The numbers of column `key`, every cell required to be a number.
    func numbers(_ key: String) throws -> [Double] {
        let values = column(key)
        #expect(values.count == rows.count, "no column \(key) in \(simulation)")
        return try values.map { try #require($0, "a text cell in column \(key)") }
    }

    /// The text of column `key` in `language`, every cell required to be a text.
    func texts(_ key: String, language: String = "en") -> [String] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { row in
            if case .text(let t) = row[index] { return t.text(language) }
            return ""
        }
    }
}

extension NumberFormat.Separators {
    /// The marks the theme gives pt and de: a decimal comma, thousands grouped by points.
    static let comma = NumberFormat.Separators(decimal: ",", thousands: ".")
    /// The marks the theme gives en.
    static let point = NumberFormat.Separators(decimal: ".", thousands: ",")
}

/// Reduced parameters that keep each simulation fast in a debug build while showing the same effects.
let smallSettings: [String: [(key: String, value: String)]] = [
    "backprop-example": [],
    "activation-derivatives": [("steps", "8")],
    "matrix-product": [("n", "8"), ("max_k", "20"), ("every", "5"), ("seeds", "3")],
    "depth-gradients": [("depth", "6"), ("width", "16"), ("batch", "32"), ("seeds", "1")],
    "rnn-gradients": [("hidden", "6"), ("max_k", "12"), ("every", "4"), ("seeds", "1")],
    "clipping": [("steps", "10"), ("batch", "16")],
    "lstm-vs-rnn": [("hidden", "4"), ("max_k", "10"), ("every", "5"), ("seeds", "1")],
    "batchnorm": [("depth", "4"), ("width", "8"), ("batch", "16"), ("seeds", "1")],
    "weight-decay": [("steps", "20"), ("every", "10")],
    "dying-relu": [("points", "3"), ("seeds", "1"), ("then_steps", "10")],
    "strategies": [("depth", "3"), ("width", "8"), ("steps", "5"), ("batch", "16")],
    "residual-gradients": [("depth", "6"), ("width", "8"), ("batch", "16"), ("seeds", "1")],
    "norm-batch-noise": [("max_batch", "8"), ("features", "8"), ("draws", "10")],
    "norm-batch-training": [("max_batch", "4"), ("steps", "5"), ("seeds", "1")],
    "ln-placement": [("depth", "3"), ("width", "8"), ("ffn", "16"), ("tokens", "8"), ("seeds", "1")],
    "optimizer-valley": [("steps", "40")],
    "adam-warmup": [("width", "8"), ("steps", "12"), ("every", "4")],
    "decoupled-decay": [("weights", "10"), ("steps", "50"), ("every", "10")],
    "fp16-bf16-rounding": [],
    "loss-scale-sweep": [("depth", "4"), ("width", "8"), ("batch", "16"), ("max_exponent", "8")],
    "dynamic-loss-scaling": [("depth", "3"), ("steps", "12"), ("every", "4"), ("interval", "3")],
]
