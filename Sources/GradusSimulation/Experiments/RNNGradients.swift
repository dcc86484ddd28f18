import GradusEngine

/// ‖∂h_T/∂h_{T−k}‖₂ (the largest singular value of the Jacobian) for an Elman RNN whose recurrent matrix is a
/// random Gaussian matrix rescaled so that its spectral radius (or its largest singular value) is r, for seven
/// values of r from 0.8 to 3; the median over several seeds.
///
/// In the linear cell h' = x·Wₓ + h·Wₕ + b the Jacobian is (Wₕᵀ)ᵏ, whose norm behaves like rᵏ: it vanishes for
/// r < 1 and explodes for r > 1 (Pascanu, Mikolov & Bengio, "On the difficulty of training recurrent neural
/// networks", ICML 2013). The tanh cell multiplies every step by diag(1 − h²) ≤ 1, so its gradients shrink
/// faster and grow only at a larger r: around r = 2 to 3 the cell is chaotic and the products grow with k. The
/// Jacobians are the engine's backward pass run for every hidden
/// unit at once: seeded with the identity, the pass ∂h_T/∂h_{t−1} = (∂h_T/∂h_t ⊙ φ′(h_t))·Wₕᵀ becomes one
/// matrix product per step, with the same sums in the same order as one backward pass per unit (a test
/// checks the bits against `backward(seed:)`). Each norm is the largest singular value by Lanczos iteration
/// (`LinearAlgebra.largestSingularValue`), not a full SVD per k: hidden 128 and max_k 200 take well under 2 s.
enum RNNGradients {
    static let radii: [Double] = [0.8, 0.9, 1.0, 1.1, 1.2, 2.0, 3.0]

    static let simulation = Simulation(
        name: "rnn-gradients",
        title: Localized(pt: "Gradiente através do tempo numa RNN: ‖∂h_T/∂h_{T−k}‖",
                         de: "Gradient durch die Zeit in einem RNN: ‖∂h_T/∂h_{T−k}‖",
                         en: "Gradient through time in an RNN: ‖∂h_T/∂h_{T−k}‖"),
        summary: "norm of ∂h_T/∂h_{T−k} for recurrent matrices scaled to spectral radius (or largest singular value) r = 0.8 … 3",
        parameters: [
            ParameterSpec("cell", .choice(["linear", "tanh"]), default: .choice("linear"), help: "recurrent nonlinearity"),
            ParameterSpec("scale", .choice(["radius", "singular"]), default: .choice("radius"),
                          help: "r sets the spectral radius or the largest singular value of the recurrent matrix"),
            ParameterSpec("hidden", .integer(2...128), default: .integer(16), help: "hidden units"),
            ParameterSpec("max_k", .integer(1...200), default: .integer(50), help: "largest number of steps back"),
            ParameterSpec("every", .integer(1...200), default: .integer(1), help: "show every this many steps (and k = 1)"),
            ParameterSpec("seeds", .integer(1...50), default: .integer(3), help: "runs whose median is shown"),
        ],
        usesSeed: true,
        columns: [.init("k", Labels.stepsBack)] + radii.map { r in
            let en = "r = \(r)", comma = en.replacingOccurrences(of: ".", with: ",")
            return .init("r_\(Int((r * 10).rounded()))", Localized(pt: comma, de: comma, en: en))
        },
        compute: { parameters, seed in
            let maxK = parameters.integer("max_k"), every = parameters.integer("every")
            let shown = [1] + Array(stride(from: every, through: maxK, by: every)).filter { $0 > 1 }
            let seeds = Statistics.seeds(seed, count: parameters.integer("seeds"))
            let cell: RNNCell.Nonlinearity = parameters.choice("cell") == "tanh" ? .tanh : .identity
            let bySingularValue = parameters.choice("scale") == "singular", hidden = parameters.integer("hidden")
            // One run per (seed, r), on every core; each run's numbers do not depend on the others.
            let runs = Statistics.parallelMap(seeds.flatMap { runSeed in radii.map { (runSeed, $0) } }) { runSeed, r in
                jacobianNorms(cell: cell, bySingularValue: bySingularValue, r: r, hidden: hidden, shown: shown,
                              seed: runSeed)
            }
            let medians = radii.indices.map { i in
                Statistics.medians(seeds.indices.map { s in runs[s * radii.count + i] })
            }
            return shown.indices.map { row in [.number(Double(shown[row]))] + medians.map { .number($0[row]) } }
        })

    /// ‖∂h_T/∂h_{T−k}‖₂ for each k in `shown` (ascending), with T = the largest k, for one random cell.
    static func jacobianNorms(cell nonlinearity: RNNCell.Nonlinearity, bySingularValue: Bool, r: Double,
                              hidden: Int, shown: [Int], seed: UInt64) -> [Double] {
        let (cell, states) = unroll(cell: nonlinearity, bySingularValue: bySingularValue, r: r, hidden: hidden,
                                    steps: shown.last!, seed: seed)
        var norms: [Double] = []
        norms.reserveCapacity(shown.count)
        jacobians(states, cell: cell, shown: shown) { _, jacobian in
            norms.append(LinearAlgebra.largestSingularValue(jacobian))
        }
        return norms
    }

    /// A cell with 4 inputs whose recurrent matrix is N(0, 1) rescaled to spectral radius (or largest singular
    /// value) r, run for `steps` steps on N(0, 1) inputs from h₀ = 0: the cell and the states h₀ … h_steps.
    static func unroll(cell nonlinearity: RNNCell.Nonlinearity, bySingularValue: Bool, r: Double, hidden: Int,
                       steps: Int, seed: UInt64) -> (cell: RNNCell, states: [Variable]) {
        let inputs = 4
        var generator = Generator(seed: seed)
        let cell = RNNCell(inputs: inputs, hidden: hidden, nonlinearity: nonlinearity, generator: &generator)
        let w = Tensor.normal(.matrix(hidden, hidden), generator: &generator)
        let size = bySingularValue ? LinearAlgebra.largestSingularValue(w) : LinearAlgebra.spectralRadius(w)
        cell.hiddenWeight.value = w * (r / size)
        // h₀ is a parameter so that ∂h_T/∂h₀ is recorded too.
        var states = [Variable(Tensor.zeros(.matrix(1, hidden)), name: "h0")]
        for _ in 0..<steps {
            let x = Variable.constant(Tensor.normal(.matrix(1, inputs), generator: &generator))
            states.append(cell(x, states[states.count - 1]))
        }
        return (cell, states)
    }

    /// ∂h_T/∂h_{T−k} (hidden × hidden, row i = ∂h_T[i]) for each k in `shown`, T = the last state, handed to
    /// `body` in the order of `shown`: the backward pass of every hidden unit at once. Row i of
    /// G₀ = I is the seed of unit i; each step back applies the rules the engine's backward pass applies to
    /// one row, to all rows: the tanh node's g ⊙ (1 − h²) (the linear cell has none), then the product node's
    /// g·Wₕᵀ, whose sums run over the same index in the same order whether g has one row or many. So G_k holds,
    /// bit for bit, what `backward(seed:)` leaves in h_{T−k}.grad for each unit (`jacobiansByBackward`).
    /// Cost: max k products of hidden × hidden matrices, instead of hidden backward passes of max k steps.
    static func jacobians(_ states: [Variable], cell: RNNCell, shown: [Int], _ body: (Int, Tensor) -> Void) {
        let steps = states.count - 1, hidden = states[steps].value.count
        let weight = cell.hiddenWeight.value
        var g = Tensor.identity(hidden)
        var next = shown.startIndex
        for k in 1...max(shown.last ?? 0, 1) where next < shown.endIndex {
            if cell.nonlinearity == .tanh {
                let y = states[steps - k + 1].value
                g = g.broadcasting(y) { g, y in g * (1 - y * y) }
            }
            g = Tensor.gemm(g, transposeA: false, weight, transposeB: true)
            if k == shown[next] {
                body(k, g)
                next += 1
            }
        }
    }

    /// The same Jacobians as `jacobians(_:cell:shown:_:)`, by one engine backward pass per hidden unit, seeded
    /// with a unit vector (which fills row i of every ∂h_T/∂h_{T−k} at once): the reference the tests hold the
    /// batched pass to.
    static func jacobiansByBackward(_ states: [Variable], shown: [Int]) -> [Tensor] {
        let steps = states.count - 1, last = states[steps], hidden = last.value.count
        var jacobians = shown.map { _ in Tensor.zeros(.matrix(hidden, hidden)) }
        for i in 0..<hidden {
            var unit = Tensor.zeros(last.shape)
            unit.scalars[i] = 1
            states[0].zeroGrad()
            last.backward(seed: unit)
            for (index, k) in shown.enumerated() {
                let g = states[steps - k].grad!
                for j in 0..<hidden { jacobians[index][i, j] = g.scalars[j] }
            }
        }
        return jacobians
    }
}
