import Foundation
import Testing
@testable import GradusSimulation

@Suite("matrix-product")
struct MatrixProductTests {
    @Test("The mean squared norm of a product of k Gaussian matrices is n·(n·s²)ᵏ", arguments: [1.0, 0.5])
    func expectedSquaredNorm(gain: Double) {
        // E‖W x‖² = n·s²·‖x‖² for W with i.i.d. N(0, s²) entries, so E‖Wₖ⋯W₁‖²_F = n·(n·s²)ᵏ.
        let n = 6, std = gain / Double(n).squareRoot(), shown = [1, 2, 3]
        let runs = (0..<2000).map { MatrixProduct.norms(n: n, maxK: 3, std: std, shown: shown, seed: UInt64($0)) }
        for (index, k) in shown.enumerated() {
            let meanSquare = runs.map { $0[index] * $0[index] }.reduce(0, +) / Double(runs.count)
            let expected = Double(n) * pow(Double(n) * std * std, Double(k))
            #expect(abs(meanSquare / expected - 1) < 0.1, "k = \(k): \(meanSquare) vs \(expected)")
        }
    }

    @Test("N(0, 1) entries make the norm explode at about √n per factor; N(0, 1/(4n)) make it vanish at about ½")
    func explosionAndVanishing() throws {
        let n = 8.0
        let table = try runSimulation("matrix-product", [("n", "8"), ("max_k", "40"), ("every", "10"), ("seeds", "5")])
        let k = try table.numbers("k"), unit = try table.numbers("norm_unit"), small = try table.numbers("norm_small")
        #expect(k == [1, 10, 20, 30, 40])
        // Log-growth per factor between k = 10 and k = 40, against ln √n and ln ½ (the typical, not the mean,
        // growth is a little lower; the tolerance covers that and the seeds' spread).
        let unitRate = (log(unit[4]) - log(unit[1])) / 30, smallRate = (log(small[4]) - log(small[1])) / 30
        #expect(abs(unitRate - log(n.squareRoot())) < 0.15, "growth \(unitRate)")
        #expect(abs(smallRate - log(0.5)) < 0.15, "decay \(smallRate)")
        #expect(zip(unit, unit.dropFirst()).allSatisfy { $0 < $1 })
        #expect(zip(small, small.dropFirst()).allSatisfy { $0 > $1 })
        #expect(try table.numbers("expected_unit") == k.map { pow(n, ($0 + 1) / 2) })
    }
}

@Suite("matrix-product: one product for the three scales")
struct MatrixProductSharedProductTests {
    @Test("Where the scales are powers of two (n = 16) the shared product gives the bits of three products")
    func powerOfTwoScalesAreExact() {
        let n = 16, shown = [1, 5, 10, 40]
        let scales = [1, 1 / Double(n).squareRoot(), 0.5 / Double(n).squareRoot()]
        let fast = MatrixProduct.norms(n: n, maxK: 40, scales: scales, shown: shown, seed: 3)
        for (index, scale) in scales.enumerated() {
            let direct = MatrixProduct.norms(n: n, maxK: 40, std: scale, shown: shown, seed: 3)
            #expect(fast[index].map(\.bitPattern) == direct.map(\.bitPattern), "scale \(scale)")
        }
    }

    @Test("Elsewhere it agrees with three products to rounding (1e-12 relative)")
    func otherScalesAgree() {
        let n = 10, shown = [1, 2, 9, 30, 60]
        let scales = [1, 1 / Double(n).squareRoot(), 0.5 / Double(n).squareRoot()]
        let fast = MatrixProduct.norms(n: n, maxK: 60, scales: scales, shown: shown, seed: 8)
        for (index, scale) in scales.enumerated() {
            let direct = MatrixProduct.norms(n: n, maxK: 60, std: scale, shown: shown, seed: 8)
            for (a, b) in zip(fast[index], direct) { #expect(abs(a - b) <= 1e-12 * b, "scale \(scale): \(a) vs \(b)") }
        }
    }

    @Test("A norm beyond the largest Double is ∞ while the other scales, in range, stay exact")
    func overflowOnlyWhereTheNormDoes() {
        // With N(0, 1) entries and n = 32 the norm passes 2¹⁰²⁴ near k = 409.
        let n = 32, shown = [100, 300, 450]
        let scales = [1, 1 / Double(n).squareRoot(), 0.5 / Double(n).squareRoot()]
        let fast = MatrixProduct.norms(n: n, maxK: 450, scales: scales, shown: shown, seed: 2)
        let direct = scales.map { MatrixProduct.norms(n: n, maxK: 450, std: $0, shown: shown, seed: 2) }
        #expect(fast[0][0] == direct[0][0] && fast[0][1] == direct[0][1])
        #expect(fast[0][2] == .infinity)
        for index in 1...2 {
            for (a, b) in zip(fast[index], direct[index]) { #expect(abs(a - b) <= 1e-11 * b, "scale \(scales[index])") }
        }
    }
}
