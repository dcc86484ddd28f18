/// GradusEngine: the numerical core of Gradus' simulations. No dependencies beyond the Swift toolchain.
///
/// ## The design in one paragraph
/// `Tensor` is a plain value (rank 0–2, `Double`, contiguous row-major, batch-first: one example per row) with
/// fast kernels and no memory of where it came from. `Variable` is a final-class node of a reverse-mode graph
/// (micrograd's `Value`, holding a tensor): a parameter is `Variable(tensor)`, data is `Variable.constant(tensor)`,
/// and every op on variables (`+ − * /` with broadcasting, `matmul`, `tanh`, `softmax`, `crossEntropy`,
/// `batchNorm`, …) returns a new node that remembers its inputs and its derivative rule (`Gradients*.swift`).
/// `backward()` walks the graph once in reverse topological order; gradients accumulate in parameters' `grad`
/// (PyTorch semantics: zero them between steps) and are also left readable on every intermediate node, which
/// is what the per-layer gradient experiments read. Layers (`Linear`, `MLP`, `RNNCell`, `LSTMCell`, `GRUCell`,
/// `BatchNorm`) are small structs holding parameter variables; optimizers (`SGD`, `Adam`) update parameters'
/// values in place; `Clipping` and `TrainingRun` cover divergence; `LinearAlgebra` has norms, eigenvalues and
/// Jacobians; `Generator` is the seeded random source (the same numbers everywhere). An op the engine lacks
/// can be added from outside with `Variable.custom(_:inputs:gradients:)`.
///
/// ## Example: one training step and a gradient
/// ```swift
/// var rng = Generator(seed: 42)
/// let net = MLP(inputs: 2, width: 16, depth: 3, outputs: 1, activation: .tanh,
///               initializer: .xavierNormal(gain: Initializer.gain(for: .tanh)), generator: &rng)
/// var sgd = SGD(parameters: net.parameters, learningRate: 0.1, momentum: 0.9)
/// let x = Variable.constant(Tensor(rows: [[0, 1], [1, 0]]))
/// let y = Variable.constant(Tensor(rows: [[1], [1]]))
///
/// sgd.zeroGrad()
/// let trace = net.trace(x)                          // forward, keeping every layer's output
/// let loss = trace.output.meanSquaredError(y)
/// loss.backward()                                   // reverse pass
/// let firstWeightGradient = net.layers[0].weight.grad!          // ∂loss/∂W₁, a Tensor (inputs × width)
/// let firstLayerGradient = trace.activations[0].grad!           // ∂loss/∂h₁, batch × width
/// Clipping.clipGradientNorm(net.parameters, maxNorm: 1)          // optional
/// sgd.step()                                        // W ← W − η·v
/// ```
///
/// ## Conventions
/// - Non-finite values flow as IEEE 754 says: nothing traps or clamps; `Tensor.isFinite` and `TrainingRun`
///   tell when they appear.
/// - Weights are stored `inputs × outputs` (y = x·W + b), the transpose of PyTorch's `weight`.
/// - Graphs are single-threaded; tensors are `Sendable`, so separate simulations may run on separate threads,
///   each with its own graph and generator.
public enum GradusEngine {
    /// The engine's version, part of the cache keys of simulation tables: raised whenever the engine's results
    /// change, even in their last bits (2: fused products, the vectorised sigmoid), so that no cached table of
    /// older numbers is shown.
    public static let version = "2"
}
