import Foundation

/// Sigmoid, tanh, ReLU and leaky ReLU with their derivatives over a grid of inputs, in closed form.
/// Shows the bound σ′(x) = σ(x)(1 − σ(x)) ≤ 1/4, reached at x = 0, and tanh′(x) = 1 − tanh²(x) ≤ 1.
enum ActivationDerivatives {
    static let simulation = Simulation(
        name: "activation-derivatives",
        title: Localized(pt: "Funções de ativação e suas derivadas",
                         de: "Aktivierungsfunktionen und ihre Ableitungen",
                         en: "Activation functions and their derivatives"),
        summary: "sigmoid, tanh, ReLU and leaky ReLU and their derivatives on a grid of inputs",
        parameters: [
            ParameterSpec("from", .real(-50...50), default: .real(-6), help: "first input x"),
            ParameterSpec("to", .real(-50...50), default: .real(6), help: "last input x"),
            ParameterSpec("steps", .integer(1...1000), default: .integer(12), help: "number of intervals between from and to"),
            ParameterSpec("slope", .real(0...1), default: .real(0.01), help: "negative slope of leaky ReLU"),
        ],
        usesSeed: false,
        columns: [
            .init("x", "x"),
            .init("sigmoid", "σ(x)"), .init("sigmoid_prime", "σ′(x)"),
            .init("tanh", "tanh(x)"), .init("tanh_prime", "tanh′(x)"),
            .init("relu", "ReLU(x)"), .init("relu_prime", "ReLU′(x)"),
            .init("leaky_relu", "LReLU(x)"), .init("leaky_relu_prime", "LReLU′(x)"),
        ],
        compute: { parameters, _ in
            let from = parameters.real("from"), to = parameters.real("to")
            let steps = parameters.integer("steps"), slope = parameters.real("slope")
            return (0...steps).map { i in
                let x = from + (to - from) * Double(i) / Double(steps)
                let s = 1 / (1 + exp(-x))
                let t = tanh(x)
                // ReLU′(0) is taken as 0, as PyTorch does.
                return [x, s, s * (1 - s), t, 1 - t * t, max(0, x), x > 0 ? 1 : 0,
                        x > 0 ? x : slope * x, x > 0 ? 1 : slope].map(Table.Cell.number)
            }
        })
}
