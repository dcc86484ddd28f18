import GradusEngine
/// Every simulation Gradus knows, by name.
public struct Registry: Sendable {
    /// The version of the engine the simulations run on, for the cache keys of their tables.
    public static let engineVersion = GradusEngine.version

    public var simulations: [Simulation]

    public init(_ simulations: [Simulation]) { self.simulations = simulations }

    /// The simulations the course can use, in the order `--list` shows them.
    public static let standard = Registry([
        BackpropExample.simulation,
        ActivationDerivatives.simulation,
        MatrixProduct.simulation,
        DepthGradients.simulation,
        RNNGradients.simulation,
        GradientClipping.simulation,
        LSTMvsRNN.simulation,
        BatchNormGradients.simulation,
        WeightDecay.simulation,
        DyingReLU.simulation,
        Strategies.simulation,
        ResidualGradients.simulation,
        NormBatchNoise.simulation,
        NormBatchTraining.simulation,
        LNPlacement.simulation,
        OptimizerValley.simulation,
        AdamWarmup.simulation,
        DecoupledDecay.simulation,
        FloatRounding.simulation,
        LossScaleSweep.simulation,
        DynamicLossScaling.simulation,
    ])

    public subscript(name: String) -> Simulation? { simulations.first { $0.name == name } }

    public var names: [String] { simulations.map(\.name) }
}
