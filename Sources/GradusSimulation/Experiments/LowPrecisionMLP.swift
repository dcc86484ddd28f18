import GradusEngine

/// A deep sigmoid MLP without biases whose stored tensors are emulated in a low-precision format, for the
/// mixed-precision simulations: the weights' working copies, every layer's pre-activation and activation, and the
/// gradient of each of them on the way back are rounded to the format; the products inside a matrix multiplication
/// are summed in Double, as tensor cores accumulate fp16 products in fp32 (Micikevicius et al., 2018). The master
/// weights are the `Variable`s themselves; their `grad` is the rounded gradient of their working copy.
struct LowPrecisionMLP {
    /// Layer l maps width → width; sigmoid after every layer but the last.
    let weights: [Variable]

    /// Xavier-normal weights for `depth` layers of `width` units.
    init(depth: Int, width: Int, generator: inout Generator) {
        weights = (0..<depth).map { _ in
            Variable(Tensor.normal(.matrix(width, width), std: (1 / Double(width)).squareRoot(), generator: &generator))
        }
    }

    init(weights: [Tensor]) { self.weights = weights.map { Variable($0) } }

    /// Forward and backward of the mean squared error against `target`, the loss multiplied by `scale` before
    /// the backward pass; every weight's `grad` is set afresh (scaled, in `format`). Returns the loss (unscaled).
    @discardableResult
    func backward(input: Tensor, target: Tensor, format: FloatFormat?, scale: Double) -> Double {
        func stored(_ v: Variable) -> Variable { format.map { v.rounded(to: $0) } ?? v }
        for w in weights { w.zeroGrad() }
        var h = Variable.constant(format.map { input.rounded(to: $0) } ?? input)
        for (index, w) in weights.enumerated() {
            let z = stored(h.matmul(stored(w)))
            h = index < weights.count - 1 ? stored(z.sigmoid()) : z
        }
        let loss = h.meanSquaredError(Variable.constant(target))
        (loss * scale).backward()
        return loss.value.item
    }
}
