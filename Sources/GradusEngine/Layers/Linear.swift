/// A fully connected layer, batch-first: y = x·W + b for x of shape (batch, inputs).
///
/// W is stored `inputs × outputs` (the transpose of PyTorch's `weight`), so the forward pass is one matmul
/// without a transpose; b has shape `(outputs,)` and broadcasts over the rows.
public struct Linear: Layer {
    /// W, `inputs × outputs`.
    public let weight: Variable
    /// b, `(outputs,)`, or nil for a layer without bias.
    public let bias: Variable?

    /// A layer whose weight is drawn by `initializer` (fanIn = inputs, fanOut = outputs; default: PyTorch's
    /// U(±1/√inputs)) and whose bias starts at `biasInitializer` (default: zeros), or has no bias.
    public init(inputs: Int, outputs: Int, initializer: Initializer? = nil,
                bias biasInitializer: Initializer? = .constant(0), generator: inout Generator) {
        let scheme = initializer ?? .torchDefault(fanIn: inputs)
        weight = Variable(scheme.tensor(.matrix(inputs, outputs), fanIn: inputs, fanOut: outputs,
                                        generator: &generator), name: "weight")
        bias = biasInitializer.map {
            Variable($0.tensor(.vector(outputs), fanIn: inputs, fanOut: outputs, generator: &generator), name: "bias")
        }
    }

    /// A layer with the given weight (`inputs × outputs`) and optional bias (`(outputs,)`).
    public init(weight: Tensor, bias: Tensor?) {
        self.weight = Variable(weight, name: "weight")
        self.bias = bias.map { Variable($0, name: "bias") }
    }

    /// [W, b], or [W] without bias.
    public var parameters: [Variable] { bias.map { [weight, $0] } ?? [weight] }

    /// x·W + b.
    public func callAsFunction(_ x: Variable) -> Variable {
        // One node for x·W + b (`Variable.affine`): the values and gradients of the product and the sum.
        guard let bias else { return x.matmul(weight) }
        return Variable.affine(x, weight, bias)
    }
}
