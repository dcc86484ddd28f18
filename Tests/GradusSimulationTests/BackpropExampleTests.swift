import Foundation
import Testing
import GradusTestSupport
@testable import GradusSimulation

@Suite("backprop-example")
struct BackpropExampleTests {
    /// The example's loss as a plain function of its weights, written here independently of the simulation:
    /// p = [w11, w12, w21, w22, b1, b2, v1, v2, c], where wⱼᵢ is the weight from input i into hidden unit j.
    static func loss(_ p: [Double], x: [Double], y: Double) -> Double {
        func sigma(_ t: Double) -> Double { 1 / (1 + exp(-t)) }
        let h1 = sigma(p[0] * x[0] + p[1] * x[1] + p[4]), h2 = sigma(p[2] * x[0] + p[3] * x[1] + p[5])
        let o = sigma(p[6] * h1 + p[7] * h2 + p[8])
        return 0.5 * (o - y) * (o - y)
    }

    static let weights = [0.15, 0.20, -0.25, 0.30, 0.10, -0.10, 0.40, -0.50, 0.20]
    static let gradientRows = ["∂L/∂w₁₁", "∂L/∂w₁₂", "∂L/∂w₂₁", "∂L/∂w₂₂", "∂L/∂b₁", "∂L/∂b₂", "∂L/∂v₁", "∂L/∂v₂", "∂L/∂c"]

    @Test("The engine's autodiff and the chain rule by hand agree on every value", arguments: [
        (0.5, -1.0, 1.0), (2.0, 3.0, 0.0), (-4.0, 0.25, 0.7),
    ])
    func engineMatchesHand(x1: Double, x2: Double, target: Double) throws {
        let table = try runSimulation("backprop-example", [("x1", "\(x1)"), ("x2", "\(x2)"), ("target", "\(target)")])
        for (engine, hand) in zip(try table.numbers("engine"), try table.numbers("chain_rule")) {
            #expect(abs(engine - hand) <= 1e-15 + 1e-13 * abs(hand), "engine \(engine), by hand \(hand)")
        }
    }

    @Test("Every weight gradient matches central finite differences of the loss", arguments: [
        (0.5, -1.0, 1.0), (2.0, 3.0, 0.0), (-4.0, 0.25, 0.7),
    ])
    func finiteDifferences(x1: Double, x2: Double, target: Double) throws {
        let table = try runSimulation("backprop-example", [("x1", "\(x1)"), ("x2", "\(x2)"), ("target", "\(target)")])
        let quantities = table.texts("quantity"), engine = try table.numbers("engine")
        let h = 1e-6
        for (index, name) in Self.gradientRows.enumerated() {
            var plus = Self.weights, minus = Self.weights
            plus[index] += h
            minus[index] -= h
            let numeric = (Self.loss(plus, x: [x1, x2], y: target) - Self.loss(minus, x: [x1, x2], y: target)) / (2 * h)
            let row = try #require(quantities.firstIndex(of: name))
            #expect(abs(engine[row] - numeric) < 1e-9, "\(name): \(engine[row]) vs \(numeric)")
        }
        // The loss itself, from the independent function.
        let lossRow = try #require(quantities.firstIndex(of: "L"))
        #expect(abs(engine[lossRow] - Self.loss(Self.weights, x: [x1, x2], y: target)) < 1e-15)
    }

    @Test("The default example's pre-activations are the hand-computed sums")
    func handComputedSums() throws {
        let table = try runSimulation("backprop-example")
        let values = Dictionary(uniqueKeysWithValues: zip(table.texts("quantity"), try table.numbers("engine")))
        // z₁ = 0.15·0.5 + 0.20·(−1) + 0.10 = −0.025;  z₂ = −0.25·0.5 + 0.30·(−1) − 0.10 = −0.525
        #expect(abs(values["z₁"]! - -0.025) < 1e-15)
        #expect(abs(values["z₂"]! - -0.525) < 1e-15)
        // ∂L/∂o = o − y with y = 1, and ∂L/∂c = ∂L/∂zₒ since zₒ = … + c.
        #expect(values["∂L/∂o"]! == values["o"]! - 1)
        #expect(values["∂L/∂c"]! == values["∂L/∂zₒ"]!)
    }

    @Test("The Portuguese markdown table matches its golden file")
    func golden() throws {
        let table = try runSimulation("backprop-example")
        #expect(Golden.mismatch(TableFormat.markdown.render(table, language: "pt", separators: .comma), named: "backprop-example.pt.md") == nil)
    }
}
