import Foundation
import GradusEngine

/// Training a small tanh network by plain gradient descent with a learning rate far above the stable range,
/// once as it is and once with the gradient clipped to a global norm (PyTorch's `clip_grad_norm_`): the loss and
/// the gradient norm (before clipping) at every step, and the step where a NaN or an overflow first appears.
///
/// Gradient descent on a loss of curvature λ diverges once the learning rate exceeds 2/λ; the error then grows
/// geometrically until it overflows. Clipping bounds every update by learning rate × max norm, so the weights
/// can only drift, never blow up (Pascanu, Mikolov & Bengio, 2013, §3.2). Both runs start from the same weights
/// and see the same data: a 8–32–32–1 MLP fitting y = sin(x·u) on a fixed batch, mean squared error. At the
/// defaults (learning rate 1, 150 steps) the unclipped run overflows and then turns to NaN, while the clipped run
/// stays finite and ends below its starting loss.
enum GradientClipping {
    static let simulation = Simulation(
        name: "clipping",
        title: Localized(pt: "Taxa de aprendizado grande demais, sem e com recorte do gradiente",
                         de: "Zu große Lernrate, ohne und mit Gradient Clipping",
                         en: "A learning rate too large, without and with gradient clipping"),
        summary: "loss and gradient norm per step of a diverging training run, without and with clipping by norm, and where NaN or overflow first appears",
        parameters: [
            ParameterSpec("lr", .real(0...100), default: .real(1), help: "learning rate of gradient descent"),
            ParameterSpec("max_norm", .real(0.001...1000), default: .real(1), help: "largest global gradient norm when clipping"),
            ParameterSpec("steps", .integer(1...1000), default: .integer(150), help: "training steps"),
            ParameterSpec("batch", .integer(1...1024), default: .integer(64), help: "examples in the fixed batch"),
        ],
        usesSeed: true,
        columns: [
            .init("step", Labels.step),
            .init("loss_plain", Labels.qualified(Labels.loss, plainRun)),
            .init("grad_norm_plain", Labels.qualified(Labels.gradientNorm, plainRun)),
            .init("loss_clipped", Labels.qualified(Labels.loss, Labels.clipped)),
            .init("grad_norm_clipped", Labels.qualified(Labels.gradientNorm, Labels.clipped)),
            .init("event", Localized(pt: "evento", de: "Ereignis", en: "event")),
        ],
        compute: { parameters, seed in
            let steps = parameters.integer("steps"), lr = parameters.real("lr"), batch = parameters.integer("batch")
            let runs = Statistics.parallelMap([nil, parameters.real("max_norm")]) { clipNorm in
                train(lr: lr, clipNorm: clipNorm, steps: steps, batch: batch, seed: seed)
            }
            let plain = runs[0], clipped = runs[1]
            let plainEvents = events(plain), clippedEvents = events(clipped)
            return (0..<steps).map { step in
                let notes = plainEvents.filter { $0.step == step }.map { describe($0, run: plainRun) }
                    + clippedEvents.filter { $0.step == step }.map { describe($0, run: Labels.clipped) }
                let note = notes.isEmpty ? Localized(stringLiteral: "")
                    : Localized(pt: notes.map(\.pt).joined(separator: "; "), de: notes.map(\.de).joined(separator: "; "),
                                en: notes.map(\.en).joined(separator: "; "))
                return [.number(Double(step + 1)), .number(plain.losses[step]), .number(plain.gradientNorms[step]),
                        .number(clipped.losses[step]), .number(clipped.gradientNorms[step]), .text(note)]
            }
        })

    static let plainRun = Localized(pt: "sem recorte", de: "ohne Clipping", en: "unclipped")

    /// One training run from weights and data drawn with `seed` (the same for both runs).
    static func train(lr: Double, clipNorm: Double?, steps: Int, batch: Int, seed: UInt64) -> TrainingRun {
        var generator = Generator(seed: seed)
        let net = MLP(sizes: [8, 32, 32, 1], activation: .tanh, generator: &generator)
        let (x, y) = sineData(inputs: 8, batch: batch, generator: &generator)
        var optimizer = SGD(parameters: net.parameters, learningRate: lr)
        return TrainingRun(steps: steps, optimizer: &optimizer, clipNorm: clipNorm) { _ in
            net(x).meanSquaredError(y)
        }
    }

    /// x ~ N(0, 1) (batch × inputs) and y = sin(x·u) with u ~ N(0, 1/inputs), as constants.
    static func sineData(inputs: Int, batch: Int, generator: inout Generator) -> (x: Variable, y: Variable) {
        let x = Tensor.normal(.matrix(batch, inputs), generator: &generator)
        let u = Tensor.normal(.matrix(inputs, 1), std: 1 / Double(inputs).squareRoot(), generator: &generator)
        return (Variable.constant(x), Variable.constant(x.matmul(u).map { Foundation.sin($0) }))
    }

    /// The first step (0-based) whose loss or gradient norm is not finite, and, when that was an overflow, the
    /// first step with a NaN as well.
    static func events(_ run: TrainingRun) -> [(step: Int, isNaN: Bool, inLoss: Bool)] {
        var found: [(step: Int, isNaN: Bool, inLoss: Bool)] = []
        for step in run.losses.indices {
            for (value, inLoss) in [(run.losses[step], true), (run.gradientNorms[step], false)] where !value.isFinite {
                if found.isEmpty || (value.isNaN && !found[0].isNaN && found.count == 1) {
                    found.append((step, value.isNaN, inLoss))
                }
            }
            if found.count == 2 || found.first?.isNaN == true { break }
        }
        return found
    }

    static func describe(_ event: (step: Int, isNaN: Bool, inLoss: Bool), run: Localized) -> Localized {
        let what: Localized = event.isNaN ? "NaN" : Localized(pt: "estouro (∞)", de: "Überlauf (∞)", en: "overflow (∞)")
        let place = event.inLoss ? Localized(pt: "na perda", de: "im Verlust", en: "in the loss")
            : Localized(pt: "no gradiente", de: "im Gradienten", en: "in the gradient")
        return Localized(pt: "\(run.pt): primeiro \(what.pt) \(place.pt)", de: "\(run.de): \(what.de) zuerst \(place.de)",
                         en: "\(run.en): first \(what.en) \(place.en)")
    }
}
