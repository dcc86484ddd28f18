import GradusEngine

/// Training a deep sigmoid network by SGD with mini-batches in four precisions: fp32 throughout; fp16 working
/// copies with fp32 master weights and no loss scaling; the same with dynamic loss scaling; and dynamic loss
/// scaling with the weights kept in fp16 alone. The scale, the steps skipped so far and the losses, and how far
/// the first layer's weights have moved from their start, ‖W₁(t) − W₁(0)‖.
///
/// The first layer's gradients are the smallest (each sigmoid layer shrinks the gradient on its way back), so
/// they are the first to underflow in fp16: without scaling that layer barely moves. The scaler (PyTorch's rules:
/// halve and skip on ∞/NaN, double after `interval` finite steps) keeps the gradients in range. Updates of size
/// η·g far below the spacing of fp16 numbers near a weight (2⁻¹¹ of it) are rounded away when the weights live in
/// fp16 alone: the reason for fp32 master weights (Micikevicius et al., 2018).
enum DynamicLossScaling {
    static let simulation = Simulation(
        name: "dynamic-loss-scaling",
        title: Localized(pt: "Escala dinâmica da perda durante o treinamento em fp16",
                         de: "Dynamische Verlustskalierung beim Training in fp16",
                         en: "Dynamic loss scaling while training in fp16"),
        summary: "loss scale, skipped steps, losses and first-layer weight change of a deep sigmoid network trained in fp32, fp16 without and with dynamic loss scaling, and fp16 without master weights",
        parameters: [
            ParameterSpec("init_scale", .real(1...1e12), default: .real(65536), help: "the scaler's first S"),
            ParameterSpec("interval", .integer(1...1000), default: .integer(25), help: "finite steps in a row before S doubles"),
            ParameterSpec("lr", .real(0.001...10), default: .real(0.5), help: "learning rate of SGD"),
            ParameterSpec("depth", .integer(2...10), default: .integer(8), help: "layers"),
            ParameterSpec("steps", .integer(1...1000), default: .integer(400), help: "training steps"),
            ParameterSpec("every", .integer(1...1000), default: .integer(25), help: "show every this many steps (and step 0)"),
        ],
        usesSeed: true,
        columns: [
            .init("step", Labels.step),
            .init("scale", Localized(pt: "escala S", de: "Skalierung S", en: "scale S")),
            .init("skipped", Localized(pt: "passos pulados", de: "übersprungene Schritte", en: "steps skipped")),
            .init("loss_fp32", Labels.qualified(Labels.loss, "fp32")),
            .init("loss_fp16", Labels.qualified(Labels.loss, scaled)),
            .init("change_fp32", Labels.qualified(change, "fp32")),
            .init("change_unscaled", Labels.qualified(change, Localized(pt: "fp16 sem escala", de: "fp16 ohne Skalierung",
                                                                      en: "fp16, no scaling"))),
            .init("change_scaled", Labels.qualified(change, scaled)),
            .init("change_fp16_weights", Labels.qualified(change, Localized(pt: "pesos só em fp16",
                                                                          de: "Gewichte nur in fp16",
                                                                          en: "weights in fp16 only"))),
        ],
        compute: { parameters, seed in
            let settings = Settings(initialScale: parameters.real("init_scale"), interval: parameters.integer("interval"),
                                    learningRate: parameters.real("lr"), depth: parameters.integer("depth"),
                                    steps: parameters.integer("steps"))
            let every = parameters.integer("every")
            let full = train(.fp32, settings, seed: seed)
            let unscaled = train(.unscaled, settings, seed: seed)
            let mixed = train(.scaled, settings, seed: seed)
            let halfWeights = train(.halfWeights, settings, seed: seed)
            return (0...settings.steps).filter { $0 % every == 0 || $0 == settings.steps }.map { step in
                let values: [Double] = [Double(step), mixed[step].scale, Double(mixed[step].skipped), full[step].loss,
                                        mixed[step].loss, full[step].change, unscaled[step].change,
                                        mixed[step].change, halfWeights[step].change]
                return values.map(Table.Cell.number)
            }
        })

    static let scaled = Localized(pt: "fp16 com escala dinâmica", de: "fp16 mit dynamischer Skalierung",
                                  en: "fp16, dynamic scaling")
    static let change = Localized(pt: "deslocamento da camada 1", de: "Verschiebung von Schicht 1",
                                  en: "layer-1 change")

    struct Settings {
        var initialScale: Double, interval: Int, learningRate: Double, depth: Int, steps: Int
    }

    enum Mode { case fp32, unscaled, scaled, halfWeights }

    /// What the table shows of one step, measured before its update.
    struct Sample { var scale: Double; var skipped: Int; var loss: Double; var change: Double }

    static let width = 32, batch = 64, examples = 512

    /// Steps 0…`steps`. The data: inputs N(0, 1), targets a random sigmoid network of the same shape plus
    /// N(0, 0.1²) noise; every mode draws the same weights and the same mini-batches.
    static func train(_ mode: Mode, _ settings: Settings, seed: UInt64) -> [Sample] {
        var generator = Generator(seed: seed)
        let teacher = LowPrecisionMLP(depth: settings.depth, width: width, generator: &generator)
        let inputs = Tensor.normal(.matrix(examples, width), generator: &generator)
        var h = Variable.constant(inputs)
        for (index, w) in teacher.weights.enumerated() {
            h = h.matmul(Variable.constant(w.value))
            if index < teacher.weights.count - 1 { h = h.sigmoid() }
        }
        let targets = h.value + Tensor.normal(.matrix(examples, width), std: 0.1, generator: &generator)
        let masterFormat: FloatFormat = mode == .halfWeights ? .fp16 : .fp32
        let student = LowPrecisionMLP(depth: settings.depth, width: width, generator: &generator)
        for w in student.weights { w.value = w.value.rounded(to: masterFormat) }
        let start = student.weights[0].value
        var scaler = DynamicLossScaler(scale: mode == .scaled || mode == .halfWeights ? settings.initialScale : 1,
                                       growthInterval: settings.interval)
        var optimizer = SGD(parameters: student.weights, learningRate: settings.learningRate)
        var samples: [Sample] = []
        for step in 0...settings.steps {
            let rows = (0..<batch).map { _ in generator.nextInt(below: examples) }
            let x = pick(rows, from: inputs), y = pick(rows, from: targets)
            let loss = student.backward(input: x, target: y, format: mode == .fp32 ? .fp32 : .fp16, scale: scaler.scale)
            samples.append(Sample(scale: scaler.scale, skipped: scaler.skippedSteps, loss: loss,
                                  change: Statistics.norm(student.weights[0].value - start)))
            if step == settings.steps { break }
            let finite = scaler.unscale(student.weights)
            // Without a scaler nothing checks the gradients; fp16 without scaling never overflows here anyway.
            if mode == .fp32 || mode == .unscaled || scaler.update(gradientsFinite: finite) {
                for w in student.weights { w.grad = w.grad!.rounded(to: .fp32) }
                optimizer.step()
                for w in student.weights { w.value = w.value.rounded(to: masterFormat) }
            }
        }
        return samples
    }

    /// The rows `rows` of matrix `t`, in that order.
    static func pick(_ rows: [Int], from t: Tensor) -> Tensor {
        let cols = t.shape.cols
        return Tensor(shape: .matrix(rows.count, cols),
                      scalars: rows.flatMap { t.scalars[($0 * cols)..<(($0 + 1) * cols)] })
    }
}
