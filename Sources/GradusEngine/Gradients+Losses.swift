import Foundation

/// Differentiable normalisations and losses, along the rows of the matrix view (one example per row).
extension Variable {
    /// Softmax of each row: yᵢ = e^(xᵢ − max x) / Σⱼ e^(xⱼ − max x).
    public func softmax() -> Variable {
        let a = self
        let out = Variable.rowwise(a.value) { row, n, y in
            var m = -Double.infinity
            for i in 0..<n { m = Swift.max(m, row[i]) }
            var s = 0.0
            for i in 0..<n { y[i] = Foundation.exp(row[i] - m); s += y[i] }
            for i in 0..<n { y[i] /= s }
        }
        return Variable(out, inputs: [a]) { g in
            // dyᵢ/dxⱼ = yᵢ(δᵢⱼ − yⱼ), so dx = y ⊙ (g − Σ g⊙y)
            let gy = g * out
            a.accumulate((out * (g - gy.sumCols().reshaped(.matrix(a.shape.rows, 1)))).reshaped(a.shape))
        }
    }

    /// Log-softmax of each row: yᵢ = xᵢ − max x − ln Σⱼ e^(xⱼ − max x).
    public func logSoftmax() -> Variable {
        let a = self
        let out = Variable.rowwise(a.value) { row, n, y in
            var m = -Double.infinity
            for i in 0..<n { m = Swift.max(m, row[i]) }
            var s = 0.0
            for i in 0..<n { s += Foundation.exp(row[i] - m) }
            let logSum = Foundation.log(s)
            for i in 0..<n { y[i] = (row[i] - m) - logSum }   // not x − (m + log s), which loses digits
        }
        return Variable(out, inputs: [a]) { g in
            // dyᵢ/dxⱼ = δᵢⱼ − softmaxⱼ, so dx = g − e^y · Σ g
            let sums = g.sumCols().reshaped(.matrix(a.shape.rows, 1))
            a.accumulate((g - out.map { Foundation.exp($0) } * sums).reshaped(a.shape))
        }
    }

    /// The mean over rows of −`self`[r, labels[r]]: the negative log-likelihood of log-probabilities
    /// (PyTorch `nll_loss`, mean reduction). Labels are 0-based column indices, one per row.
    public func nllLoss(labels: [Int]) -> Variable {
        let a = self
        let rows = a.shape.rows, cols = a.shape.cols
        precondition(labels.count == rows, "\(labels.count) labels for \(rows) rows")
        precondition(labels.allSatisfy { (0..<cols).contains($0) }, "a label is outside 0..<\(cols): \(labels)")
        var total = 0.0
        for r in 0..<rows { total += -a.value.scalars[r * cols + labels[r]] }
        return Variable(Tensor(scalar: total / Double(rows)), inputs: [a]) { g in
            // dL/dy[r, labels[r]] = −1/rows, 0 elsewhere
            var d = Tensor.zeros(a.shape)
            for r in 0..<rows { d.scalars[r * cols + labels[r]] = -g.item / Double(rows) }
            a.accumulate(d)
        }
    }

    /// Cross-entropy of logits (one row per example) against class labels, averaged over rows
    /// (PyTorch `cross_entropy`): `logSoftmax().nllLoss(labels:)`.
    public func crossEntropy(labels: [Int]) -> Variable {
        logSoftmax().nllLoss(labels: labels)
    }

    /// The mean squared error mean((self − target)²) over all elements (PyTorch `mse_loss`).
    public func meanSquaredError(_ target: Variable) -> Variable {
        (self - target).pow(2).mean()
    }

    /// Batch normalisation in training mode (Ioffe & Szegedy, 2015), per column over the rows of the batch:
    /// x̂ = (x − μ)/√(σ² + ε) with the batch mean μ and biased variance σ², then y = γ·x̂ + β. `scale` (γ) and
    /// `shift` (β) have one element per column. Returns the output and the batch statistics (for running averages).
    public func batchNorm(scale: Variable, shift: Variable, epsilon: Double = 1e-5)
        -> (output: Variable, mean: Tensor, variance: Tensor) {
        let x = self
        let rows = x.shape.rows, cols = x.shape.cols
        precondition(x.shape.rank == 2 && rows > 0, "batch norm needs a batch (a matrix), not \(x.shape)")
        precondition(scale.value.count == cols && shift.value.count == cols,
                     "scale \(scale.shape) and shift \(shift.shape) need \(cols) elements")
        let n = Double(rows)
        let mean = x.value.sumRows().map { $0 / n }
        let centred = x.value - mean
        let variance = (centred * centred).sumRows().map { $0 / n }
        let invstd = variance.map { 1 / ($0 + epsilon).squareRoot() }
        let normalised = centred * invstd
        let gamma = scale.value.reshaped(.matrix(1, cols)), beta = shift.value.reshaped(.matrix(1, cols))
        let out = normalised * gamma + beta
        let node = Variable(out, inputs: [x, scale, shift]) { g in
            // dβ = Σ g;  dγ = Σ g·x̂;
            // dx = γ·invstd·(g − mean(g) − (x − μ)·invstd²·Σ g(x − μ)/N)   (PyTorch's batch_norm_backward)
            let sumG = g.sumRows()
            let dot = (g * centred).sumRows()
            if shift.requiresGrad { shift.accumulate(sumG.reshaped(shift.shape)) }
            if scale.requiresGrad { scale.accumulate((dot * invstd).reshaped(scale.shape)) }
            if x.requiresGrad {
                let k = dot.zipMap(invstd) { d, s in d * s * s / n }
                let gradMean = sumG.map { $0 / n }
                let dx = (g - gradMean - centred * k) * (invstd * gamma)
                x.accumulate(dx)
            }
        }
        return (node, mean.reshaped(.vector(cols)), variance.reshaped(.vector(cols)))
    }

    // MARK: - Helpers

    /// Applies `f(row, n, out)` to each row of `t`'s matrix view, writing a result of the same shape.
    static func rowwise(_ t: Tensor, _ f: (UnsafeBufferPointer<Double>, Int, UnsafeMutableBufferPointer<Double>) -> Void)
        -> Tensor {
        let rows = t.shape.rows, cols = t.shape.cols
        var out = Tensor.zeros(t.shape)
        t.scalars.withUnsafeBufferPointer { a in
            out.scalars.withUnsafeMutableBufferPointer { o in
                for r in 0..<rows {
                    f(UnsafeBufferPointer(rebasing: a[r * cols ..< (r + 1) * cols]), cols,
                      UnsafeMutableBufferPointer(rebasing: o[r * cols ..< (r + 1) * cols]))
                }
            }
        }
        return out
    }
}
