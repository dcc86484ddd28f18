/// A node of the reverse-mode autodiff graph: a `Tensor` value, the nodes it was computed from, and the rule
/// that sends its gradient back to them (micrograd's `Value`, holding tensors).
///
/// Leaves are made with `Variable(_:)` (a parameter, which collects gradients) or `Variable.constant(_:)`
/// (data, which does not); every op on variables returns a new node. The graph lives as long as its output is
/// referenced: dropping the loss frees it, while parameters, which only point to their own values, stay.
///
/// Gradients follow PyTorch's semantics: `backward()` adds into the `grad` of every parameter reachable from the
/// output (call `zeroGrad()` or an optimizer's `zeroGrad()` between steps), and sets afresh the `grad` of every
/// intermediate node on the way, which stays readable afterwards (as if `retain_grad()` were called on all; the
/// nodes inside a fused layer, which no caller can reach, drop theirs).
/// Not thread-safe: build and differentiate a graph on one thread.
public final class Variable: CustomStringConvertible {
    /// The node's value. Optimizers update a parameter's value in place.
    public var value: Tensor
    /// The gradient of the last `backward()` output with respect to this node; nil before any pass reaches it.
    public var grad: Tensor?
    /// An optional name, shown in descriptions and error messages.
    public var name: String?
    /// True for parameters and for every node computed from one.
    public let requiresGrad: Bool

    private(set) var inputs: [Variable]
    private(set) var rule: ((Tensor) -> Void)?
    /// False for a node no caller can reach (inside a fused layer): `backward()` drops its gradient once its
    /// rule has run, so that the memory is used again, still in cache, by the next node's gradient.
    var keepsGrad = true

    /// A parameter: a leaf that collects gradients.
    public init(_ value: Tensor, name: String? = nil) {
        self.value = value
        self.name = name
        self.requiresGrad = true
        self.inputs = []
        self.rule = nil
    }

    /// A leaf that does not collect gradients (inputs, targets, fixed matrices).
    public static func constant(_ value: Tensor, name: String? = nil) -> Variable {
        Variable(value: value, requiresGrad: false, name: name)
    }

    /// An op's output. When no input requires a gradient, the node is a constant and keeps no reference to them.
    init(_ value: Tensor, inputs: [Variable], rule: @escaping (Tensor) -> Void) {
        self.value = value
        let needed = inputs.contains { $0.requiresGrad }
        self.requiresGrad = needed
        self.inputs = needed ? inputs : []
        self.rule = needed ? rule : nil
    }

    /// A new op defined outside the engine: `value` computed from `inputs`, and `gradients`, which maps ∂L/∂value
    /// to ∂L/∂input for each input, in order (nil for an input that gets none). Each returned tensor must have
    /// its input's shape.
    public static func custom(_ value: Tensor, inputs: [Variable],
                              gradients: @escaping (Tensor) -> [Tensor?]) -> Variable {
        Variable(value, inputs: inputs) { g in
            let parts = gradients(g)
            precondition(parts.count == inputs.count, "\(parts.count) gradients for \(inputs.count) inputs")
            for (input, part) in zip(inputs, parts) where input.requiresGrad {
                if let part { input.accumulate(part) }
            }
        }
    }

    private init(value: Tensor, requiresGrad: Bool, name: String?) {
        self.value = value
        self.requiresGrad = requiresGrad
        self.name = name
        self.inputs = []
        self.rule = nil
    }

    /// Frees the graph behind this node with a loop instead of a chain of nested deinits, so that long
    /// unrolled graphs (thousands of steps) do not overflow a thread's stack: inputs that only this node
    /// holds are detached from their own inputs before they go.
    deinit {
        guard !inputs.isEmpty else { return }
        var pending = inputs
        inputs = []
        rule = nil
        while var node = pending.popLast() {
            if isKnownUniquelyReferenced(&node) && !node.inputs.isEmpty {
                pending.append(contentsOf: node.inputs)
                node.inputs = []
                node.rule = nil
            }
        }
    }

    /// The value's shape.
    public var shape: Shape { value.shape }

    /// True for nodes made by `Variable(_:)` or `constant(_:)` rather than by an op.
    public var isLeaf: Bool { rule == nil }

    /// Runs reverse-mode differentiation from this node. `seed` is ∂L/∂self (default: 1, which needs a
    /// one-element output such as a loss). Parameters accumulate; intermediate gradients are reset first.
    /// Cost: one pass over the graph, each op's backward rule once.
    public func backward(seed: Tensor? = nil) {
        let start: Tensor
        if let seed {
            precondition(seed.shape == shape, "seed of shape \(seed.shape) for an output of shape \(shape)")
            start = seed
        } else {
            precondition(value.count == 1, "backward() without a seed needs a one-element output, not \(shape)")
            start = Tensor.ones(shape)
        }
        guard requiresGrad else { return }
        _ = MemoryPolicy.applied
        let order = topologicalOrder()
        for node in order where node.rule != nil { node.grad = nil }
        accumulate(start)
        for node in order.reversed() {
            if let rule = node.rule, let g = node.grad { rule(g) }
            if !node.keepsGrad { node.grad = nil }
        }
    }

    /// Forgets this node's gradient.
    public func zeroGrad() { grad = nil }

    /// `Variable(shape: (2, 3), [[…]])`, with the name when there is one.
    public var description: String {
        "Variable(\(name.map { "\($0), " } ?? "")\(value.description.dropFirst("Tensor(".count))"
    }

    // MARK: - Graph traversal

    /// Adds `g` into this node's gradient.
    func accumulate(_ g: Tensor) {
        precondition(g.shape == shape, "gradient of shape \(g.shape) for \(name ?? "a node") of shape \(shape)")
        if grad == nil { grad = g } else { grad!.add(g) }
    }

    /// Adds op(a)·op(b) into this node's gradient: the bits of `accumulate(Tensor.gemm(…))`, without the
    /// temporary once a gradient is there (`Tensor.addProduct`).
    func accumulateProduct(_ a: Tensor, transposeA: Bool, _ b: Tensor, transposeB: Bool) {
        if grad == nil {
            grad = Tensor.gemm(a, transposeA: transposeA, b, transposeB: transposeB)
            precondition(grad!.shape == shape, "gradient of shape \(grad!.shape) for \(name ?? "a node") of shape \(shape)")
        } else {
            grad!.addProduct(a, transposeA: transposeA, b, transposeB: transposeB)
        }
    }

    /// `value` and its transpose, while `value` keeps that storage (see `transposedValue`).
    private var transposeCache: (source: Tensor, transposed: Tensor)?

    /// The transpose of `value` (matrix view), made once and kept for as long as `value` is unchanged: a
    /// recurrent cell's backward pass multiplies by Wₕᵀ at every step, and a transpose made once costs less than
    /// packing Wₕᵀ for each product. The cache shares `value`'s storage, so any change to `value`, in place or by
    /// assignment, leaves `value` in other storage, and the next call transposes afresh.
    func transposedValue() -> Tensor {
        if let cache = transposeCache, cache.source.shape == value.shape, cache.source.sharesStorage(with: value) {
            return cache.transposed
        }
        let transposed = value.transposed()
        transposeCache = (value, transposed)
        return transposed
    }

    /// Runs `body` on this node's gradient in place, after making a zero one when there is none; `body` learns
    /// whether the gradient is new (a fused node writes its part into a new gradient as `accumulate` would
    /// store it, and adds it, old + part, into one that was there).
    @inline(__always)
    func accumulateInPlace(_ body: (UnsafeMutablePointer<Double>, Bool) -> Void) {
        let fresh = grad == nil
        if fresh { grad = Tensor.zeros(shape) }
        grad!.scalars.withUnsafeMutableBufferPointer { body($0.baseAddress!, fresh) }
    }

    /// Adds `g` into columns `range` of this node's gradient (the adjoint of a column slice), without building
    /// a full-width temporary.
    func accumulate(_ g: Tensor, intoColumns range: Range<Int>) {
        let rows = shape.rows, cols = shape.cols, width = range.count
        precondition(g.shape.rows == rows && g.shape.cols == width,
                     "gradient of shape \(g.shape) for columns \(range) of \(shape)")
        if grad == nil { grad = Tensor.zeros(shape) }
        grad!.scalars.withUnsafeMutableBufferPointer { f in
            g.scalars.withUnsafeBufferPointer { gp in
                for r in 0..<rows {
                    let base = r * cols + range.lowerBound
                    for c in 0..<width { f[base + c] += gp[r * width + c] }
                }
            }
        }
    }

    /// Every node that requires a gradient and is reachable from this one, inputs before the nodes made from
    /// them (iterative depth-first post-order, so long unrolled graphs do not exhaust the stack).
    private func topologicalOrder() -> [Variable] {
        var order: [Variable] = []
        var visited = Set<ObjectIdentifier>()
        var stack: [(node: Variable, expanded: Bool)] = [(self, false)]
        while let (node, expanded) = stack.popLast() {
            if expanded { order.append(node); continue }
            guard visited.insert(ObjectIdentifier(node)).inserted else { continue }
            stack.append((node, true))
            for input in node.inputs where input.requiresGrad && !visited.contains(ObjectIdentifier(input)) {
                stack.append((input, false))
            }
        }
        return order
    }
}
