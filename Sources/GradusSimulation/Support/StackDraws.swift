import GradusEngine

/// The random values of one seed of a width → width stack, drawn in this order: each layer's weight and bias,
/// the input batch (N(0, 1)) and the readout g (N(0, 1)/batch) that seeds the backward pass. Drawn once and
/// shared by the runs that differ only in what they build from them (plain or normalised, plain or residual).
struct StackDraws: Sendable {
    let weights: [Tensor], biases: [Tensor]
    let input: Tensor, readout: Tensor

    init(initializer: Initializer, depth: Int, width: Int, batch: Int, seed: UInt64) {
        var generator = Generator(seed: seed)
        let layers = (0..<depth).map { _ in
            Linear(inputs: width, outputs: width, initializer: initializer, generator: &generator)
        }
        weights = layers.map(\.weight.value)
        biases = layers.map { $0.bias!.value }
        input = Tensor.normal(.matrix(batch, width), generator: &generator)
        readout = Tensor.normal(.matrix(batch, width), std: 1 / Double(batch), generator: &generator)
    }

    /// Fresh layers (their own gradients) holding the drawn weights and biases.
    func layers() -> [Linear] { zip(weights, biases).map { Linear(weight: $0, bias: $1) } }
}
