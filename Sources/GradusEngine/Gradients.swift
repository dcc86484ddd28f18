import Foundation

/// Differentiable elementwise ops. Each rule sits beside its derivative; the backward formulas and the order
/// of their floating-point operations follow PyTorch's derivatives.yaml, so gradients agree with it to the
/// last bit or nearly. Binary ops broadcast like numpy; their gradients are summed back to each operand's shape.
extension Variable {
    // MARK: - Binary, broadcasting

    /// a + b.
    public static func + (a: Variable, b: Variable) -> Variable {
        let out = a.value + b.value
        return Variable(out, inputs: [a, b]) { g in
            // d(a+b)/da = 1, d(a+b)/db = 1
            if a.requiresGrad { a.accumulate(g.summed(to: a.shape)) }
            if b.requiresGrad { b.accumulate(g.summed(to: b.shape)) }
        }
    }

    /// a − b.
    public static func - (a: Variable, b: Variable) -> Variable {
        let out = a.value - b.value
        return Variable(out, inputs: [a, b]) { g in
            // d(a−b)/da = 1, d(a−b)/db = −1
            if a.requiresGrad { a.accumulate(g.summed(to: a.shape)) }
            if b.requiresGrad { b.accumulate((-g).summed(to: b.shape)) }
        }
    }

    /// a ⊙ b (elementwise).
    public static func * (a: Variable, b: Variable) -> Variable {
        let out = a.value * b.value
        return Variable(out, inputs: [a, b]) { g in
            // d(a·b)/da = b, d(a·b)/db = a
            if a.requiresGrad { a.accumulate((g * b.value).summed(to: a.shape)) }
            if b.requiresGrad { b.accumulate((g * a.value).summed(to: b.shape)) }
        }
    }

    /// a ⊘ b (elementwise).
    public static func / (a: Variable, b: Variable) -> Variable {
        let out = a.value / b.value
        return Variable(out, inputs: [a, b]) { g in
            // d(a/b)/da = 1/b, d(a/b)/db = −a/b²
            if a.requiresGrad { a.accumulate((g / b.value).summed(to: a.shape)) }
            if b.requiresGrad {
                b.accumulate(g.broadcasting(a.value / (b.value * b.value)) { -$0 * $1 }.summed(to: b.shape))
            }
        }
    }

    /// a ^ b elementwise, both differentiable (PyTorch `pow(Tensor, Tensor)`).
    public func pow(_ exponent: Variable) -> Variable {
        let a = self, b = exponent
        let out = a.value.broadcasting(b.value) { Foundation.pow($0, $1) }
        return Variable(out, inputs: [a, b]) { g in
            // d(aᵇ)/da = b·aᵇ⁻¹ (0 where b = 0), d(aᵇ)/db = aᵇ·ln a (0 where a = 0 and b ≥ 0)
            if a.requiresGrad {
                let d = a.value.broadcasting(b.value) { x, p in p == 0 ? 0 : p * Foundation.pow(x, p - 1) }
                a.accumulate((g * d).summed(to: a.shape))
            }
            if b.requiresGrad {
                let d = out.broadcasting(a.value) { y, x in y * Foundation.log(x) }
                let masked = d.broadcasting(a.value.broadcasting(b.value) { x, p in x == 0 && p >= 0 ? 0 : 1 }) {
                    $1 == 0 ? 0 : $0
                }
                b.accumulate((g * masked).summed(to: b.shape))
            }
        }
    }

    // MARK: - With a constant

    /// a·s + t for constants s and t (covers `a * 2`, `1 - a`, `a / 4`, `-a`).
    public func affine(scale: Double, shift: Double = 0) -> Variable {
        let a = self
        let out = a.value.map { $0 * scale + shift }
        return Variable(out, inputs: [a]) { g in
            // d(a·s + t)/da = s
            a.accumulate(g.map { $0 * scale })
        }
    }

    /// a·s for a constant s.
    public static func * (a: Variable, s: Double) -> Variable { a.affine(scale: s) }
    /// s·a for a constant s.
    public static func * (s: Double, a: Variable) -> Variable { a.affine(scale: s) }
    /// a/s for a constant s, computed as a·(1/s) (as PyTorch does for a scalar divisor on the CPU).
    public static func / (a: Variable, s: Double) -> Variable { a.affine(scale: 1 / s) }
    /// a + s for a constant s.
    public static func + (a: Variable, s: Double) -> Variable { a.affine(scale: 1, shift: s) }
    /// s + a for a constant s.
    public static func + (s: Double, a: Variable) -> Variable { a.affine(scale: 1, shift: s) }
    /// a − s for a constant s.
    public static func - (a: Variable, s: Double) -> Variable { a.affine(scale: 1, shift: -s) }
    /// s − a for a constant s (as in the GRU's 1 − z).
    public static func - (s: Double, a: Variable) -> Variable { a.affine(scale: -1, shift: s) }
    /// −a.
    public static prefix func - (a: Variable) -> Variable { a.affine(scale: -1) }

    /// aᵖ elementwise for a constant exponent p. As in PyTorch, p = 2, 3, ½, −½, −1, −2 are computed with
    /// multiplications, √ and division rather than `pow` (faster, and correctly rounded for 2 and ½).
    public func pow(_ p: Double) -> Variable {
        let a = self
        if p == 2 {   // the square, with the switch of `power` taken out of the loops so that they vectorise
            return Variable(a.value.map { $0 * $0 }, inputs: [a]) { g in
                // d(a²)/da = 2·a: g·(p·a^(p−1)) below, with p = 2 and a¹ = a
                a.accumulate(g.zipMap(a.value) { g, x in g * (2 * x) })
            }
        }
        let out = a.value.map { Variable.power($0, p) }
        return Variable(out, inputs: [a]) { g in
            // d(aᵖ)/da = p·aᵖ⁻¹, and exactly 0 when p = 0 (as PyTorch)
            if p == 0 { a.accumulate(Tensor.zeros(a.shape)); return }
            a.accumulate(g.zipMap(a.value) { g, x in g * (p * Variable.power(x, p - 1)) })
        }
    }

    // MARK: - Unary

    /// eˣ.
    public func exp() -> Variable {
        let a = self
        let out = a.value.map { Foundation.exp($0) }
        return Variable(out, inputs: [a]) { g in
            // d(eˣ)/dx = eˣ
            a.accumulate(g * out)
        }
    }

    /// ln x (NaN below 0, −∞ at 0, as IEEE).
    public func log() -> Variable {
        let a = self
        let out = a.value.map { Foundation.log($0) }
        return Variable(out, inputs: [a]) { g in
            // d(ln x)/dx = 1/x
            a.accumulate(g / a.value)
        }
    }

    /// √x.
    public func sqrt() -> Variable {
        let a = self
        let out = a.value.map { $0.squareRoot() }
        return Variable(out, inputs: [a]) { g in
            // d(√x)/dx = 1/(2√x)
            a.accumulate(g.zipMap(out) { g, y in g / (2 * y) })
        }
    }

    /// σ(x) = 1/(1 + e⁻ˣ).
    public func sigmoid() -> Variable {
        let a = self
        let out = a.value.sigmoid()
        return Variable(out, inputs: [a]) { g in
            // dσ/dx = σ(1 − σ)
            a.accumulate(g.zipMap(out) { g, y in g * (1 - y) * y })
        }
    }

    /// tanh x.
    public func tanh() -> Variable {
        let a = self
        let out = a.value.tanh()
        return Variable(out, inputs: [a]) { g in
            // d(tanh x)/dx = 1 − tanh²x
            a.accumulate(g.zipMap(out) { g, y in g * (1 - y * y) })
        }
    }

    /// max(x, 0); NaN stays NaN.
    public func relu() -> Variable {
        let a = self
        let out = a.value.map { $0 < 0 ? 0 : $0 }
        return Variable(out, inputs: [a]) { g in
            // d relu/dx = 1 for x > 0, 0 for x ≤ 0 (PyTorch's choice at 0)
            a.accumulate(g.zipMap(out) { g, y in y > 0 ? g : 0 })
        }
    }

    /// x for x > 0, `slope`·x otherwise.
    public func leakyRelu(slope: Double = 0.01) -> Variable {
        let a = self
        let out = a.value.map { $0 > 0 ? $0 : $0 * slope }
        return Variable(out, inputs: [a]) { g in
            // d/dx = 1 for x > 0, slope for x ≤ 0
            a.accumulate(g.zipMap(a.value) { g, x in x > 0 ? g : g * slope })
        }
    }

    /// PReLU (He et al., 2015): x for x > 0, a·x otherwise, with a learnable slope `a` broadcast against x
    /// (one slope of shape `()`/`(1,)`, or one per column, `(n,)` or `(1, n)`).
    public func prelu(_ slope: Variable) -> Variable {
        let x = self
        let out = x.value.broadcasting(slope.value) { v, s in v > 0 ? v : s * v }
        return Variable(out, inputs: [x, slope]) { g in
            // d/dx = 1 for x > 0, a otherwise; d/da = 0 for x > 0, x otherwise
            if x.requiresGrad {
                x.accumulate((x.value.broadcasting(slope.value) { v, s in v > 0 ? 1 : s } * g).summed(to: x.shape))
            }
            if slope.requiresGrad {
                slope.accumulate(x.value.zipMap(g) { v, g in v > 0 ? 0 : v * g }.summed(to: slope.shape))
            }
        }
    }

    // MARK: - Helpers

    /// xᵖ with PyTorch's special cases for a scalar exponent.
    @inline(__always)
    static func power(_ x: Double, _ p: Double) -> Double {
        switch p {
        case 1: return x
        case 2: return x * x
        case 3: return x * x * x
        case 0.5: return x.squareRoot()
        case -0.5: return 1 / x.squareRoot()
        case -1: return 1 / x
        case -2: return 1 / (x * x)
        default: return Foundation.pow(x, p)
        }
    }
}
