extension LinearAlgebra {
    /// The Jacobian ∂output/∂input as a matrix of `output.count` rows and `input.count` columns (elements in
    /// row-major order), by one reverse-mode pass per output element seeded with a unit vector. `input` must
    /// require a gradient (a parameter, or a node computed from one, such as h_{T−k} of an unrolled RNN).
    /// The gradients of parameters reachable from `output` are changed: zero them afterwards if they matter.
    /// Cost: `output.count` backward passes.
    public static func jacobian(of output: Variable, withRespectTo input: Variable) -> Tensor {
        precondition(input.requiresGrad, "the Jacobian needs an input that requires a gradient")
        let rows = output.value.count, cols = input.value.count
        var result = [Double](repeating: 0, count: rows * cols)
        for i in 0..<rows {
            var seed = Tensor.zeros(output.shape)
            seed.scalars[i] = 1
            input.zeroGrad()
            output.backward(seed: seed)
            if let g = input.grad {
                for j in 0..<cols { result[i * cols + j] = g.scalars[j] }
            }
        }
        input.zeroGrad()
        return Tensor(shape: .matrix(rows, cols), scalars: result)
    }

    /// The Jacobian of `f` at `x`: `f(x).count` × `x.count`.
    public static func jacobian(at x: Tensor, of f: (Variable) -> Variable) -> Tensor {
        let input = Variable(x, name: "x")
        return jacobian(of: f(input), withRespectTo: input)
    }
}
