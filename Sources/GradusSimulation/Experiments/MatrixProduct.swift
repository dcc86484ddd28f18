import Foundation
import GradusEngine

/// The Frobenius norm of Wₖ⋯W₂W₁ for k random n × n matrices with i.i.d. N(0, s²) entries, the median over
/// several seeds, for three scales s: 1 (naive), 1/√n (variance-preserving) and ½/√n (shrinking).
///
/// Each factor multiplies the expected squared norm by n·s², so E‖Wₖ⋯W₁‖²_F = n·(n·s²)ᵏ: with s = 1 the norm
/// grows like n^((k+1)/2) (explosion), with s = ½/√n it falls like 2⁻ᵏ (vanishing). The `expected` column is
/// that root-mean-square value for s = 1. Norms beyond the largest Double show ∞, below the smallest 0. Within
/// one run the three scales share their random draws, so the columns differ by the scale alone:
/// ‖sᵏ·P‖ = sᵏ·‖P‖. The product is therefore computed once per run, at unit scale, and kept in range by exact
/// powers of two; each scale's norm is then sᵏ·‖P‖ (`norms(n:maxK:scales:shown:seed:)`). Where s is a power of
/// two (n = 4, 16, 64, 256) that gives the bits of three separate products; elsewhere it differs from them by
/// rounding alone (a test checks both), and it never overflows on the way to a norm that is in range.
enum MatrixProduct {
    static let simulation = Simulation(
        name: "matrix-product",
        title: Localized(pt: "Norma do produto de k matrizes gaussianas aleatórias",
                         de: "Norm des Produkts von k zufälligen Gauß-Matrizen",
                         en: "Norm of the product of k random Gaussian matrices"),
        summary: "Frobenius norm of a product of k random Gaussian n×n matrices for three scales of the entries (explosion and vanishing)",
        parameters: [
            ParameterSpec("n", .integer(2...256), default: .integer(16), help: "size of each n×n matrix"),
            ParameterSpec("max_k", .integer(1...1000), default: .integer(100), help: "largest number of factors"),
            ParameterSpec("every", .integer(1...1000), default: .integer(5), help: "show every this many factors (and k = 1)"),
            ParameterSpec("seeds", .integer(1...100), default: .integer(5), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("k", Localized(pt: "número de matrizes (k)", de: "Anzahl der Matrizen (k)", en: "number of matrices (k)")),
            .init("norm_unit", Localized(pt: "norma, entradas N(0, 1)", de: "Norm, Einträge N(0, 1)", en: "norm, entries N(0, 1)")),
            .init("expected_unit", Localized(pt: "valor quadrático médio para N(0, 1): n^((k+1)/2)",
                                             de: "quadratisches Mittel für N(0, 1): n^((k+1)/2)",
                                             en: "root mean square for N(0, 1): n^((k+1)/2)")),
            .init("norm_scaled", Localized(pt: "norma, entradas N(0, 1/n)", de: "Norm, Einträge N(0, 1/n)", en: "norm, entries N(0, 1/n)")),
            .init("norm_small", Localized(pt: "norma, entradas N(0, 1/(4n))", de: "Norm, Einträge N(0, 1/(4n))",
                                          en: "norm, entries N(0, 1/(4n))")),
        ],
        compute: { parameters, seed in
            let n = parameters.integer("n"), maxK = parameters.integer("max_k"), every = parameters.integer("every")
            let shown = [1] + Array(stride(from: every, through: maxK, by: every)).filter { $0 > 1 }
            let scales = [1, 1 / Double(n).squareRoot(), 0.5 / Double(n).squareRoot()]
            let runs = Statistics.parallelMap(Statistics.seeds(seed, count: parameters.integer("seeds"))) { runSeed in
                norms(n: n, maxK: maxK, scales: scales, shown: shown, seed: runSeed)
            }
            let medians = scales.indices.map { s in Statistics.medians(runs.map { $0[s] }) }
            return shown.indices.map { row in
                let k = shown[row]
                let expected = Foundation.pow(Double(n), Double(k + 1) / 2)
                return [Double(k), medians[0][row], expected, medians[1][row], medians[2][row]].map(Table.Cell.number)
            }
        })

    /// ‖Wₖ⋯W₁‖_F for each k in `shown` (ascending), the factors drawn in order from one generator with entries
    /// N(0, std²): the direct computation, three times the work of `norms(n:maxK:scales:shown:seed:)`, kept as
    /// the reference its tests compare with.
    static func norms(n: Int, maxK: Int, std: Double, shown: [Int], seed: UInt64) -> [Double] {
        var generator = Generator(seed: seed)
        var product = Tensor.identity(n)
        var result: [Double] = []
        var next = shown.startIndex
        for k in 1...maxK where next < shown.endIndex {
            product = Tensor.normal(.matrix(n, n), std: std, generator: &generator).matmul(product)
            if k == shown[next] {
                result.append(Statistics.norm(product))
                next += 1
            }
        }
        return result
    }

    /// For each scale s in `scales`, ‖Wₖ⋯W₁‖_F with entries N(0, s²) for each k in `shown` (ascending), the
    /// factors drawn as `norms(n:maxK:std:shown:seed:)` draws them: one product P of unit-scale factors, kept as
    /// 2^e·P̃ with the largest entry of P̃ between 2⁻⁵⁰⁰ and 2⁵⁰⁰ (rescaling by a power of two is exact), and
    /// sᵏ·2^e·‖P̃‖ for each s, so that a norm overflows (∞) or underflows (0) only when its true value does.
    static func norms(n: Int, maxK: Int, scales: [Double], shown: [Int], seed: UInt64) -> [[Double]] {
        var generator = Generator(seed: seed)
        var product = Tensor.identity(n)
        var exponent = 0                                   // P = 2^exponent · product
        // sᵏ as mantissa · 2^exponent, renormalised every step (exact), so that it neither overflows nor underflows.
        var powers = scales.map { _ in (mantissa: 1.0, exponent: 0) }
        var result = scales.map { _ in [Double]() }
        var next = shown.startIndex
        for k in 1...maxK where next < shown.endIndex {
            product = Tensor.normal(.matrix(n, n), generator: &generator).matmul(product)
            for (index, scale) in scales.enumerated() {
                let m = powers[index].mantissa * scale
                powers[index] = (m.significand, powers[index].exponent + Int(m.exponent))
            }
            let largest = product.scalars.reduce(0) { Swift.max($0, abs($1)) }
            if largest.isFinite && largest != 0 && (largest.exponent > 500 || largest.exponent < -500) {
                let shift = Int(largest.exponent)
                product = product.map { Double(sign: .plus, exponent: -shift, significand: $0) }
                exponent += shift
            }
            if k == shown[next] {
                let norm = Statistics.norm(product)
                for index in scales.indices {
                    let (mantissa, power) = powers[index]
                    result[index].append(Double(sign: .plus, exponent: exponent + power, significand: norm * mantissa))
                }
                next += 1
            }
        }
        return result
    }
}
