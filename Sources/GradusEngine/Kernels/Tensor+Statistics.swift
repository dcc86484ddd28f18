/// Summary statistics of a tensor's elements, for the simulations' tables (numpy's defaults: population
/// variance, ddof = 0).
extension Tensor {
    /// The mean of all elements; NaN for an empty tensor.
    public func mean() -> Double { sum() / Double(count) }

    /// The population variance of all elements, Σ(x − mean)²/n (numpy `var`), computed in two passes.
    public func variance() -> Double {
        let m = mean()
        return scalars.withUnsafeBufferPointer { p in
            var s = 0.0
            for x in p { s += (x - m) * (x - m) }
            return s / Double(p.count)
        }
    }

    /// The population standard deviation (numpy `std`).
    public func standardDeviation() -> Double { variance().squareRoot() }

    /// The fraction of elements for which `predicate` holds (for instance, dead ReLU units: `{ $0 <= 0 }`).
    public func fraction(where predicate: (Double) -> Bool) -> Double {
        Double(scalars.reduce(0) { $0 + (predicate($1) ? 1 : 0) }) / Double(count)
    }
}

extension LinearAlgebra {
    /// `a` multiplied by the scalar that gives it spectral radius `radius` (for recurrent matrices in the
    /// vanishing/exploding experiments). Traps when `a`'s spectral radius is 0.
    public static func rescaled(_ a: Tensor, toSpectralRadius radius: Double) -> Tensor {
        let current = spectralRadius(a)
        precondition(current > 0, "cannot rescale a matrix of spectral radius \(current)")
        return a * (radius / current)
    }
}
