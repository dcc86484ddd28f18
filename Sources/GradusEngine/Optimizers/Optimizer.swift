/// Updates parameters from their gradients. Parameters whose `grad` is nil are left alone (as in PyTorch).
public protocol Optimizer {
    /// The parameters it updates, in a fixed order.
    var parameters: [Variable] { get }
    /// One update of every parameter from its current gradient.
    mutating func step()
}

extension Optimizer {
    /// Forgets the gradients of every parameter (PyTorch `zero_grad(set_to_none=True)`).
    public func zeroGrad() { for p in parameters { p.zeroGrad() } }
}
