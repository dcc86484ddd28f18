import Foundation
import Testing
import GradusEngine
@testable import GradusSimulation

@Suite("Statistics")
struct StatisticsTests {
    @Test("The median takes the middle value, the mean of the middle two, and sorts NaN above everything")
    func median() {
        #expect(Statistics.median([3, 1, 2]) == 2)
        #expect(Statistics.median([4, 1, 3, 2]) == 2.5)
        #expect(Statistics.median([.nan, 1, 5]) == 5)
        #expect(Statistics.median([.nan, .nan, 1]).isNaN)
        #expect(Statistics.median([.infinity, .infinity, 1, 2]) == .infinity)
        #expect(Statistics.medians([[1, 10], [3, 30], [2, 20]]) == [2, 20])
    }

    @Test("The scaled norm equals √Σx² and stays finite where the sum of squares overflows")
    func norm() {
        #expect(Statistics.norm(Tensor([3, 4])) == 5)
        #expect(Statistics.norm(Tensor([0, 0])) == 0)
        let huge = Tensor([3e200, 4e200])
        #expect(LinearAlgebra.frobeniusNorm(huge) == .infinity)
        #expect(abs(Statistics.norm(huge) / 5e200 - 1) < 1e-15)
        #expect(Statistics.norm(Tensor([1, .nan])).isNaN)
        #expect(Statistics.norm(Tensor([1, -.infinity])) == .infinity)
    }

    @Test("The standard deviation is the population one, as numpy's default")
    func standardDeviation() {
        // numpy.std([1, 2, 3, 4]) = √1.25
        #expect(abs(Statistics.standardDeviation(Tensor([1, 2, 3, 4])) - 1.25.squareRoot()) < 1e-15)
    }

    @Test("A map started costliest first gives every result in the order of the items, as a plain map does")
    func costliestFirst() {
        let items = Array(0..<40)
        let costs: [(Int) -> Int] = [{ $0 }, { -$0 }, { $0 % 3 }, { _ in 0 }]
        for cost in costs {
            #expect(Statistics.parallelMap(items, cost: cost) { $0 * $0 + 1 } == items.map { $0 * $0 + 1 })
        }
        #expect(Statistics.parallelMap([Int](), cost: { $0 }) { $0 }.isEmpty)
    }

    @Test("Derived seeds are distinct, and the same for the same seed")
    func seeds() {
        let a = Statistics.seeds(1, count: 5)
        #expect(Set(a).count == 5)
        #expect(a == Statistics.seeds(1, count: 5))
        #expect(a != Statistics.seeds(2, count: 5))
    }
}
