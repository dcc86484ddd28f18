import GradusEngine

/// The loss scale after a run of steps of which two overflow, by the engine's `DynamicLossScaler` (PyTorch's
/// GradScaler rules): halve and skip on overflow, double after N overflow-free steps in a row.
enum LossScaleUpdate {
    static let initial = DrawnValue("s0", help: "the first scale, a power of 2", from: .oneOf([1024, 2048, 4096, 8192, 16384, 32768, 65536]))
    static let interval = DrawnValue("n", help: "N, overflow-free steps in a row before the scale doubles", from: .oneOf([2, 3, 4, 5]))
    static let steps = DrawnValue("steps", help: "the number of steps", from: .steps(8, 16, decimals: 0))
    static let first = DrawnValue("o1", help: "the first step that overflows", from: .steps(1, 16, decimals: 0))
    static let second = DrawnValue("o2", help: "the second step that overflows", from: .steps(1, 16, decimals: 0))

    static let generator = QuestionGenerator(
        name: "loss-scale-update",
        summary: "the dynamic loss scale after a number of steps of which two overflow (halve and skip; double after N good steps)",
        values: [initial.listing, interval.listing, steps.listing, first.listing, second.listing,
                 .computed("growths", help: "how often the scale doubled")],
        relativeTolerance: 0.001
    ) { generator in
        let s0 = initial.draw(&generator), n = Int(interval.draw(&generator)), total = Int(steps.draw(&generator))
        let o1 = Int(first.draw(&generator)), o2 = Int(second.draw(&generator))
        guard o1 < o2, o2 <= total else { return nil }
        let overflows = Set([o1, o2])
        var scaler = DynamicLossScaler(scale: s0, growthInterval: n)
        var growths = 0
        for t in 1...total {
            let before = scaler.scale
            scaler.update(gradientsFinite: !overflows.contains(t))
            if scaler.scale > before { growths += 1 }
        }
        guard growths > 0 else { return nil }
        return .init(
            shown: [initial.shown(s0), interval.shown(Double(n)), steps.shown(Double(total)), first.shown(Double(o1)),
                    second.shown(Double(o2)), .init("growths", Double(growths))],
            answer: scaler.scale,
            distractors: [
                mistaken(s0, n, total, overflows, resetOnOverflow: false, halve: true),   // the count not reset
                mistaken(s0, n, total, overflows, resetOnOverflow: true, halve: false),   // overflow only skips
                mistaken(s0, n, total, overflows, resetOnOverflow: false, halve: false),  // overflows ignored
            ])
    }

    /// The scale under a misremembered rule: an overflow halves the scale or not, resets the count of good steps
    /// or not; every other step counts, and N of them double the scale.
    static func mistaken(_ s0: Double, _ n: Int, _ total: Int, _ overflows: Set<Int>, resetOnOverflow: Bool,
                         halve: Bool) -> Double {
        var scale = s0, good = 0
        for t in 1...total {
            if overflows.contains(t) {
                if halve { scale /= 2 }
                if resetOnOverflow { good = 0 }
                continue
            }
            good += 1
            if good == n { scale *= 2; good = 0 }
        }
        return scale
    }
}
