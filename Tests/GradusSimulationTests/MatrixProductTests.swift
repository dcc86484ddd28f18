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
