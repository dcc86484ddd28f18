import Testing
@testable import GradusEngine

@Suite("Every layer's gradients agree with central finite differences")
struct LayerGradientTests {
    private func check(_ name: String, _ parameters: [Variable], _ loss: () -> Variable) {
        let errors = GradientCheck().errors(parameters: parameters, loss)
        for (index, error) in errors.enumerated() {
            #expect(error < 1e-6, "\(name), parameter \(index) (\(parameters[index].name ?? "?")): relative error \(error)")
        }
    }

    @Test("Linear, with the input as a parameter too")
    func linear() {
        var rng = Generator(seed: 1)
        let layer = Linear(inputs: 5, outputs: 3, bias: .uniform(bound: 1), generator: &rng)
        let x = Variable(Tensor.normal(.matrix(4, 5), generator: &rng), name: "x")
        check("Linear", layer.parameters + [x]) { projected(layer(x)) }
    }

    @Test("MLP with each activation", arguments: [Activation.sigmoid, .tanh, .relu, .leakyRelu(slope: 0.1),
                                                  .prelu(initialSlope: 0.25), .identity])
    func mlp(_ activation: Activation) {
        var rng = Generator(seed: 2)
        let net = MLP(inputs: 4, width: 6, depth: 3, outputs: 2, activation: activation,
                      initializer: .xavierNormal(gain: Initializer.gain(for: activation)), generator: &rng)
        for layer in net.layers { layer.bias!.value = Tensor.normal(layer.bias!.shape, std: 0.1, generator: &rng) }
        let x = Variable.constant(Tensor.normal(.matrix(5, 4), generator: &rng))
        check("MLP \(activation)", net.parameters) { projected(net(x)) }
    }

    @Test("Elman RNN unrolled over five steps", arguments: [RNNCell.Nonlinearity.tanh, .identity])
    func rnn(_ nonlinearity: RNNCell.Nonlinearity) {
        var rng = Generator(seed: 3)
        let cell = RNNCell(inputs: 3, hidden: 4, nonlinearity: nonlinearity, generator: &rng)
        let xs = (0..<5).map { _ in Variable.constant(Tensor.normal(.matrix(2, 3), generator: &rng)) }
        let h0 = Variable(Tensor.normal(.matrix(2, 4), generator: &rng), name: "h0")
        check("RNN", cell.parameters + [h0]) {
            var h = h0
            for x in xs { h = cell(x, h) }
            return projected(h)
        }
    }

    @Test("LSTM unrolled over five steps, through h and c")
    func lstm() {
        var rng = Generator(seed: 4)
        let cell = LSTMCell(inputs: 3, hidden: 4, generator: &rng)
        let xs = (0..<5).map { _ in Variable.constant(Tensor.normal(.matrix(2, 3), generator: &rng)) }
        let h0 = Variable(Tensor.normal(.matrix(2, 4), generator: &rng), name: "h0")
        let c0 = Variable(Tensor.normal(.matrix(2, 4), generator: &rng), name: "c0")
        check("LSTM", cell.parameters + [h0, c0]) {
            var state = (h: h0, c: c0)
            for x in xs { state = cell(x, state) }
            return projected(state.h) + projected(state.c, seed: 78)
        }
    }

    @Test("GRU unrolled over five steps")
    func gru() {
        var rng = Generator(seed: 5)
        let cell = GRUCell(inputs: 3, hidden: 4, generator: &rng)
        let xs = (0..<5).map { _ in Variable.constant(Tensor.normal(.matrix(2, 3), generator: &rng)) }
        let h0 = Variable(Tensor.normal(.matrix(2, 4), generator: &rng), name: "h0")
        check("GRU", cell.parameters + [h0]) {
            var h = h0
            for x in xs { h = cell(x, h) }
            return projected(h)
        }
    }

    @Test("BatchNorm in training mode inside a small network")
    func batchNorm() {
        var rng = Generator(seed: 6)
        let first = Linear(inputs: 3, outputs: 4, bias: nil, generator: &rng)
        let norm = BatchNorm(features: 4)
        norm.scale.value = Tensor.normal(.vector(4), generator: &rng)
        norm.shift.value = Tensor.normal(.vector(4), generator: &rng)
        let x = Variable.constant(Tensor.normal(.matrix(8, 3), generator: &rng))
        check("BatchNorm", first.parameters + norm.parameters) { projected(norm(first(x)).tanh()) }
    }

    @Test("A bias just before batch norm gets no gradient: normalisation removes any per-column shift")
    func biasBeforeBatchNorm() {
        var rng = Generator(seed: 8)
        let first = Linear(inputs: 3, outputs: 4, bias: .uniform(bound: 1), generator: &rng)
        let norm = BatchNorm(features: 4)
        let x = Variable.constant(Tensor.normal(.matrix(8, 3), generator: &rng))
        projected(norm(first(x)).tanh()).backward()
        let weightScale = first.weight.grad!.scalars.map(abs).max()!
        #expect(weightScale > 1e-3)
        #expect(first.bias!.grad!.scalars.allSatisfy { abs($0) < 1e-14 * weightScale })
    }

    @Test("MLP with batch norm between each linear map and its activation")
    func mlpWithBatchNorm() {
        var rng = Generator(seed: 9)
        let net = MLP(inputs: 3, width: 5, depth: 3, outputs: 2, activation: .tanh, batchNorm: true, generator: &rng)
        #expect(net.normalizations.count == 2 && net.parameters.count == 6 + 4)
        for norm in net.normalizations { norm.shift.value = Tensor.normal(.vector(5), generator: &rng) }
        let x = Variable.constant(Tensor.normal(.matrix(7, 3), generator: &rng))
        let hidden = net.layers.dropLast().flatMap { [$0.weight] }
        check("MLP with batch norm", hidden + [net.layers.last!.weight, net.layers.last!.bias!]
              + net.normalizations.flatMap(\.parameters)) { projected(net(x)) }
        // γ = 1, so each normalised pre-activation's column mean is its β.
        let trace = net.trace(x)
        let means = trace.preActivations[0].value.sumRows().scalars.map { $0 / 7 }
        for (mean, beta) in zip(means, net.normalizations[0].shift.value.scalars) { #expect(abs(mean - beta) < 1e-14) }
    }

    @Test("Cross-entropy of an MLP's logits")
    func classifier() {
        var rng = Generator(seed: 7)
        let net = MLP(inputs: 4, width: 5, depth: 2, outputs: 3, activation: .tanh, generator: &rng)
        let x = Variable.constant(Tensor.normal(.matrix(6, 4), generator: &rng))
        check("classifier", net.parameters) { net(x).crossEntropy(labels: [0, 1, 2, 2, 1, 0]) }
    }
}
