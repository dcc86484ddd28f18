import Foundation
import GradusEngine

/// The share of hidden units that never activate — whose pre-activation is ≤ 0 on every example of the data set —
/// after one gradient-descent step with a learning rate from a log-spaced range, for ReLU, Leaky ReLU (slope
/// 0.01) and PReLU (slope learnt, starting at 0.25), the median over seeds.
///
/// A large step can push a ReLU unit's weights and bias to where it is negative on all inputs; its gradient is
/// then exactly 0 and no later step can revive it ("dying ReLU"; Lu et al., "Dying ReLU and initialization",
/// 2019). Leaky ReLU and PReLU (He et al., 2015) keep a gradient of slope·x below 0, so such a unit still
/// learns. All runs start from the same weights: an 8–32–32–1 MLP with He initialisation fitting y = sin(x·u) on
/// 128 examples, mean squared error.
enum DyingReLU {
    static let simulation = Simulation(
        name: "dying-relu",
        title: Localized(pt: "ReLU morta: unidades que nunca ativam após um passo grande demais",
                         de: "Sterbende ReLU: Einheiten, die nach einem zu großen Schritt nie mehr aktiv sind",
                         en: "Dying ReLU: units that never activate after a step too large"),
        summary: "share of hidden units that never activate on the data set after one large step: ReLU vs Leaky ReLU vs PReLU",
        parameters: [
            ParameterSpec("from_lr", .real(1e-6...1e6), default: .real(0.01), help: "smallest learning rate of the large step"),
            ParameterSpec("to_lr", .real(1e-6...1e6), default: .real(100), help: "largest learning rate of the large step"),
            ParameterSpec("points", .integer(1...50), default: .integer(9), help: "learning rates, spaced evenly on a log scale"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(5), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("lr", Localized(pt: "taxa de aprendizado do passo grande", de: "Lernrate des großen Schritts",
                                  en: "learning rate of the large step")),
        ] + variants.map { Table.Column("dead_\($0.0)", $0.1) },
        compute: { parameters, seed in
            let from = parameters.real("from_lr"), to = parameters.real("to_lr"), points = parameters.integer("points")
            let rates = (0..<points).map { i in
                points == 1 ? from : from * Foundation.pow(to / from, Double(i) / Double(points - 1))
            }
            let seeds = Statistics.seeds(seed, count: parameters.integer("seeds"))
            let cases = rates.flatMap { lr in activations.flatMap { activation in seeds.map { (lr, activation, $0) } } }
            let shares = Statistics.parallelMap(cases) { lr, activation, runSeed in
                deadShare(activation: activation, lr: lr, seed: runSeed)
            }
            return rates.indices.map { r in
                [.number(rates[r])] + activations.indices.map { a in
                    let first = (r * activations.count + a) * seeds.count
                    return .number(Statistics.median(Array(shares[first ..< first + seeds.count])))
                }
            }
        })

    static let activations: [Activation] = [.relu, .leakyRelu(slope: 0.01), .prelu(initialSlope: 0.25)]
    static let variants: [(String, Localized)] = [
        ("relu", Localized(pt: "fração inativa, ReLU", de: "Anteil inaktiv, ReLU", en: "inactive share, ReLU")),
        ("leaky_relu", Localized(pt: "fração inativa, Leaky ReLU", de: "Anteil inaktiv, Leaky ReLU",
                                 en: "inactive share, Leaky ReLU")),
        ("prelu", Localized(pt: "fração inativa, PReLU", de: "Anteil inaktiv, PReLU", en: "inactive share, PReLU")),
    ]

    /// The share of hidden units that never activate after one step at `lr`, for one activation and seed.
    static func deadShare(activation: Activation, lr: Double, seed: UInt64) -> Double {
        let (net, input, target) = setUp(activation: activation, seed: seed)
        var sgd = SGD(parameters: net.parameters, learningRate: lr)
        net(input).meanSquaredError(target).backward()
        sgd.step()
        return deadShare(net, input)
    }

    /// The network before the step, and the data: drawn in that order from `seed`.
    static func setUp(activation: Activation, seed: UInt64) -> (net: MLP, x: Variable, y: Variable) {
        var generator = Generator(seed: seed)
        let net = MLP(sizes: [8, 32, 32, 1], activation: activation, initializer: .heNormal(), generator: &generator)
        let (input, target) = data(generator: &generator)
        return (net, input, target)
    }

    /// 128 examples x ~ N(0, 1) of 8 features, and y = sin(x·u) with u ~ N(0, 1/8).
    static func data(generator: inout Generator) -> (x: Variable, y: Variable) {
        let x = Tensor.normal(.matrix(128, 8), generator: &generator)
        let u = Tensor.normal(.matrix(8, 1), std: 1 / 8.0.squareRoot(), generator: &generator)
        return (Variable.constant(x), Variable.constant(x.matmul(u).map { Foundation.sin($0) }))
    }

    /// The share of hidden units (all hidden layers together) whose pre-activation is ≤ 0, or NaN, for every
    /// row of `input`.
    static func deadShare(_ net: MLP, _ input: Variable) -> Double {
        let trace = net.trace(input)
        var dead = 0, units = 0
        for z in trace.preActivations.dropLast() {
            let rows = z.shape.rows, cols = z.shape.cols
            for c in 0..<cols {
                units += 1
                if (0..<rows).allSatisfy({ r in !(z.value[r, c] > 0) }) { dead += 1 }
            }
        }
        return Double(dead) / Double(units)
    }
}
