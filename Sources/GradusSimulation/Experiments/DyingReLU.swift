import Foundation
import GradusEngine

/// The share of hidden units that never activate — whose pre-activation is ≤ 0 on every example of the data set —
/// after one gradient-descent step with a learning rate from a log-spaced range, for ReLU, Leaky ReLU (slope
/// `slope`) and PReLU (slope learnt, starting at 0.25), the median over seeds; then, after `then_steps` ordinary
/// steps at `then_lr` on the same data, the share of units that were inactive after the large step and are
/// active again.
///
/// A large step can push a ReLU unit's weights and bias to where it is negative on all inputs; its gradient is
/// then exactly 0 ("dying ReLU"; Lu et al., "Dying ReLU and initialization", 2019). In the first hidden layer,
/// whose inputs are the fixed data, no later step can revive such a unit; in the second, a unit can come back when
/// the layer below changes what it feeds it. Leaky ReLU and PReLU (He et al., 2015) keep a gradient of slope·x
/// below 0, so an inactive unit still learns. All runs start from the same weights: an 8–32–32–1 MLP with He
/// initialisation fitting y = sin(x·u) on 128 examples, mean squared error.
///
/// Every run is a full training, so the ranges stop where more only costs time: 5000 later steps instead of 1000
/// revive at most a unit or two of the 64 more, and the medians of 50 seeds differ from those of 20 by a unit or
/// two.
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
            ParameterSpec("seeds", .integer(1...20), default: .integer(5),
                          help: "runs whose median is shown (up to 20: 50 move the medians by a unit or two of 64)"),
            ParameterSpec("slope", .real(0...1), default: .real(0.01), help: "negative slope of Leaky ReLU"),
            ParameterSpec("then_steps", .integer(0...1000), default: .integer(300),
                          help: "ordinary steps after the large one, before counting the units that came back (up to 1000: 5000 revive a unit or two of 64 more)"),
            ParameterSpec("then_lr", .real(0...10), default: .real(0.01), help: "learning rate of those later steps"),
        ],
        usesSeed: true,
        columns: [
            .init("lr", Localized(pt: "taxa de aprendizado do passo grande", de: "Lernrate des großen Schritts",
                                  en: "learning rate of the large step")),
        ] + variants.map { Table.Column("dead_\($0.0)", $0.1) } + revived.map { Table.Column("revived_\($0.0)", $0.1) }
            + frozen.map { Table.Column("frozen_\($0.0)", $0.1) },
        compute: { parameters, seed in
            let from = parameters.real("from_lr"), to = parameters.real("to_lr"), points = parameters.integer("points")
            let rates = (0..<points).map { i in
                points == 1 ? from : from * Foundation.pow(to / from, Double(i) / Double(points - 1))
            }
            let seeds = Statistics.seeds(seed, count: parameters.integer("seeds"))
            let activations = activations(slope: parameters.real("slope"))
            let thenSteps = parameters.integer("then_steps"), thenLR = parameters.real("then_lr")
            // Every run (rate, activation, seed) is independent: all of them shared between the cores at once.
            // The largest rates first: they leave inactive units, and only those runs take the later steps.
            let jobs = rates.indices.flatMap { r in activations.indices.flatMap { a in seeds.map { (r, a, $0) } } }
            var rank = [Int](repeating: 0, count: rates.count)
            for (position, r) in rates.indices.sorted(by: { rates[$0] < rates[$1] }).enumerated() { rank[r] = position }
            let all = Statistics.parallelMap(jobs, cost: { r, _, _ in rank[r] }) { r, a, runSeed in
                shares(activation: activations[a], lr: rates[r], thenSteps: thenSteps, thenLR: thenLR, seed: runSeed)
            }
            return rates.indices.map { r in
                let lr = rates[r]
                let runs = activations.indices.map { a in
                    let first = (r * activations.count + a) * seeds.count
                    return Array(all[first ..< first + seeds.count])
                }
                return [.number(lr)] + runs.map { .number(Statistics.median($0.map(\.inactive))) }
                    + runs.map { .number(Statistics.median($0.map(\.revived))) }
                    + runs.map { .number(Statistics.median($0.map(\.frozen))) }
            }
        })

    static func activations(slope: Double) -> [Activation] { [.relu, .leakyRelu(slope: slope), .prelu(initialSlope: 0.25)] }
    static let variants: [(String, Localized)] = [
        ("relu", Localized(pt: "fração inativa, ReLU", de: "Anteil inaktiv, ReLU", en: "inactive share, ReLU")),
        ("leaky_relu", Localized(pt: "fração inativa, Leaky ReLU", de: "Anteil inaktiv, Leaky ReLU",
                                 en: "inactive share, Leaky ReLU")),
        ("prelu", Localized(pt: "fração inativa, PReLU", de: "Anteil inaktiv, PReLU", en: "inactive share, PReLU")),
    ]

    static let revived: [(String, Localized)] = [
        ("relu", Localized(pt: "reativadas depois, ReLU", de: "danach wieder aktiv, ReLU", en: "active again later, ReLU")),
        ("leaky_relu", Localized(pt: "reativadas depois, Leaky ReLU", de: "danach wieder aktiv, Leaky ReLU",
                                 en: "active again later, Leaky ReLU")),
        ("prelu", Localized(pt: "reativadas depois, PReLU", de: "danach wieder aktiv, PReLU", en: "active again later, PReLU")),
    ]

    static let frozen: [(String, Localized)] = [
        ("relu", Localized(pt: "congeladas, ReLU", de: "eingefroren, ReLU", en: "frozen, ReLU")),
        ("leaky_relu", Localized(pt: "congeladas, Leaky ReLU", de: "eingefroren, Leaky ReLU", en: "frozen, Leaky ReLU")),
        ("prelu", Localized(pt: "congeladas, PReLU", de: "eingefroren, PReLU", en: "frozen, PReLU")),
    ]

    /// The share of hidden units that never activate after one step at `lr`, for one activation and seed.
    static func deadShare(activation: Activation, lr: Double, seed: UInt64) -> Double {
        shares(activation: activation, lr: lr, thenSteps: 0, thenLR: 0, seed: seed).inactive
    }

    /// Right after one step at `lr`: the share of hidden units that are inactive on every example. After
    /// `thenSteps` further steps of gradient descent at `thenLR` (the gradient clipped to norm 1, so that a network
    /// thrown far by the large step does not overflow): the share of all hidden units that were inactive after the
    /// large step and are active on some example again, and the share that were inactive and whose incoming
    /// weights and bias have not changed at all.
    static func shares(activation: Activation, lr: Double, thenSteps: Int, thenLR: Double, seed: UInt64)
        -> (inactive: Double, revived: Double, frozen: Double) {
        let (net, input, target) = setUp(activation: activation, seed: seed)
        var sgd = SGD(parameters: net.parameters, learningRate: lr)
        net(input).meanSquaredError(target).backward()
        sgd.step()
        let inactive = inactiveUnits(net, input), before = incomingWeights(net)
        if thenSteps > 0 && inactive.contains(true) {
            var later = SGD(parameters: net.parameters, learningRate: thenLR)
            for _ in 0..<thenSteps {
                later.zeroGrad()
                net(input).meanSquaredError(target).backward()
                Clipping.clipGradientNorm(net.parameters, maxNorm: 1)
                later.step()
            }
        }
        let now = inactiveUnits(net, input), after = incomingWeights(net)
        let count = Double(inactive.count)
        func share(_ test: (Int) -> Bool) -> Double { Double(inactive.indices.filter(test).count) / count }
        return (share { inactive[$0] }, share { inactive[$0] && !now[$0] }, share { inactive[$0] && before[$0] == after[$0] })
    }

    /// For every hidden unit (first hidden layer first): its incoming weights followed by its bias.
    static func incomingWeights(_ net: MLP) -> [[Double]] {
        net.layers.dropLast().flatMap { layer in
            let w = layer.weight.value
            return (0..<w.shape.cols).map { j in (0..<w.shape.rows).map { w[$0, j] } + [layer.bias!.value.scalars[j]] }
        }
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
        let inactive = inactiveUnits(net, input)
        return Double(inactive.filter { $0 }.count) / Double(inactive.count)
    }

    /// For every hidden unit (first hidden layer first): whether its pre-activation is ≤ 0, or NaN, for every row
    /// of `input`.
    static func inactiveUnits(_ net: MLP, _ input: Variable) -> [Bool] {
        net.trace(input).preActivations.dropLast().flatMap { z in
            (0..<z.shape.cols).map { c in (0..<z.shape.rows).allSatisfy { r in !(z.value[r, c] > 0) } }
        }
    }
}
