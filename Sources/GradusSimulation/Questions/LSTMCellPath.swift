import GradusEngine

/// ∂c₄/∂c₀ along an LSTM's cell state over four steps with drawn forget gates: c_t = f_t·c_{t−1} + i_t·g_t makes
/// it f₁·f₂·f₃·f₄, whatever the input gates and candidates. Computed by the engine's reverse pass through its
/// `LSTMCell`, with Wₕ = 0 so the hidden state does not feed the gates and the cell state is the only path.
enum LSTMCellPath {
    static let steps = 4
    static let forgetGates = (1...steps).map {
        DrawnValue("f\($0)", help: "the forget gate at step \($0)", from: .steps(0.5, 0.99, decimals: 2))
    }

    static let generator = QuestionGenerator(
        name: "lstm-cell-path",
        summary: "∂c₄/∂c₀ along the cell state of an LSTM over 4 steps: the product of the forget gates",
        values: forgetGates.map(\.listing),
        relativeTolerance: 0.002
    ) { generator in
        let f = forgetGates.map { $0.draw(&generator) }
        // The rest of each step, drawn but not shown: the answer does not depend on them.
        let i = f.map { _ in NumberSet.steps(0.1, 0.9, decimals: 1).draw(&generator) }
        let g = f.map { _ in NumberSet.steps(-0.9, 0.9, decimals: 1).draw(&generator) }
        let c0 = NumberSet.steps(-1, 1, decimals: 1).draw(&generator)
        let pass = forward(cell: c0, gates: (0..<steps).map { (i: i[$0], f: f[$0], g: g[$0]) })
        pass.output.backward()
        guard let answer = pass.input.grad?.item else { return nil }
        let forgotten: Double = f.reduce(1) { $0 * (1 - $1) }          // f read as the share forgotten
        let stepShort: Double = f.dropFirst().reduce(1, *)            // one step short
        let withSlopes: Double = f.reduce(1) { $0 * $1 * (1 - $1) }   // the gates' σ′ multiplied in
        return .init(shown: zip(forgetGates, f).map { $0.shown($1) }, answer: answer,
                     distractors: [forgotten, stepShort, withSlopes])
    }

    /// c_k from c₀ = `cell` (a parameter, so the reverse pass reaches it) through one-unit LSTM steps whose gates
    /// take the given values: each step's input is its gates' pre-activations (σ⁻¹ of i and f, tanh⁻¹ of g) and
    /// Wₓ is the identity, so the cell's own sigmoid and tanh give them back.
    static func forward(cell: Double, gates: [(i: Double, f: Double, g: Double)]) -> (output: Variable, input: Variable) {
        var unused = Generator(seed: 0)
        let lstm = LSTMCell(inputs: 4, hidden: 1, initializer: .constant(0), generator: &unused)
        lstm.inputWeight.value = Tensor.identity(4)
        lstm.bias.value = Tensor.zeros(.vector(4))
        let c0 = Variable(Tensor(rows: [[cell]]), name: "c0")
        var state = (h: Variable.constant(Tensor.zeros(.matrix(1, 1))), c: c0)
        for gate in gates {
            let x = Variable.constant(Tensor(rows: [[logit(gate.i), logit(gate.f), inverseTanh(gate.g), 0]]))
            state = lstm(x, state)
        }
        return (state.c, c0)
    }

    /// σ⁻¹(p) = ln(p/(1 − p)), with the engine's platform-independent logarithm.
    static func logit(_ p: Double) -> Double { Generator.log(p / (1 - p)) }

    /// tanh⁻¹(y) = ½·ln((1 + y)/(1 − y)).
    static func inverseTanh(_ y: Double) -> Double { Generator.log((1 + y) / (1 - y)) / 2 }
}
