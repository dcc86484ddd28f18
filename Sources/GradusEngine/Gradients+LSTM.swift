/// The LSTM's gate arithmetic as two graph nodes instead of a dozen (four slices, three sigmoids, two tanh,
/// three products and a sum per step), as fused cells in cuDNN and PyTorch do: fewer temporaries, one pass
/// over memory each way. Every element is computed with the same operations in the same order as the
/// composed version (`σ` as `Variable.sigmoid`, tanh as `Tensor.tanh`), so forward values are the same bits.
extension Variable {
    /// c' = σ(aᵢ) ⊙ tanh(a₉) + σ(aƒ) ⊙ c for gate pre-activations a = [aᵢ aƒ a₉ aₒ] (batch × 4n) and the cell
    /// state c (batch × n), written f ⊙ c + i ⊙ g as in `LSTMCell`.
    static func lstmCellState(gates a: Variable, cell c: Variable) -> Variable {
        let rows = c.shape.rows, n = c.shape.cols
        precondition(a.shape == .matrix(rows, 4 * n), "gates of shape \(a.shape) for a cell state of shape \(c.shape)")
        let i = a.value.columns(0 ..< n).map(Variable.sigmoid)
        let f = a.value.columns(n ..< 2 * n).map(Variable.sigmoid)
        let g = a.value.columns(2 * n ..< 3 * n).tanh()
        let out = f * c.value + i * g
        return Variable(out, inputs: [a, c]) { up in
            // dc'/di = g, dc'/df = c, dc'/dg = i, dc'/dc = f; then σ' = σ(1 − σ) and tanh' = 1 − tanh²
            if a.requiresGrad {
                var da = [Double](repeating: 0, count: rows * 4 * n)
                let cv = c.value.scalars
                up.scalars.withUnsafeBufferPointer { up in
                    for r in 0..<rows {
                        for j in 0..<n {
                            let e = r * n + j, base = r * 4 * n + j
                            let iv = i.scalars[e], fv = f.scalars[e], gv = g.scalars[e]
                            da[base] = up[e] * gv * (1 - iv) * iv
                            da[base + n] = up[e] * cv[e] * (1 - fv) * fv
                            da[base + 2 * n] = up[e] * iv * (1 - gv * gv)
                        }
                    }
                }
                a.accumulate(Tensor(shape: a.shape, scalars: da))
            }
            if c.requiresGrad { c.accumulate(up * f) }
        }
    }

    /// h' = σ(aₒ) ⊙ tanh(c') for gate pre-activations a (batch × 4n) and the new cell state c' (batch × n).
    static func lstmHiddenState(gates a: Variable, cell c: Variable) -> Variable {
        let rows = c.shape.rows, n = c.shape.cols
        precondition(a.shape == .matrix(rows, 4 * n), "gates of shape \(a.shape) for a cell state of shape \(c.shape)")
        let o = a.value.columns(3 * n ..< 4 * n).map(Variable.sigmoid)
        let t = c.value.tanh()
        let out = o * t
        return Variable(out, inputs: [a, c]) { up in
            // dh'/do = tanh c', dh'/dc' = o·(1 − tanh² c')
            if a.requiresGrad {
                let dOutput = up.zipMap(t) { $0 * $1 }.zipMap(o) { g, y in g * (1 - y) * y }
                a.accumulate(dOutput, intoColumns: 3 * n ..< 4 * n)
            }
            if c.requiresGrad { c.accumulate(up.zipMap(o) { $0 * $1 }.zipMap(t) { g, y in g * (1 - y * y) }) }
        }
    }
}
