import Foundation
import Testing
@testable import GradusEngine

@Suite("Initialisers draw with the spread their papers prescribe")
struct InitializerTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let initializer: Initializer
        let expectedStd: Double
        let bound: Double?
        var testDescription: String { "\(initializer)" }
    }

    // fanIn = 300, fanOut = 200, formulas written out independently of the implementation.
    static let cases: [Case] = [
        Case(initializer: .normal(std: 0.05), expectedStd: 0.05, bound: nil),
        Case(initializer: .uniform(bound: 0.3), expectedStd: 0.3 / sqrt(3), bound: 0.3),
        Case(initializer: .xavierUniform(), expectedStd: sqrt(2.0 / 500), bound: sqrt(6.0 / 500)),
        Case(initializer: .xavierNormal(gain: 5.0 / 3.0), expectedStd: 5.0 / 3.0 * sqrt(2.0 / 500), bound: nil),
        Case(initializer: .heUniform(), expectedStd: sqrt(2.0 / 300), bound: sqrt(6.0 / 300)),
        Case(initializer: .heNormal(), expectedStd: sqrt(2.0 / 300), bound: nil),
    ]

    @Test("Sample standard deviation and bounds", arguments: cases)
    func spread(_ c: Case) {
        var rng = Generator(seed: 17)
        let t = c.initializer.tensor(.matrix(300, 200), fanIn: 300, fanOut: 200, generator: &rng)
        let n = Double(t.count)
        let mean = t.sum() / n
        let std = (t.scalars.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / n).squareRoot()
        // The sample std of 60 000 draws is within 1.5% of the true one with overwhelming probability.
        #expect(abs(std / c.expectedStd - 1) < 0.015, "std \(std), expected \(c.expectedStd)")
        #expect(abs(mean) < 5 * c.expectedStd / n.squareRoot())
        #expect(abs(c.initializer.standardDeviation(fanIn: 300, fanOut: 200) / c.expectedStd - 1) < 1e-12)
        if let bound = c.bound {
            let largest = t.scalars.map(abs).max()!
            #expect(largest <= bound && largest > 0.99 * bound)
        }
    }

    @Test("Constant fills, and gains follow PyTorch's calculate_gain")
    func constantsAndGains() {
        var rng = Generator(seed: 1)
        #expect(Initializer.constant(0.5).tensor(.vector(4), fanIn: 1, fanOut: 1, generator: &rng).scalars == [0.5, 0.5, 0.5, 0.5])
        #expect(Initializer.gain(for: .tanh) == 5.0 / 3.0)
        #expect(Initializer.gain(for: .relu) == sqrt(2))
        #expect(Initializer.gain(for: .sigmoid) == 1)
        #expect(abs(Initializer.gain(for: .leakyRelu(slope: 0.01)) - sqrt(2 / (1 + 0.0001))) < 1e-15)
    }
}
