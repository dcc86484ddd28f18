import Foundation
import GradusEngine

/// Adam with and without a linear learning-rate warm-up on a small ReLU network: the loss after each update and
/// the size of the update, ‖Δθ‖ over all parameters.
///
/// Adam's bias correction makes its first step η·g/(|g| + ε) ≈ ±η for every parameter at once, whatever the size
/// of its gradient (Kingma & Ba, 2015): the update has norm ≈ η·√P for P parameters, all moving by the same amount
/// in the direction of their gradient's sign. Early second-moment estimates rest on a few gradients only, so the
/// adaptive step is largest and least reliable when the network knows least. A warm-up multiplies η by t/W for
/// the first W updates. Both runs start from the same He-initialised weights (a `depth` × `width` ReLU MLP with 8
/// inputs and one output) and fit y = sin(3·x·u) + N(0, 0.1²) on 64 examples by the mean squared error.
enum AdamWarmup {
    static let simulation = Simulation(
        name: "adam-warmup",
        title: Localized(pt: "Adam sem e com aquecimento da taxa de aprendizado",
                         de: "Adam ohne und mit Warm-up der Lernrate",
                         en: "Adam without and with learning-rate warm-up"),
        summary: "loss and update size of Adam on a small ReLU network, constant learning rate against a linear warm-up",
        parameters: [
            ParameterSpec("lr", .real(0.0001...0.1), default: .real(0.03), help: "Adam's learning rate η (after the warm-up)"),
            ParameterSpec("warmup", .integer(0...1000), default: .integer(50), help: "warm-up length W in updates"),
            ParameterSpec("depth", .integer(1...6), default: .integer(4), help: "hidden layers"),
            ParameterSpec("width", .integer(4...64), default: .integer(64), help: "units per hidden layer"),
            ParameterSpec("steps", .integer(5...1000), default: .integer(200), help: "updates"),
            ParameterSpec("every", .integer(1...1000), default: .integer(25), help: "after steps 0 to 5, show every this many steps"),
        ],
        usesSeed: true,
        columns: [
            .init("step", Labels.step),
            .init("lr_warmup", Labels.qualified(Labels.learningRate, withWarmup)),
            .init("loss_constant", Labels.qualified(Labels.loss, withoutWarmup)),
            .init("loss_warmup", Labels.qualified(Labels.loss, withWarmup)),
            .init("update_constant", Labels.qualified(updateSize, withoutWarmup)),
            .init("update_warmup", Labels.qualified(updateSize, withWarmup)),
        ],
        compute: { parameters, seed in
            let lr = parameters.real("lr"), steps = parameters.integer("steps"), every = parameters.integer("every")
            let depth = parameters.integer("depth"), width = parameters.integer("width")
            let warmup = LinearWarmup(steps: parameters.integer("warmup"))
            let constant = train(lr: lr, warmup: LinearWarmup(steps: 0), depth: depth, width: width, steps: steps, seed: seed)
            let warmed = train(lr: lr, warmup: warmup, depth: depth, width: width, steps: steps, seed: seed)
            return shownSteps(steps: steps, every: every).map { step in
                [.number(Double(step)), .number(step == 0 ? 0 : warmup.learningRate(lr, atStep: step)),
                 .number(constant.losses[step]), .number(warmed.losses[step]),
                 .number(constant.updates[step]), .number(warmed.updates[step])]
            }
        })

    static let withoutWarmup = Localized(pt: "sem aquecimento", de: "ohne Warm-up", en: "without warm-up")
    static let withWarmup = Localized(pt: "com aquecimento", de: "mit Warm-up", en: "with warm-up")
    static let updateSize = Localized(pt: "tamanho do passo ‖Δθ‖", de: "Schrittgröße ‖Δθ‖", en: "update size ‖Δθ‖")

    /// Steps 0 to 5, then every `every` steps, and the last.
    static func shownSteps(steps: Int, every: Int) -> [Int] {
        (0...steps).filter { $0 <= 5 || $0 % every == 0 || $0 == steps }
    }

    /// The loss after each of 0…`steps` updates, and the norm of each update (0 for index 0).
    static func train(lr: Double, warmup: LinearWarmup, depth: Int, width: Int, steps: Int, seed: UInt64)
        -> (losses: [Double], updates: [Double]) {
        var generator = Generator(seed: seed)
        let net = MLP(sizes: [8] + Array(repeating: width, count: depth) + [1], activation: .relu,
                      initializer: .heNormal(), generator: &generator)
        let x = Tensor.normal(.matrix(64, 8), generator: &generator)
        let u = Tensor.normal(.matrix(8, 1), std: 1 / 8.0.squareRoot(), generator: &generator)
        let noise = Tensor.normal(.matrix(64, 1), std: 0.1, generator: &generator)
        let input = Variable.constant(x)
        let target = Variable.constant(x.matmul(u).map { Foundation.sin(3 * $0) } + noise)
        var optimizer = Adam(parameters: net.parameters, learningRate: lr)
        var losses: [Double] = [], updates: [Double] = [0]
        for step in 0...steps {
            optimizer.zeroGrad()
            let loss = net(input).meanSquaredError(target)
            losses.append(loss.value.item)
            if step == steps { break }
            loss.backward()
            let before = net.parameters.map(\.value)
            optimizer.learningRate = warmup.learningRate(lr, atStep: step + 1)
            optimizer.step()
            var squares = 0.0
            for (p, old) in zip(net.parameters, before) {
                let change = Statistics.norm(p.value - old)
                squares += change * change
            }
            updates.append(squares.squareRoot())
        }
        return (losses, updates)
    }
}
