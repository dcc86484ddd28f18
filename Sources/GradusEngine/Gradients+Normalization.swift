import Foundation

/// Normalisations of each row (one example, or one token, per row), which unlike batch normalisation use no
/// statistic of the other rows: an example's output is the same in a batch of one as in a batch of a thousand.
extension Variable {
    /// Layer normalisation (Ba, Kiros & Hinton, "Layer Normalization", arXiv:1607.06450, 2016), PyTorch's
    /// `layer_norm` over the last dimension: per row, x̂ = (x − μ)/√(σ² + ε) with the row's mean μ and biased
    /// variance σ², then y = γ·x̂ + β. `scale` (γ) and `shift` (β) have one element per column.
    public func layerNorm(scale: Variable, shift: Variable, epsilon: Double = 1e-5) -> Variable {
        let x = self
        let cols = x.shape.cols
        precondition(x.shape.rank == 2 && cols > 0, "layer norm needs a matrix with columns, not \(x.shape)")
        precondition(scale.value.count == cols && shift.value.count == cols,
                     "scale \(scale.shape) and shift \(shift.shape) need \(cols) elements")
        let (normalised, invstd) = Variable.normaliseRows(x.value, epsilon: epsilon, centred: true)
        let gamma = scale.value.reshaped(.matrix(1, cols)), beta = shift.value.reshaped(.matrix(1, cols))
        let out = normalised * gamma + beta
        return Variable(out, inputs: [x, scale, shift]) { g in
            // dβ = Σ_rows g;  dγ = Σ_rows g·x̂;
            // per row, with ĝ = g·γ:  dx = (ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)) / √(σ² + ε)
            if shift.requiresGrad { shift.accumulate(g.sumRows().reshaped(shift.shape)) }
            if scale.requiresGrad { scale.accumulate((g * normalised).sumRows().reshaped(scale.shape)) }
            if x.requiresGrad {
                let scaled = g * gamma
                x.accumulate(Variable.rowBackward(scaled, normalised, invstd, centred: true))
            }
        }
    }

    /// Root-mean-square normalisation (Zhang & Sennrich, "Root Mean Square Layer Normalization", NeurIPS 2019),
    /// PyTorch's `rms_norm` over the last dimension: per row, x̂ = x/√(mean(x²) + ε), then y = γ·x̂. No mean is
    /// subtracted and there is no shift: the row is only rescaled. `scale` (γ) has one element per column.
    public func rmsNorm(scale: Variable, epsilon: Double = 1e-6) -> Variable {
        let x = self
        let cols = x.shape.cols
        precondition(x.shape.rank == 2 && cols > 0, "RMS norm needs a matrix with columns, not \(x.shape)")
        precondition(scale.value.count == cols, "scale \(scale.shape) needs \(cols) elements")
        let (normalised, inverseRMS) = Variable.normaliseRows(x.value, epsilon: epsilon, centred: false)
        let gamma = scale.value.reshaped(.matrix(1, cols))
        let out = normalised * gamma
        return Variable(out, inputs: [x, scale]) { g in
            // dγ = Σ_rows g·x̂;  per row, with ĝ = g·γ:  dx = (ĝ − x̂·mean(ĝ·x̂)) / √(mean(x²) + ε)
            if scale.requiresGrad { scale.accumulate((g * normalised).sumRows().reshaped(scale.shape)) }
            if x.requiresGrad {
                x.accumulate(Variable.rowBackward(g * gamma, normalised, inverseRMS, centred: false))
            }
        }
    }

    // MARK: - Helpers

    /// Each row of `t`'s matrix view divided by s⁻¹ = √(σ² + ε) (`centred`: after subtracting the row's mean; σ² the
    /// biased variance) or by √(mean(x²) + ε) (not centred), with the factor s of every row.
    private static func normaliseRows(_ t: Tensor, epsilon: Double, centred: Bool) -> (Tensor, [Double]) {
        let rows = t.shape.rows, cols = t.shape.cols, count = Double(cols)
        var out = Tensor.zeros(t.shape), factors = [Double](repeating: 0, count: rows)
        t.scalars.withUnsafeBufferPointer { x in
            out.scalars.withUnsafeMutableBufferPointer { y in
                for r in 0..<rows {
                    let base = r * cols
                    var mean = 0.0
                    if centred {
                        for c in 0..<cols { mean += x[base + c] }
                        mean /= count
                    }
                    var squares = 0.0
                    for c in 0..<cols { squares += (x[base + c] - mean) * (x[base + c] - mean) }
                    let s = 1 / (squares / count + epsilon).squareRoot()
                    for c in 0..<cols { y[base + c] = (x[base + c] - mean) * s }
                    factors[r] = s
                }
            }
        }
        return (out, factors)
    }

    /// Per row r: (ĝ − [mean(ĝ) when `centred`] − x̂·mean(ĝ·x̂))·s[r], the input gradient of a row normalisation
    /// whose output before γ is x̂ and whose divisor is 1/s[r].
    private static func rowBackward(_ scaled: Tensor, _ normalised: Tensor, _ s: [Double], centred: Bool) -> Tensor {
        let rows = scaled.shape.rows, cols = scaled.shape.cols, count = Double(cols)
        var dx = Tensor.zeros(scaled.shape)
        scaled.scalars.withUnsafeBufferPointer { g in
            normalised.scalars.withUnsafeBufferPointer { xh in
                dx.scalars.withUnsafeMutableBufferPointer { d in
                    for r in 0..<rows {
                        let base = r * cols
                        var sum = 0.0, dot = 0.0
                        for c in 0..<cols { sum += g[base + c]; dot += g[base + c] * xh[base + c] }
                        let mean = centred ? sum / count : 0, projection = dot / count
                        for c in 0..<cols { d[base + c] = (g[base + c] - mean - xh[base + c] * projection) * s[r] }
                    }
                }
            }
        }
        return dx
    }
}
