/// Gradient clipping, with PyTorch's semantics.
public enum Clipping {
    /// `torch.nn.utils.clip_grad_norm_` with the 2-norm: the total norm is the norm of all gradients taken
    /// together (√Σₚ‖∇p‖²); every gradient is multiplied by max_norm/(total + 1e-6) when that factor is below 1
    /// (or NaN, which PyTorch's clamp propagates). Returns the total norm before clipping; parameters without
    /// a gradient are skipped. A non-finite total is returned as it is (∞ scales finite gradients to 0).
    @discardableResult
    public static func clipGradientNorm(_ parameters: [Variable], maxNorm: Double) -> Double {
        let total = globalNorm(parameters)
        let factor = clipFactor(totalNorm: total, maxNorm: maxNorm)
        if factor != 1 {
            for p in parameters where p.grad != nil { p.grad!.apply { $0 * factor } }
        }
        return total
    }

    /// The factor `clipGradientNorm` multiplies every gradient by: max_norm/(total + 1e-6), capped at 1, where
    /// the 1e-6 keeps an all-zero gradient from dividing by zero. NaN stays NaN, as PyTorch's clamp lets it.
    public static func clipFactor(totalNorm: Double, maxNorm: Double) -> Double {
        let factor = maxNorm / (totalNorm + 1e-6)
        return factor >= 1 ? 1 : factor
    }

    /// `torch.nn.utils.clip_grad_value_`: every gradient element clamped to [−limit, limit]; NaN stays NaN.
    public static func clipGradientValues(_ parameters: [Variable], limit: Double) {
        precondition(limit >= 0, "clip limit must not be negative, not \(limit)")
        for p in parameters where p.grad != nil {
            p.grad!.apply { $0.isNaN ? $0 : Swift.min(Swift.max($0, -limit), limit) }
        }
    }

    /// √Σₚ‖∇p‖² over the parameters that have a gradient: the norm of the per-parameter 2-norms.
    public static func globalNorm(_ parameters: [Variable]) -> Double {
        var squares = 0.0
        for p in parameters {
            guard let g = p.grad else { continue }
            let norm = LinearAlgebra.frobeniusNorm(g)
            squares += norm * norm
        }
        return squares.squareRoot()
    }
}
