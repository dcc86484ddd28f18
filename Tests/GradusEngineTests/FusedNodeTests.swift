import Testing
@testable import GradusEngine

/// The layers build fused nodes (`Variable.affine`, the LSTM's gates, cell state and hidden state); these tests
/// hold them to the graphs of elementary ops they replace: the same values and the same gradients, bit for bit.
@Suite("Fused nodes give the bits of the composed graph")
struct FusedNodeTests {
    private func bits(_ t: Tensor?) -> [UInt64] { t?.scalars.map(\.bitPattern) ?? [] }

    @Test("Linear (x·W + b in one node) against x.matmul(W) + b, over a three-layer MLP", arguments: [1, 5, 13, 40])
    func linearMatchesComposed(batch: Int) {
        var rng = Generator(seed: UInt64(batch))
        let net = MLP(sizes: [7, 16, 9, 3], activation: .tanh, generator: &rng)
        let x = Variable(Tensor.normal(.matrix(batch, 7), generator: &rng))
        let target = Variable.constant(Tensor.normal(.matrix(batch, 3), generator: &rng))
        net(x).meanSquaredError(target).backward()
        let fused = (net.parameters.map { bits($0.grad) }, bits(x.grad))
        for p in net.parameters { p.zeroGrad() }
        x.zeroGrad()
        var h = x
        for (index, layer) in net.layers.enumerated() {
            h = h.matmul(layer.weight) + layer.bias!
            if index < net.layers.count - 1 { h = h.tanh() }
        }
        #expect(bits(h.value) == bits(net(x).value))
        h.meanSquaredError(target).backward()
        #expect(net.parameters.map { bits($0.grad) } == fused.0)
        #expect(bits(x.grad) == fused.1)
    }

    @Test("An LSTM unrolled over 12 steps against the gate equations written with elementary ops",
          arguments: [(1, 8), (4, 8), (32, 8), (3, 7), (13, 5), (2, 1)])
    func lstmMatchesComposed(batch: Int, hidden n: Int) {
        // Widths that are not a multiple of four end each row on a part of a group of four lanes.
        var rng = Generator(seed: 40 + UInt64(batch))
        let cell = LSTMCell(inputs: 5, hidden: n, generator: &rng)
        let xs = (0..<12).map { _ in Variable(Tensor.normal(.matrix(batch, 5), generator: &rng)) }
        let h0 = Variable(Tensor.normal(.matrix(batch, n), generator: &rng))
        let c0 = Variable(Tensor.normal(.matrix(batch, n), generator: &rng))
        let seed = Tensor.normal(.matrix(batch, n), generator: &rng)
        let leaves = cell.parameters + xs + [h0, c0]

        var state = (h: h0, c: c0)
        for x in xs { state = cell(x, state) }
        state.h.backward(seed: seed)
        let fusedValue = bits(state.h.value), fusedGrads = leaves.map { bits($0.grad) }
        for leaf in leaves { leaf.zeroGrad() }

        var h = h0, c = c0
        for x in xs {
            let a = x.matmul(cell.inputWeight) + h.matmul(cell.hiddenWeight) + cell.bias
            let i = a.columns(0 ..< n).sigmoid(), f = a.columns(n ..< 2 * n).sigmoid()
            let g = a.columns(2 * n ..< 3 * n).tanh(), o = a.columns(3 * n ..< 4 * n).sigmoid()
            c = f * c + i * g
            h = o * c.tanh()
        }
        h.backward(seed: seed)
        #expect(bits(h.value) == fusedValue)
        for (index, leaf) in leaves.enumerated() {
            #expect(bits(leaf.grad) == fusedGrads[index], "gradient of leaf \(index) (\(leaf.name ?? "x"))")
        }
    }

    @Test("The LSTM's internal gate node drops its gradient after use; the states keep theirs, parameters accumulate")
    func lstmGatesDropTheirGradient() {
        var rng = Generator(seed: 47)
        let n = 6, cell = LSTMCell(inputs: 4, hidden: n, generator: &rng)
        let xs = (0..<5).map { _ in Variable.constant(Tensor.normal(.matrix(3, 4), generator: &rng)) }
        var state = (h: Variable(Tensor.zeros(.matrix(3, n))), c: Variable(Tensor.zeros(.matrix(3, n))))
        for x in xs { state = cell(x, state) }
        let loss = state.h.sum()
        loss.backward()
        let gates = state.h.inputs[0]
        #expect(gates.grad == nil && !gates.keepsGrad)
        #expect(state.h.grad != nil && state.c.grad != nil)
        let once = cell.parameters.map { $0.grad! }
        loss.backward()
        // Each step's part is added as it comes, so the second sum is rounded otherwise than 2·first.
        for (parameter, first) in zip(cell.parameters, once) {
            for (twice, one) in zip(parameter.grad!.scalars, first.scalars) {
                #expect(abs(twice - 2 * one) <= 1e-12 * max(1, abs(one)))
            }
        }
    }

    @Test("The LSTM's Wₕᵀ, made once for its backward passes, follows every change of Wₕ: in place and assigned",
          arguments: [1, 16])
    func lstmTransposeFollowsUpdates(batch: Int) {
        var rng = Generator(seed: 90 + UInt64(batch))
        let n = 4, cell = LSTMCell(inputs: 3, hidden: n, generator: &rng)
        let xs = (0..<3).map { _ in Variable.constant(Tensor.normal(.matrix(batch, 3), generator: &rng)) }
        let h0 = Variable(Tensor.normal(.matrix(batch, n), generator: &rng))
        let c0 = Variable(Tensor.normal(.matrix(batch, n), generator: &rng))
        // ∂(Σh₃)/∂h₀ through the fused cell, and through the gate equations written with elementary ops.
        func fusedGradient() -> [UInt64] {
            h0.zeroGrad(); cell.zeroGrad()
            var state = (h: h0, c: c0)
            for x in xs { state = cell(x, state) }
            state.h.sum().backward()
            return bits(h0.grad)
        }
        func composedGradient() -> [UInt64] {
            h0.zeroGrad(); cell.zeroGrad()
            var h = h0, c = c0
            for x in xs {
                let a = x.matmul(cell.inputWeight) + h.matmul(cell.hiddenWeight) + cell.bias
                let i = a.columns(0 ..< n).sigmoid(), f = a.columns(n ..< 2 * n).sigmoid()
                let g = a.columns(2 * n ..< 3 * n).tanh(), o = a.columns(3 * n ..< 4 * n).sigmoid()
                c = f * c + i * g
                h = o * c.tanh()
            }
            h.sum().backward()
            return bits(h0.grad)
        }
        let first = fusedGradient()
        #expect(first == composedGradient())
        // An optimizer step changes Wₕ in place.
        var sgd = SGD(parameters: cell.parameters, learningRate: 0.5)
        sgd.step()
        let afterStep = fusedGradient()
        #expect(afterStep != first)
        #expect(afterStep == composedGradient())
        // A new value assigned.
        cell.hiddenWeight.value = Tensor.normal(.matrix(n, 4 * n), generator: &rng)
        let afterAssignment = fusedGradient()
        #expect(afterAssignment != afterStep)
        #expect(afterAssignment == composedGradient())
    }

    @Test("RNN and GRU cells against their equations written with elementary ops", arguments: [1, 6, 20])
    func recurrentCellsMatchComposed(batch: Int) {
        var rng = Generator(seed: 70 + UInt64(batch))
        let n = 7
        let rnn = RNNCell(inputs: 3, hidden: n, generator: &rng), gru = GRUCell(inputs: 3, hidden: n, generator: &rng)
        let xs = (0..<9).map { _ in Variable(Tensor.normal(.matrix(batch, 3), generator: &rng)) }
        let h0 = Variable(Tensor.normal(.matrix(batch, n), generator: &rng))
        let leaves = rnn.parameters + gru.parameters + xs + [h0]
        func run(_ step: (Variable, Variable) -> Variable) -> ([UInt64], [[UInt64]]) {
            for leaf in leaves { leaf.zeroGrad() }
            let last = xs.reduce(h0) { h, x in step(x, h) }
            last.sum().backward()
            return (bits(last.value), leaves.map { bits($0.grad) })
        }
        let fusedRNN = run { x, h in rnn(x, h) }
        let composedRNN = run { x, h in
            (x.matmul(rnn.inputWeight) + h.matmul(rnn.hiddenWeight) + rnn.bias).tanh()
        }
        #expect(fusedRNN.0 == composedRNN.0)
        #expect(fusedRNN.1 == composedRNN.1)
        let fusedGRU = run { x, h in gru(x, h) }
        let composedGRU = run { x, h in
            let u = x.matmul(gru.inputWeight) + gru.inputBias, v = h.matmul(gru.hiddenWeight) + gru.hiddenBias
            let r = (u.columns(0 ..< n) + v.columns(0 ..< n)).sigmoid()
            let z = (u.columns(n ..< 2 * n) + v.columns(n ..< 2 * n)).sigmoid()
            let candidate = (u.columns(2 * n ..< 3 * n) + r * v.columns(2 * n ..< 3 * n)).tanh()
            return (1 - z) * candidate + z * h
        }
        #expect(fusedGRU.0 == composedGRU.0)
        #expect(fusedGRU.1 == composedGRU.1)
    }

    @Test("sumRows, eight columns at a time, gives the bits of summing each column down the rows")
    func sumRowsMatchesColumnByColumn() {
        var rng = Generator(seed: 12)
        for rows in [0, 1, 2, 7, 128] {
            for cols in [0, 1, 7, 8, 9, 16, 63, 64, 100] {
                var t = Tensor.normal(.matrix(rows, cols), generator: &rng)
                if rows * cols > 3 { t.scalars[1] = -0.0; t.scalars[2] = .nan }
                var expected = [Double](repeating: 0, count: cols)
                for r in 0..<rows { for c in 0..<cols { expected[c] += t.scalars[r * cols + c] } }
                #expect(t.sumRows().shape == .matrix(1, cols))
                #expect(bits(t.sumRows()) == expected.map(\.bitPattern), "\(rows) × \(cols)")
            }
        }
    }

    @Test("An SGD step in place gives the bits of the step through a new tensor")
    func sgdInPlace() {
        var rng = Generator(seed: 3)
        let w = Variable(Tensor.normal(.matrix(4, 6), generator: &rng))
        w.grad = Tensor.normal(.matrix(4, 6), generator: &rng)
        let expected = w.value.zipMap(w.grad!) { w, d in w + -0.3 * d }
        var sgd = SGD(parameters: [w], learningRate: 0.3)
        sgd.step()
        #expect(bits(w.value) == bits(expected))
    }
}
