import Dispatch
import GradusEngine

/// Summaries over repeated runs, and the seeds those runs use.
enum Statistics {
    /// The median of `values` (the mean of the two middle ones for an even count). NaN sorts above +∞, so a
    /// few failed runs move the median up rather than poisoning it; NaN only when more than half are NaN.
    static func median(_ values: [Double]) -> Double {
        precondition(!values.isEmpty, "median of no values")
        let sorted = values.sorted { a, b in a.isNaN ? false : (b.isNaN || a < b) }
        let middle = sorted.count / 2
        if sorted.count % 2 == 1 { return sorted[middle] }
        let a = sorted[middle - 1], b = sorted[middle]
        if a.isInfinite && a == b { return a }
        return a / 2 + b / 2
    }

    /// The median of each position across runs: `runs[r][i]` → median over r, for every i.
    static func medians(_ runs: [[Double]]) -> [Double] {
        guard let count = runs.first?.count else { return [] }
        precondition(runs.allSatisfy { $0.count == count }, "runs of different lengths")
        return (0..<count).map { i in median(runs.map { $0[i] }) }
    }

    /// `count` independent seeds derived from `seed` by SplitMix64, one per repeated run.
    static func seeds(_ seed: UInt64, count: Int) -> [UInt64] {
        var mixer = SplitMix64(seed: seed)
        return (0..<count).map { _ in mixer.next() }
    }

    /// `body` applied to every element of `items`, the calls shared between the cores (Dispatch's pool), the
    /// results in the order of `items`. Each call must depend on its own item alone (its own generator, its own
    /// graph), so the results are those of a plain `map`, whatever the threads do.
    static func parallelMap<Item, Result>(_ items: [Item], _ body: (Item) -> Result) -> [Result] {
        if items.count < 2 { return items.map(body) }
        var results = [Result?](repeating: nil, count: items.count)
        results.withUnsafeMutableBufferPointer { slots in
            let output = UnsafeSendable(slots.baseAddress!)
            withoutActuallyEscaping(body) { body in
                let work = UnsafeSendable(body)
                items.withUnsafeBufferPointer { input in
                    let source = UnsafeSendable(input.baseAddress!)
                    DispatchQueue.concurrentPerform(iterations: items.count) { index in
                        (output.value + index).pointee = work.value(source.value[index])
                    }
                }
            }
        }
        return results.map { $0! }
    }

    /// `parallelMap` with the costliest items started first, so that a long item does not start last and keep
    /// one core busy alone at the end; the results are still in the order of `items`.
    static func parallelMap<Item, Result>(_ items: [Item], cost: (Item) -> Int, _ body: (Item) -> Result) -> [Result] {
        let costs = items.map(cost)
        let order = items.indices.sorted { a, b in costs[a] != costs[b] ? costs[a] > costs[b] : a < b }
        let results = parallelMap(order) { body(items[$0]) }
        var placed = [Result?](repeating: nil, count: items.count)
        for (position, index) in order.enumerated() { placed[index] = results[position] }
        return placed.map { $0! }
    }

    /// The population standard deviation of every element of `t`.
    static func standardDeviation(_ t: Tensor) -> Double {
        let n = Double(t.count)
        let mean = t.sum() / n
        var squares = 0.0
        for x in t.scalars { squares += (x - mean) * (x - mean) }
        return (squares / n).squareRoot()
    }
}

extension Statistics {
    /// The Frobenius norm √Σ xᵢ² computed on x/max|x|, so it overflows only when the norm itself does (the
    /// engine's `frobeniusNorm`, like numpy, overflows once the sum of squares passes 1.8e308). NaN if any is.
    static func norm(_ t: Tensor) -> Double {
        var largest = 0.0
        for x in t.scalars {
            if x.isNaN { return .nan }
            largest = Swift.max(largest, abs(x))
        }
        if largest == 0 || largest.isInfinite { return largest }
        var squares = 0.0
        for x in t.scalars { squares += (x / largest) * (x / largest) }
        return largest * squares.squareRoot()
    }
}

/// A value handed to the threads of `Statistics.parallelMap`, which keep to disjoint slots.
private struct UnsafeSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
