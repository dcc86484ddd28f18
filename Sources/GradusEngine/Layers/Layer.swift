/// Something with learnable parameters (a layer, a cell, a network).
public protocol Layer {
    /// Every learnable parameter, in a fixed order (weights before biases, first layer first).
    var parameters: [Variable] { get }
}

extension Layer {
    /// Forgets the gradients of every parameter.
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}
