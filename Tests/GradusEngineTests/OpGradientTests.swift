import Foundation
import Testing
@testable import GradusEngine
import GradusTestSupport

/// One op under gradient check: its inputs and how it combines them.
struct OpCase: CustomTestStringConvertible, Sendable {
    let name: String
    let inputs: @Sendable () -> [Tensor]
    let apply: @Sendable ([Variable]) -> Variable
    var testDescription: String { name }
}

let opCases: [OpCase] = [
    OpCase(name: "add, same shape", inputs: { [Sample.normal([3, 4], seed: 1), Sample.normal([3, 4], seed: 2)] },
           apply: { $0[0] + $0[1] }),
    OpCase(name: "add, row broadcast", inputs: { [Sample.normal([3, 4], seed: 1), Sample.normal([4], seed: 2)] },
           apply: { $0[0] + $0[1] }),
    OpCase(name: "sub, column broadcast",
           inputs: { [Sample.normal([3, 4], seed: 1), Sample.normal([3, 1], seed: 2)] }, apply: { $0[0] - $0[1] }),
    OpCase(name: "sub, scalar on the left", inputs: { [Sample.normal([], seed: 3), Sample.normal([2, 3], seed: 4)] },
           apply: { $0[0] - $0[1] }),
    OpCase(name: "mul, (1, n) by (m, 1)", inputs: { [Sample.normal([1, 4], seed: 5), Sample.normal([3, 1], seed: 6)] },
           apply: { $0[0] * $0[1] }),
    OpCase(name: "div, row broadcast", inputs: { [Sample.normal([3, 4], seed: 7), Sample.positive([1, 4], seed: 8)] },
           apply: { $0[0] / $0[1] }),
    OpCase(name: "pow, tensor exponent", inputs: { [Sample.positive([2, 3], seed: 9), Sample.normal([2, 3], seed: 10)] },
           apply: { $0[0].pow($0[1]) }),
    OpCase(name: "pow, constant exponent", inputs: { [Sample.positive([2, 3], seed: 11)] }, apply: { $0[0].pow(3.5) }),
    OpCase(name: "pow, exponents PyTorch computes without pow",
           inputs: { [Sample.positive([2, 3], seed: 46)] },
           apply: { $0[0].pow(2) + $0[0].pow(3) + $0[0].pow(0.5) + $0[0].pow(-0.5) + $0[0].pow(-1) + $0[0].pow(-2) + $0[0].pow(1) }),
    OpCase(name: "affine", inputs: { [Sample.normal([2, 3], seed: 12)] }, apply: { 1.5 - 2 * $0[0] / 4 }),
    OpCase(name: "matmul", inputs: { [Sample.normal([3, 5], seed: 13), Sample.normal([5, 2], seed: 14)] },
           apply: { $0[0].matmul($0[1]) }),
    OpCase(name: "matmul, larger than one kernel block",
           inputs: { [Sample.normal([13, 9], seed: 15), Sample.normal([9, 11], seed: 16)] },
           apply: { $0[0].matmul($0[1]) }),
    OpCase(name: "transpose", inputs: { [Sample.normal([3, 5], seed: 17)] }, apply: { $0[0].transposed() }),
    OpCase(name: "sum of all", inputs: { [Sample.normal([3, 5], seed: 18)] }, apply: { $0[0].sum() }),
    OpCase(name: "mean of all", inputs: { [Sample.normal([3, 5], seed: 19)] }, apply: { $0[0].mean() }),
    OpCase(name: "sum along axis 0", inputs: { [Sample.normal([3, 5], seed: 20)] }, apply: { $0[0].sum(axis: 0) }),
    OpCase(name: "mean along axis 1", inputs: { [Sample.normal([3, 5], seed: 21)] }, apply: { $0[0].mean(axis: 1) }),
    OpCase(name: "sum along axis 1", inputs: { [Sample.normal([3, 5], seed: 48)] }, apply: { $0[0].sum(axis: 1) }),
    OpCase(name: "mean along axis 0", inputs: { [Sample.normal([3, 5], seed: 49)] }, apply: { $0[0].mean(axis: 0) }),
    OpCase(name: "negative log-likelihood", inputs: { [Sample.normal([3, 4], seed: 50)] },
           apply: { $0[0].nllLoss(labels: [3, 0, 1]) }),
    OpCase(name: "transpose of a vector", inputs: { [Sample.normal([4], seed: 51)] }, apply: { $0[0].transposed() }),
    OpCase(name: "exp", inputs: { [Sample.normal([2, 3], seed: 22)] }, apply: { $0[0].exp() }),
    OpCase(name: "log", inputs: { [Sample.positive([2, 3], seed: 23)] }, apply: { $0[0].log() }),
    OpCase(name: "sqrt", inputs: { [Sample.positive([2, 3], seed: 24)] }, apply: { $0[0].sqrt() }),
    OpCase(name: "sigmoid", inputs: { [Sample.normal([2, 3], seed: 25)] }, apply: { $0[0].sigmoid() }),
    OpCase(name: "tanh", inputs: { [Sample.normal([2, 3], seed: 26)] }, apply: { $0[0].tanh() }),
    OpCase(name: "relu", inputs: { [Sample.normal([3, 4], seed: 27, awayFromZero: true)] }, apply: { $0[0].relu() }),
    OpCase(name: "leaky relu", inputs: { [Sample.normal([3, 4], seed: 28, awayFromZero: true)] },
           apply: { $0[0].leakyRelu(slope: 0.2) }),
    OpCase(name: "prelu, one slope per column",
           inputs: { [Sample.normal([3, 4], seed: 29, awayFromZero: true), Sample.normal([4], seed: 30)] },
           apply: { $0[0].prelu($0[1]) }),
    OpCase(name: "prelu, one shared slope",
           inputs: { [Sample.normal([3, 4], seed: 31, awayFromZero: true), Tensor([0.25])] },
           apply: { $0[0].prelu($0[1]) }),
    OpCase(name: "softmax", inputs: { [Sample.normal([3, 5], seed: 32)] }, apply: { $0[0].softmax() }),
    OpCase(name: "softmax of a vector", inputs: { [Sample.normal([5], seed: 33)] }, apply: { $0[0].softmax() }),
    OpCase(name: "log-softmax", inputs: { [Sample.normal([3, 5], seed: 34)] }, apply: { $0[0].logSoftmax() }),
    OpCase(name: "cross-entropy", inputs: { [Sample.normal([4, 3], seed: 35)] },
           apply: { $0[0].crossEntropy(labels: [0, 2, 1, 2]) }),
    OpCase(name: "mean squared error",
           inputs: { [Sample.normal([4, 3], seed: 36), Sample.normal([4, 3], seed: 37)] },
           apply: { $0[0].meanSquaredError($0[1]) }),
    OpCase(name: "column slice", inputs: { [Sample.normal([3, 6], seed: 38)] }, apply: { $0[0].columns(2..<5) }),
    OpCase(name: "column concatenation",
           inputs: { [Sample.normal([3, 2], seed: 39), Sample.normal([3, 4], seed: 40)] },
           apply: { Variable.concatenatingColumns([$0[0], $0[1], $0[0]]) }),
    OpCase(name: "batch norm, training mode",
           inputs: { [Sample.normal([6, 3], seed: 41), Sample.normal([3], seed: 42), Sample.normal([3], seed: 43)] },
           apply: { $0[0].batchNorm(scale: $0[1], shift: $0[2]).output }),
    OpCase(name: "reshape", inputs: { [Sample.normal([2, 3], seed: 44)] }, apply: { $0[0].reshaped(.vector(6)) }),
    OpCase(name: "a custom op (softplus, defined outside the engine)", inputs: { [Sample.normal([2, 3], seed: 47)] },
           apply: { inputs in
               let x = inputs[0]
               return Variable.custom(x.value.map { log1p(exp($0)) }, inputs: [x]) { g in
                   [g * x.value.map { 1 / (1 + exp(-$0)) }]   // softplus′ = σ
               }
           }),
    OpCase(name: "an input used twice", inputs: { [Sample.normal([2, 3], seed: 45)] },
           apply: { $0[0] * $0[0].tanh() + $0[0] }),
]

@Suite("Every op's gradient agrees with central finite differences")
struct OpGradientTests {
    @Test("Relative error below 1e-6", arguments: opCases)
    func gradientMatchesFiniteDifferences(_ op: OpCase) {
        let errors = GradientCheck().errors(op.inputs(), op.apply)
        for (index, error) in errors.enumerated() {
            #expect(error < 1e-6, "input \(index) of \(op.name): relative error \(error)")
        }
    }
}
