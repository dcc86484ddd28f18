import Foundation

/// The small dense linear algebra the simulations need, in plain Swift (no LAPACK). Matrices are `Tensor`s of
/// rank 2; results follow numpy.linalg's definitions.
public enum LinearAlgebra {
    /// The Frobenius norm √Σ xᵢ² (numpy `norm(x)`), of any tensor. Like numpy, it overflows to ∞ when the sum
    /// of squares does, and is NaN when an element is.
    public static func frobeniusNorm(_ t: Tensor) -> Double {
        t.scalars.withUnsafeBufferPointer { p in
            var s = 0.0
            for x in p { s += x * x }
            return s.squareRoot()
        }
    }

    /// The singular values of an m × n matrix, largest first (numpy `svd(a, compute_uv=False)`), by one-sided
    /// Jacobi rotations (Hestenes, 1958): pairs of columns are rotated until all are orthogonal, and the
    /// singular values are then the columns' norms. Accurate to a few ulps relative to the largest one.
    /// Cost: O(min(m,n)²·max(m,n)) per sweep, usually under 10 sweeps. NaN everywhere for non-finite input.
    public static func singularValues(_ a: Tensor) -> [Double] {
        precondition(a.shape.rank == 2, "singular values of a matrix, not \(a.shape)")
        // Work on the rows of the thinner orientation: each row of `u` is a column being orthogonalised.
        let u0 = a.shape.rows >= a.shape.cols ? a.transposed() : a
        let count = u0.shape.rows, length = u0.shape.cols
        if count == 0 { return [] }
        guard a.isFinite else { return Array(repeating: .nan, count: count) }
        // Scale by a power of two (exact) so that squares neither overflow nor underflow.
        let largest = u0.scalars.reduce(0) { Swift.max($0, abs($1)) }
        if largest == 0 { return Array(repeating: 0, count: count) }
        let scale = Double(sign: .plus, exponent: largest.exponent, significand: 1)
        var u = u0.scalars.map { $0 / scale }
        let tolerance = Double.ulpOfOne
        u.withUnsafeMutableBufferPointer { u in
            for _ in 0..<80 {
                var rotated = false
                for p in 0..<(count - 1) {
                    for q in (p + 1)..<count {
                        var alpha = 0.0, beta = 0.0, gamma = 0.0
                        for i in 0..<length {
                            let x = u[p * length + i], y = u[q * length + i]
                            alpha += x * x; beta += y * y; gamma += x * y
                        }
                        if gamma == 0 || abs(gamma) <= tolerance * alpha.squareRoot() * beta.squareRoot() { continue }
                        rotated = true
                        // The rotation that zeroes the (p, q) entry of UᵀU: t = tan θ, the smaller root of
                        // t² + 2ζt − 1 = 0 with ζ = (β − α)/2γ.
                        let zeta = (beta - alpha) / (2 * gamma)
                        let t = (zeta >= 0 ? 1.0 : -1.0) / (abs(zeta) + (1 + zeta * zeta).squareRoot())
                        let c = 1 / (1 + t * t).squareRoot(), s = c * t
                        for i in 0..<length {
                            let x = u[p * length + i], y = u[q * length + i]
                            u[p * length + i] = c * x - s * y
                            u[q * length + i] = s * x + c * y
                        }
                    }
                }
                if !rotated { break }
            }
        }
        var values = (0..<count).map { row in
            scale * frobeniusNorm(Tensor(shape: .vector(length), scalars: Array(u[row * length ..< (row + 1) * length])))
        }
        values.sort(by: >)
        return values
    }

    /// The spectral norm ‖A‖₂, the largest singular value (numpy `norm(a, 2)`); 0 for an empty matrix.
    public static func spectralNorm(_ a: Tensor) -> Double {
        singularValues(a).first ?? 0
    }
}
