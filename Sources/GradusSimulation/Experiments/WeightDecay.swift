import Foundation
import GradusEngine

/// Training one MLP on a small noisy data set by gradient descent, without and with L2 weight decay: the total
/// norm of the weights and the largest per-layer gradient norm along the way.
///
/// With weight decay λ each step adds λ·W to the gradient, d/dW (λ/2)‖W‖², so SGD multiplies the weights by
/// (1 − η·λ) before the data's update: where the data pull weights outwards to fit the noise, decay holds them
/// back (Krogh & Hertz, "A simple weight decay can improve generalization", NIPS 1991). Both runs start from
/// the same weights: an 8–64–64–1 ReLU MLP with He initialisation, fitting y = sin(x·u) + N(0, 0.5²) noise on 32
/// examples, mean squared error. The default learning rate, 0.01, is small enough that the loss and the gradient do
/// not jump in the first steps (seeds 1 to 10 checked), so the largest gradient of a run is at step 0, which every
/// table shows; over the default 4000 steps the decayed run's weight norm settles.
enum WeightDecay {
    static let simulation = Simulation(
        name: "weight-decay",
        title: Localized(pt: "Norma dos pesos e do gradiente, sem e com decaimento de pesos",
                         de: "Gewichtsnorm und Gradientennorm, ohne und mit Weight Decay",
                         en: "Weight norm and gradient norm, without and with weight decay"),
        summary: "weight norm and largest layer gradient norm while training with and without L2 regularisation",
        parameters: [
            ParameterSpec("decay", .real(0...10), default: .real(0.1), help: "L2 weight decay λ"),
            ParameterSpec("lr", .real(0...10), default: .real(0.01), help: "learning rate of gradient descent"),
            ParameterSpec("steps", .integer(1...5000), default: .integer(4000), help: "training steps"),
            ParameterSpec("every", .integer(1...5000), default: .integer(200), help: "show every this many steps (and step 0)"),
        ],
        usesSeed: true,
        columns: [
            .init("step", Labels.step),
            .init("weight_norm_plain", Labels.qualified(Labels.weightNorm, withoutDecay)),
            .init("weight_norm_decay", Labels.qualified(Labels.weightNorm, withDecay)),
            .init("max_grad_norm_plain", Labels.qualified(largestGradient, withoutDecay)),
            .init("max_grad_norm_decay", Labels.qualified(largestGradient, withDecay)),
            .init("loss_plain", Labels.qualified(Labels.loss, withoutDecay)),
            .init("loss_decay", Labels.qualified(Labels.loss, withDecay)),
        ],
        compute: { parameters, seed in
            let steps = parameters.integer("steps"), every = parameters.integer("every"), lr = parameters.real("lr")
            let runs = Statistics.parallelMap([0, parameters.real("decay")]) { decay in
                train(decay: decay, lr: lr, steps: steps, every: every, seed: seed)
            }
            let plain = runs[0], decayed = runs[1]
            return plain.indices.map { i in
                [plain[i].step, plain[i].weightNorm, decayed[i].weightNorm, plain[i].largestGradient,
                 decayed[i].largestGradient, plain[i].loss, decayed[i].loss].map(Table.Cell.number)
            }
        })

    static let withoutDecay = Localized(pt: "sem decaimento", de: "ohne Weight Decay", en: "without decay")
    static let withDecay = Localized(pt: "com decaimento", de: "mit Weight Decay", en: "with decay")
    static let largestGradient = Localized(pt: "maior norma do gradiente de uma camada",
                                           de: "größte Gradientennorm einer Schicht", en: "largest layer gradient norm")

    struct Sample { var step: Double; var weightNorm: Double; var largestGradient: Double; var loss: Double }

    /// Samples at step 0 (before any update) and every `every` steps up to `steps`: the norm of all weight
    /// matrices together (biases excluded), the largest weight-gradient norm of a layer and the data loss, all
    /// measured before that step's update.
    static func train(decay: Double, lr: Double, steps: Int, every: Int, seed: UInt64) -> [Sample] {
        var generator = Generator(seed: seed)
        let net = MLP(sizes: [8, 64, 64, 1], activation: .relu, initializer: .heNormal(), generator: &generator)
        let x = Tensor.normal(.matrix(32, 8), generator: &generator)
        let u = Tensor.normal(.matrix(8, 1), std: 1 / 8.0.squareRoot(), generator: &generator)
        let noise = Tensor.normal(.matrix(32, 1), std: 0.5, generator: &generator)
        let input = Variable.constant(x), target = Variable.constant(x.matmul(u).map { Foundation.sin($0) } + noise)
        var optimizer = SGD(parameters: net.parameters, learningRate: lr, weightDecay: decay)
        var samples: [Sample] = []
        for step in 0...steps {
            optimizer.zeroGrad()
            let loss = net(input).meanSquaredError(target)
            loss.backward()
            if step % every == 0 || step == steps {
                let weights = net.layers.map { Statistics.norm($0.weight.value) }
                samples.append(Sample(step: Double(step), weightNorm: weights.map { $0 * $0 }.reduce(0, +).squareRoot(),
                                      largestGradient: net.layers.map { Statistics.norm($0.weight.grad!) }.max()!,
                                      loss: loss.value.item))
            }
            if step < steps { optimizer.step() }
        }
        return samples
    }
}
