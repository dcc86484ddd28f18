import Foundation
import GradusEngine

/// One unstable setup — a deep sigmoid MLP with small N(0, 0.01²) weights (or another `init`), trained by gradient
/// descent — trained as it is and with each remedy of the course: Xavier initialisation, ReLU with He initialisation, clipping by
/// norm, batch normalisation, weight decay. For each: the final loss, the step where the run diverged (the loss
/// or a gradient first stopped being finite, or the loss rose above `divergenceFactor` times its first value), and
/// the smallest and largest weight-gradient norm over the layers at the first step, before any update (their
/// ratio is how far the gradient vanishes or explodes across the depth; clipping and weight decay act on updates
/// only, so their rows equal the plain one in these two columns by construction).
///
/// Every run starts from the same data (y = sin(x·u) on a fixed batch of 8 features, mean squared error) and, for
/// a given initialiser, the same weights. The rows that keep the setup's initialiser (plain, clipping, batch
/// normalisation, weight decay) use `init`; the Xavier row and the ReLU row use their own. LSTMs do not apply to a feed-forward network; see `lstm-vs-rnn`.
///
/// Six full trainings cost depth × width² each, so the ranges stop at 30 layers of 128 units: deeper, the plain
/// run's smallest gradient only shrinks further past 1e-55 (1e-91 at 50 layers) and the remedies' rows read alike;
/// wider, the runs start to diverge at the default learning rate, as they do at any width with a larger `lr`.
enum Strategies {
    struct Setup {
        var name: Localized
        var activation: Activation
        /// nil: the `init` parameter.
        var initializer: Initializer?
        var clipNorm: Double?
        var batchNorm: Bool
        var weightDecay: Double
    }

    static let setups: [Setup] = [
        Setup(name: Localized(pt: "sem remédio (sigmoide)", de: "ohne Gegenmaßnahme (Sigmoid)", en: "plain (sigmoid)"),
              activation: .sigmoid, initializer: nil, clipNorm: nil, batchNorm: false, weightDecay: 0),
        Setup(name: Localized(pt: "inicialização de Xavier", de: "Xavier-Initialisierung", en: "Xavier initialisation"),
              activation: .sigmoid, initializer: .xavierNormal(), clipNorm: nil, batchNorm: false, weightDecay: 0),
        Setup(name: Localized(pt: "ReLU com inicialização de He", de: "ReLU mit He-Initialisierung",
                              en: "ReLU with He initialisation"),
              activation: .relu, initializer: .heNormal(), clipNorm: nil, batchNorm: false, weightDecay: 0),
        Setup(name: Localized(pt: "recorte do gradiente pela norma", de: "Gradient Clipping nach Norm",
                              en: "gradient clipping by norm"),
              activation: .sigmoid, initializer: nil, clipNorm: 1, batchNorm: false, weightDecay: 0),
        Setup(name: Localized(pt: "normalização em lote", de: "Batch-Normalisierung", en: "batch normalization"),
              activation: .sigmoid, initializer: nil, clipNorm: nil, batchNorm: true, weightDecay: 0),
        Setup(name: Localized(pt: "decaimento de pesos", de: "Weight Decay", en: "weight decay"),
              activation: .sigmoid, initializer: nil, clipNorm: nil, batchNorm: false, weightDecay: 1e-3),
    ]

    static let simulation = Simulation(
        name: "strategies",
        title: Localized(pt: "Uma rede profunda instável, sem e com cada remédio",
                         de: "Ein instabiles tiefes Netz, ohne und mit jeder Gegenmaßnahme",
                         en: "An unstable deep network, without and with each remedy"),
        summary: "a deep sigmoid MLP with small weights trained plain and with each remedy: final loss, divergence, smallest and largest layer gradient norm before training",
        parameters: [
            NetworkChoice.initializerSpec(default: "small"),
            ParameterSpec("depth", .integer(2...30), default: .integer(10),
                          help: "number of layers (at 30 the plain run's smallest gradient is already about 1e-55)"),
            ParameterSpec("width", .integer(1...128), default: .integer(32), help: "units per hidden layer"),
            ParameterSpec("lr", .real(0...100), default: .real(0.02), help: "learning rate of gradient descent"),
            ParameterSpec("steps", .integer(1...2000), default: .integer(100), help: "training steps"),
            ParameterSpec("batch", .integer(2...1024), default: .integer(64), help: "examples in the fixed batch"),
        ],
        usesSeed: true,
        columns: [
            .init("strategy", Localized(pt: "estratégia", de: "Strategie", en: "strategy")),
            .init("final_loss", Localized(pt: "perda final", de: "Verlust am Ende", en: "final loss")),
            .init("diverged", Localized(pt: "divergiu", de: "divergiert", en: "diverged")),
            .init("min_grad_norm", Localized(pt: "menor norma do gradiente de uma camada, antes do treinamento",
                                             de: "kleinste Gradientennorm einer Schicht, vor dem Training",
                                             en: "smallest layer gradient norm, before training")),
            .init("max_grad_norm", Localized(pt: "maior norma do gradiente de uma camada, antes do treinamento",
                                             de: "größte Gradientennorm einer Schicht, vor dem Training",
                                             en: "largest layer gradient norm, before training")),
        ],
        compute: { parameters, seed in
            let initializer = NetworkChoice.initializer(parameters.choice("init"))
            // Batch normalisation's run costs the most: started first, so that it does not finish alone.
            let results = Statistics.parallelMap(setups, cost: { $0.batchNorm ? 1 : 0 }) { setup in
                train(setup, initializer: setup.initializer ?? initializer, depth: parameters.integer("depth"),
                      width: parameters.integer("width"), lr: parameters.real("lr"), steps: parameters.integer("steps"),
                      batch: parameters.integer("batch"), seed: seed)
            }
            return zip(setups, results).map { setup, result in
                let diverged: Localized = result.divergedAt.map {
                    Localized(pt: "no passo \($0)", de: "bei Schritt \($0)", en: "at step \($0)")
                } ?? Localized(pt: "não", de: "nein", en: "no")
                return [.text(setup.name), .number(result.finalLoss), .text(diverged),
                        .number(result.firstGradients.min()!), .number(result.firstGradients.max()!)]
            }
        })

    /// A loss this many times its value at the first step counts as diverged, even while it is finite.
    static let divergenceFactor = 100.0

    /// The first step (1-based) at which the run diverged: its loss or a gradient was not finite, or its loss
    /// exceeded `divergenceFactor` times the first step's loss.
    static func divergence(_ run: TrainingRun) -> Int? {
        let huge = run.losses.firstIndex { !($0 <= divergenceFactor * run.losses[0]) }
        let steps = [huge, run.firstNonFinite?.step].compactMap { $0 }
        return steps.min().map { $0 + 1 }
    }

    /// One training run: the last loss, the step at which it diverged (1-based), and every layer's
    /// weight-gradient norm at the first step, before any update.
    static func train(_ setup: Setup, initializer: Initializer, depth: Int, width: Int, lr: Double, steps: Int, batch: Int, seed: UInt64)
        -> (finalLoss: Double, divergedAt: Int?, firstGradients: [Double]) {
        var generator = Generator(seed: seed)
        let x = Tensor.normal(.matrix(batch, 8), generator: &generator)
        let u = Tensor.normal(.matrix(8, 1), std: 1 / 8.0.squareRoot(), generator: &generator)
        let input = Variable.constant(x), target = Variable.constant(x.matmul(u).map { Foundation.sin($0) })
        let sizes = [8] + Array(repeating: width, count: depth - 1) + [1]
        let layers = zip(sizes, sizes.dropFirst()).map { fanIn, fanOut in
            Linear(inputs: fanIn, outputs: fanOut, initializer: initializer, generator: &generator)
        }
        let norms = (0..<depth - 1).map { _ in BatchNorm(features: width) }
        var parameters = layers.flatMap(\.parameters)
        if setup.batchNorm { parameters += norms.flatMap(\.parameters) }
        var optimizer = SGD(parameters: parameters, learningRate: lr, weightDecay: setup.weightDecay)
        func loss() -> Variable {
            var h = input
            for (index, layer) in layers.enumerated() {
                h = layer(h)
                if index < depth - 1 { h = setup.activation.apply(setup.batchNorm ? norms[index](h) : h) }
            }
            return h.meanSquaredError(target)
        }
        loss().backward()
        let firstGradients = layers.map { Statistics.norm($0.weight.grad!) }
        optimizer.zeroGrad()
        let run = TrainingRun(steps: steps, optimizer: &optimizer, clipNorm: setup.clipNorm) { _ in loss() }
        return (run.losses.last!, divergence(run), firstGradients)
    }
}
