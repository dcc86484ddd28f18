/// A multilayer perceptron: `Linear` layers with an activation after each one but the last.
///
/// ```swift
/// var rng = Generator(seed: 42)
/// let net = MLP(inputs: 64, width: 64, depth: 10, outputs: 64, activation: .tanh,
///               initializer: .xavierNormal(gain: 5.0 / 3.0), generator: &rng)
/// let trace = net.trace(Variable.constant(x))   // per-layer values for the depth experiments
/// ```
public struct MLP: Layer {
    /// The layers, input side first.
    public let layers: [Linear]
    /// The activation between layers.
    public let activation: Activation
    /// One learnable slope vector `(width,)` per hidden layer when the activation is `.prelu`, else empty.
    public let slopes: [Variable]
    /// One batch normalisation per hidden layer, between its linear map and its activation, when asked for.
    public let normalizations: [BatchNorm]

    /// `depth` linear layers (depth ≥ 1): inputs → width → … → width → outputs, each weight drawn by
    /// `initializer` (default: PyTorch's), biases zero.
    public init(inputs: Int, width: Int, depth: Int, outputs: Int, activation: Activation,
                initializer: Initializer? = nil, batchNorm: Bool = false, generator: inout Generator) {
        precondition(depth >= 1, "an MLP needs at least one layer, not \(depth)")
        let sizes = [inputs] + Array(repeating: width, count: depth - 1) + [outputs]
        self.init(sizes: sizes, activation: activation, initializer: initializer, batchNorm: batchNorm,
                  generator: &generator)
    }

    /// Layers of the given sizes: `sizes[0]` inputs, `sizes.last` outputs (at least two sizes); with
    /// `batchNorm`, each hidden layer normalises its pre-activation (training mode) before the activation.
    public init(sizes: [Int], activation: Activation, initializer: Initializer? = nil, batchNorm: Bool = false,
                generator: inout Generator) {
        precondition(sizes.count >= 2, "an MLP needs at least an input and an output size, not \(sizes)")
        var layers: [Linear] = []
        for (fanIn, fanOut) in zip(sizes, sizes.dropFirst()) {
            layers.append(Linear(inputs: fanIn, outputs: fanOut, initializer: initializer, generator: &generator))
        }
        self.layers = layers
        self.activation = activation
        if case .prelu(let initial) = activation {
            slopes = sizes.dropFirst().dropLast().map { Variable(Tensor(repeating: initial, shape: .vector($0)),
                                                                 name: "slope") }
        } else {
            slopes = []
        }
        normalizations = batchNorm ? sizes.dropFirst().dropLast().map { BatchNorm(features: $0) } : []
    }

    /// Every layer's [W, b], then the PReLU slopes, then the batch norms' [γ, β].
    public var parameters: [Variable] {
        layers.flatMap(\.parameters) + slopes + normalizations.flatMap(\.parameters)
    }

    /// The network's output for a batch `x` of shape (batch, inputs).
    public func callAsFunction(_ x: Variable) -> Variable { trace(x).output }

    /// The values along the way: for each layer, its pre-activation x·W + b (batch-normalised when the network
    /// has batch norm) and its activation (the last layer's activation is its pre-activation).
    public func trace(_ x: Variable) -> Trace {
        var pre: [Variable] = [], post: [Variable] = []
        var h = x
        for (index, layer) in layers.enumerated() {
            var z = layer(h)
            if index < normalizations.count { z = normalizations[index](z) }
            pre.append(z)
            h = index == layers.count - 1 ? z : activation.apply(z, slope: slopes.isEmpty ? nil : slopes[index])
            post.append(h)
        }
        return Trace(preActivations: pre, activations: post)
    }

    /// Per-layer values of one forward pass; after `backward()`, each node's `grad` holds its gradient.
    public struct Trace {
        public let preActivations: [Variable]
        public let activations: [Variable]
        /// The last layer's output.
        public var output: Variable { activations[activations.count - 1] }
    }
}
