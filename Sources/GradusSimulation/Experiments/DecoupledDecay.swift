import GradusEngine

/// Weight decay as L2 inside Adam against AdamW's decoupled decay (Loshchilov & Hutter, 2019), on two kinds of
/// weight that start at 1: a quiet one that the loss does not touch (its gradient is the penalty's alone), and busy
/// ones whose loss gradient is pure noise N(0, σ²) with mean 0, as a weight in a busy layer sees; the table shows
/// the quiet weight and the mean of the busy ones.
///
/// With L2 in Adam the quiet weight's gradient is λw, and Adam divides it by its own size: the weight moves by
/// about η a step whatever λ is. A busy weight's penalty λw is divided by √v̂ ≈ σ: it decays at about ηλ/σ a step.
/// AdamW multiplies every weight by 1 − ηλ before the adaptive step, so both decay as (1 − ηλ)ᵗ (the busy ones
/// on average), as plain SGD with L2 would.
enum DecoupledDecay {
    static let simulation = Simulation(
        name: "decoupled-decay",
        title: Localized(pt: "Decaimento de pesos no Adam: L2 no gradiente contra AdamW",
                         de: "Weight Decay in Adam: L2 im Gradienten gegen AdamW",
                         en: "Weight decay in Adam: L2 in the gradient against AdamW"),
        summary: "a weight without loss gradient and weights with noisy gradients under Adam with L2 and under AdamW",
        parameters: [
            ParameterSpec("lr", .real(0.0001...0.1), default: .real(0.01), help: "learning rate η"),
            ParameterSpec("decay", .real(0...10), default: .real(0.1), help: "weight decay λ"),
            ParameterSpec("noise", .real(0.01...100), default: .real(10), help: "σ, the standard deviation of the busy weights' gradient"),
            ParameterSpec("weights", .integer(1...5000), default: .integer(1000), help: "busy weights whose mean is shown"),
            ParameterSpec("steps", .integer(1...2000), default: .integer(1000), help: "steps"),
            ParameterSpec("every", .integer(1...2000), default: .integer(100), help: "show every this many steps (and step 0)"),
        ],
        usesSeed: true,
        columns: [
            .init("step", Labels.step),
            .init("quiet_adam_l2", Labels.qualified(quiet, "Adam + L2")),
            .init("quiet_adamw", Labels.qualified(quiet, "AdamW")),
            .init("busy_adam_l2", Labels.qualified(busy, "Adam + L2")),
            .init("busy_adamw", Labels.qualified(busy, "AdamW")),
        ],
        compute: { parameters, seed in
            let settings = Settings(learningRate: parameters.real("lr"), decay: parameters.real("decay"),
                                    noise: parameters.real("noise"), busyWeights: parameters.integer("weights"),
                                    steps: parameters.integer("steps"))
            let every = parameters.integer("every")
            let coupled = run(decoupled: false, settings, seed: seed)
            let decoupled = run(decoupled: true, settings, seed: seed)
            let shown = (0...settings.steps).filter { $0 % every == 0 || $0 == settings.steps }
            return shown.map { (step: Int) -> [Table.Cell] in
                let values: [Double] = [Double(step), coupled.quiet[step], decoupled.quiet[step],
                                        coupled.busy[step], decoupled.busy[step]]
                return values.map(Table.Cell.number)
            }
        })

    static let quiet = Localized(pt: "peso sem gradiente da perda", de: "Gewicht ohne Verlustgradient",
                                 en: "weight without loss gradient")
    static let busy = Localized(pt: "média dos pesos com gradiente ruidoso", de: "Mittelwert der Gewichte mit verrauschtem Gradienten",
                                en: "mean of the weights with noisy gradient")

    struct Settings {
        var learningRate: Double, decay: Double, noise: Double, busyWeights: Int, steps: Int
    }

    /// The quiet weight and the mean of the busy ones before the first step and after each step. Both runs of a
    /// seed draw the same noise.
    static func run(decoupled: Bool, _ settings: Settings, seed: UInt64) -> (quiet: [Double], busy: [Double]) {
        var generator = Generator(seed: seed)
        let n = settings.busyWeights
        // Index 0 is the quiet weight; the loss Σᵢ ξᵢ·wᵢ with ξ₀ = 0 gives it no gradient of its own.
        let w = Variable(Tensor(repeating: 1, shape: .vector(n + 1)), name: "w")
        var optimizer: any Optimizer = decoupled
            ? AdamW(parameters: [w], learningRate: settings.learningRate, weightDecay: settings.decay)
            : Adam(parameters: [w], learningRate: settings.learningRate, weightDecay: settings.decay)
        var quiet = [1.0], busy = [1.0]
        for _ in 0..<settings.steps {
            optimizer.zeroGrad()
            var xi = Tensor.normal(.vector(n + 1), std: settings.noise, generator: &generator)
            xi.scalars[0] = 0
            (w * Variable.constant(xi)).sum().backward()
            optimizer.step()
            quiet.append(w.value.scalars[0])
            busy.append(w.value.scalars[1...].reduce(0, +) / Double(n))
        }
        return (quiet, busy)
    }
}
