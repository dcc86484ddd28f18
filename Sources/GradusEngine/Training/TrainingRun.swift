/// A training loop that records what the course's divergence experiments show: the loss and gradient norm at
/// every step, and the first step at which either stops being finite.
public struct TrainingRun {
    /// What first became non-finite.
    public enum Quantity: Hashable, Sendable {
        case loss
        /// The gradient of `parameters[index]`.
        case gradient(parameterIndex: Int)
    }

    /// The first non-finite value: its step (0-based, the index passed to the loss closure) and what it was.
    public struct NonFinite: Hashable, Sendable {
        public let step: Int
        public let quantity: Quantity
    }

    /// The loss at each step taken.
    public private(set) var losses: [Double] = []
    /// The global gradient norm at each step, before clipping.
    public private(set) var gradientNorms: [Double] = []
    /// The first step at which the loss or a gradient was NaN or infinite, if any.
    public private(set) var firstNonFinite: NonFinite?

    /// Runs `steps` steps of: zero gradients, `loss(step)`, backward, optional clipping by global norm,
    /// `optimizer.step()`. Non-finite values flow on (IEEE) unless `stopAtNonFinite`, which ends the run after
    /// recording the step where they first appear (before that step's update).
    public init<O: Optimizer>(steps: Int, optimizer: inout O, clipNorm: Double? = nil, stopAtNonFinite: Bool = false,
                              loss: (Int) -> Variable) {
        for step in 0..<steps {
            optimizer.zeroGrad()
            let value = loss(step)
            value.backward()
            losses.append(value.value.item)
            gradientNorms.append(Clipping.globalNorm(optimizer.parameters))
            if firstNonFinite == nil {
                if !value.value.isFinite {
                    firstNonFinite = NonFinite(step: step, quantity: .loss)
                } else if let index = optimizer.parameters.firstIndex(where: { !($0.grad?.isFinite ?? true) }) {
                    firstNonFinite = NonFinite(step: step, quantity: .gradient(parameterIndex: index))
                }
                if firstNonFinite != nil && stopAtNonFinite { return }
            }
            if let clipNorm { Clipping.clipGradientNorm(optimizer.parameters, maxNorm: clipNorm) }
            optimizer.step()
        }
    }
}
