import GradusEngine

/// ‖∂h_T/∂x_{T−k}‖_F, how much the last hidden state still depends on the input k steps back, for a vanilla tanh
/// RNN, an LSTM and a GRU of the same size with PyTorch's initialisation (the LSTM's forget-gate bias set to a
/// parameter), the median over several seeds.
///
/// In the vanilla RNN every step multiplies the gradient by diag(1 − h²)·Wₕᵀ, so it decays geometrically. The
/// LSTM's cell state is carried by c' = f ⊙ c + …, whose Jacobian along that path is diag(f): with the forget
/// gate near 1 (bias 1, as Gers, Schmidhuber & Cummins, 2000, and Jozefowicz, Zaremba & Sutskever, 2015,
/// recommend) the gradient decays far more slowly (Hochreiter & Schmidhuber, 1997). The GRU's update gate plays
/// the same role, h' = (1 − z) ⊙ n + z ⊙ h.
///
/// The gradients of all hidden units come from one backward pass: the sequence runs as a batch of `hidden`
/// identical rows, and the pass is seeded with the identity, so row i of each input's gradient is ∂h_T[i]/∂x.
/// Every op of the three cells works row by row (the matrix products sum over the same index in the same
/// order for one row or many), so the rows hold the bits that one backward pass per unit gives
/// (`inputGradientNormsByUnit`, which a test compares with).
enum LSTMvsRNN {
    static let simulation = Simulation(
        name: "lstm-vs-rnn",
        title: Localized(pt: "Gradiente em relação à entrada k passos atrás: RNN, LSTM e GRU",
                         de: "Gradient nach der Eingabe k Schritte zurück: RNN, LSTM und GRU",
                         en: "Gradient with respect to the input k steps back: RNN, LSTM and GRU"),
        summary: "norm of ∂h_T/∂x_{T−k} for a vanilla tanh RNN, an LSTM and a GRU",
        parameters: [
            ParameterSpec("hidden", .integer(1...128), default: .integer(32), help: "hidden units of each cell"),
            ParameterSpec("max_k", .integer(1...200), default: .integer(50), help: "largest number of steps back"),
            ParameterSpec("every", .integer(1...200), default: .integer(5), help: "show every this many steps (and k = 0)"),
            ParameterSpec("forget_bias", .real(-10...10), default: .real(1), help: "initial bias of the LSTM's forget gate"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(3), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [
            .init("k", Labels.stepsBack),
            .init("rnn", Localized(pt: "RNN simples (tanh)", de: "einfaches RNN (tanh)", en: "vanilla RNN (tanh)")),
            .init("lstm", "LSTM"),
            .init("gru", "GRU"),
        ],
        compute: { parameters, seed in
            let maxK = parameters.integer("max_k"), every = parameters.integer("every")
            let shown = [0] + Array(stride(from: every, through: maxK, by: every)).filter { $0 > 0 }
            let hidden = parameters.integer("hidden"), forgetBias = parameters.real("forget_bias")
            let seeds = Statistics.seeds(seed, count: parameters.integer("seeds"))
            let jobs = seeds.flatMap { runSeed in Model.allCases.map { (runSeed, $0) } }
            let runs = Statistics.parallelMap(jobs, cost: { $0.1.gates }) { runSeed, model in
                inputGradientNorms(model: model, hidden: hidden, forgetBias: forgetBias, shown: shown, seed: runSeed)
            }
            let models = Model.allCases.count
            let medians = Model.allCases.indices.map { m in
                Statistics.medians(seeds.indices.map { s in runs[s * models + m] })
            }
            return shown.indices.map { row in [.number(Double(shown[row]))] + medians.map { .number($0[row]) } }
        })

    enum Model: CaseIterable {
        case rnn, lstm, gru

        /// The blocks of Wₕ a step multiplies by: what a run costs, relative to the others.
        var gates: Int {
            switch self {
            case .rnn: return 1
            case .lstm: return 4
            case .gru: return 3
            }
        }
    }

    /// ‖∂h_T/∂x_{T−k}‖_F for each k in `shown` (ascending from 0), with T − k running over the last
    /// `shown.last! + 1` inputs of a sequence of N(0, 1) inputs.
    static func inputGradientNorms(model: Model, hidden: Int, forgetBias: Double, shown: [Int], seed: UInt64) -> [Double] {
        let (xs, forward) = setUp(model: model, hidden: hidden, forgetBias: forgetBias, steps: shown.last! + 1,
                                  rows: hidden, seed: seed)
        let last = forward(xs)
        last.backward(seed: Tensor.identity(hidden))
        // Row i of x's gradient is ∂h_T[i]/∂x; the squares are summed in the order of one pass per unit.
        var squares = [Double](repeating: 0, count: shown.count)
        for i in 0..<hidden {
            for (index, k) in shown.enumerated() {
                let x = xs[xs.count - 1 - k], width = x.shape.cols
                guard let g = x.grad else { continue }
                for j in 0..<width { squares[index] += g.scalars[i * width + j] * g.scalars[i * width + j] }
            }
        }
        return squares.map { $0.squareRoot() }
    }

    /// The same norms by one backward pass per hidden unit on a batch of one row: the reference for the tests.
    static func inputGradientNormsByUnit(model: Model, hidden: Int, forgetBias: Double, shown: [Int],
                                         seed: UInt64) -> [Double] {
        let (xs, forward) = setUp(model: model, hidden: hidden, forgetBias: forgetBias, steps: shown.last! + 1,
                                  rows: 1, seed: seed)
        return inputGradientNorms(forward(xs), inputs: xs, shown: shown)
    }

    /// `steps` inputs (1 × 4, N(0, 1), as parameters so that they collect gradients), each repeated in `rows`
    /// identical rows, and the network as a function from a sequence of inputs to its last hidden state,
    /// starting from zeros.
    static func setUp(model: Model, hidden: Int, forgetBias: Double, steps: Int, rows: Int = 1, seed: UInt64)
        -> (inputs: [Variable], forward: ([Variable]) -> Variable) {
        let inputs = 4
        var generator = Generator(seed: seed)
        let xs = (0..<steps).map { _ in
            let x = Tensor.normal(.matrix(1, inputs), generator: &generator)
            return Variable(Tensor(shape: .matrix(rows, inputs), scalars: Array((0..<rows).map { _ in x.scalars }.joined())),
                            name: "x")
        }
        let zeros = Variable.constant(Tensor.zeros(.matrix(rows, hidden)))
        switch model {
        case .rnn:
            let cell = RNNCell(inputs: inputs, hidden: hidden, generator: &generator)
            return (xs, { $0.reduce(zeros) { h, x in cell(x, h) } })
        case .lstm:
            let cell = LSTMCell(inputs: inputs, hidden: hidden, generator: &generator)
            for j in hidden ..< 2 * hidden { cell.bias.value.scalars[j] = forgetBias }   // gate order i, f, g, o
            return (xs, { $0.reduce((h: zeros, c: zeros)) { state, x in cell(x, state) }.h })
        case .gru:
            let cell = GRUCell(inputs: inputs, hidden: hidden, generator: &generator)
            return (xs, { $0.reduce(zeros) { h, x in cell(x, h) } })
        }
    }

    /// ‖∂last/∂xs[count − 1 − k]‖_F for each k in `shown`: one backward pass per element of `last`, each seeded
    /// with a unit vector, summing the squares of the inputs' gradients.
    static func inputGradientNorms(_ last: Variable, inputs xs: [Variable], shown: [Int]) -> [Double] {
        var squares = [Double](repeating: 0, count: shown.count)
        for i in 0..<last.value.count {
            var unit = Tensor.zeros(last.shape)
            unit.scalars[i] = 1
            for x in xs { x.zeroGrad() }
            last.backward(seed: unit)
            for (index, k) in shown.enumerated() {
                for g in xs[xs.count - 1 - k].grad?.scalars ?? [] { squares[index] += g * g }
            }
        }
        return squares.map { $0.squareRoot() }
    }
}
