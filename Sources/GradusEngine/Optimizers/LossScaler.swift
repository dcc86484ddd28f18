/// Dynamic loss scaling for half-precision training (Micikevicius et al., "Mixed Precision Training", ICLR
/// 2018), with the rules of PyTorch's `torch.amp.GradScaler`: the loss is multiplied by `scale` before the
/// backward pass so that small gradients stay representable; before the update the gradients are divided by it
/// again. When a gradient is infinite or NaN, the step is skipped and the scale multiplied by `backoffFactor`;
/// after `growthInterval` steps in a row without one, it is multiplied by `growthFactor`.
public struct DynamicLossScaler: Sendable, Equatable {
    /// S, the current factor.
    public private(set) var scale: Double
    public let growthFactor: Double
    public let backoffFactor: Double
    /// N, the number of finite steps in a row after which the scale grows.
    public let growthInterval: Int
    /// Finite steps since the last growth or overflow.
    public private(set) var goodSteps = 0
    /// Steps skipped so far because a gradient was not finite.
    public private(set) var skippedSteps = 0

    /// PyTorch's defaults: S = 2¹⁶, growth × 2 after 2000 finite steps, × 0.5 on overflow.
    public init(scale: Double = 65536, growthFactor: Double = 2, backoffFactor: Double = 0.5,
                growthInterval: Int = 2000) {
        precondition(scale > 0 && growthFactor > 1 && backoffFactor > 0 && backoffFactor < 1 && growthInterval >= 1,
                     "invalid loss scaler settings")
        self.scale = scale
        self.growthFactor = growthFactor
        self.backoffFactor = backoffFactor
        self.growthInterval = growthInterval
    }

    /// Records one step whose scaled gradients were finite or not, and returns whether the update should be
    /// applied (false: skip it).
    @discardableResult
    public mutating func update(gradientsFinite: Bool) -> Bool {
        guard gradientsFinite else {
            scale *= backoffFactor
            goodSteps = 0
            skippedSteps += 1
            return false
        }
        goodSteps += 1
        if goodSteps == growthInterval {
            scale *= growthFactor
            goodSteps = 0
        }
        return true
    }

    /// Divides every gradient by the scale (the unscaled gradient the optimizer uses) and says whether all of
    /// them are finite.
    public func unscale(_ parameters: [Variable]) -> Bool {
        let inverse = 1 / scale
        var finite = true
        for p in parameters where p.grad != nil {
            p.grad!.apply { $0 * inverse }
            if !p.grad!.isFinite { finite = false }
        }
        return finite
    }
}
