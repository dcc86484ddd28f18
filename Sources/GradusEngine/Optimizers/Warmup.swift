/// A linear learning-rate warm-up: the multiplier of the base learning rate rises in equal steps from 1/W at
/// the first update to 1 at update W, and stays 1 after (PyTorch's `LambdaLR` with `min(1, (s + 1)/W)`, s counted
/// from 0). With W = 0 there is no warm-up.
public struct LinearWarmup: Sendable, Equatable {
    /// W, the number of updates over which the learning rate rises.
    public let steps: Int

    public init(steps: Int) {
        precondition(steps >= 0, "a warm-up cannot last \(steps) steps")
        self.steps = steps
    }

    /// The multiplier at update `t`, counted from 1: min(1, t/W).
    public func factor(atStep t: Int) -> Double {
        precondition(t >= 1, "updates are counted from 1, not \(t)")
        return steps == 0 || t >= steps ? 1 : Double(t) / Double(steps)
    }

    /// The learning rate of update `t` for base rate `base`.
    public func learningRate(_ base: Double, atStep t: Int) -> Double { base * factor(atStep: t) }
}
