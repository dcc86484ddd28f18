import Foundation

/// The LSTM step as three graph nodes instead of a dozen (two products, two sums, four slices, three sigmoids,
/// two tanh, three products and a sum per step), as fused cells in cuDNN and PyTorch do: the gates, the cell
/// state and the hidden state. Fewer temporaries, one pass over memory each way. Every element is computed with
/// the same operations in the same order as the composed version (`σ` as `Variable.sigmoid`, tanh as
/// `Tensor.tanh`, each product summed before it is added), so values and gradients are the same bits.
extension Variable {
    /// The gate activations [σ(aᵢ) σ(aƒ) tanh(a₉) σ(aₒ)] (batch × 4n) of the pre-activations
    /// a = (x·Wₓ + h·Wₕ) + b. Backward: the derivative of each activation (σ′ = σ(1 − σ), tanh′ = 1 − tanh²),
    /// then the rules of the sum and product nodes (`backPreActivation`).
    static func lstmGates(x: Variable, h: Variable, inputWeight wx: Variable, hiddenWeight wh: Variable,
                          bias b: Variable, hidden n: Int) -> Variable {
        var a = preActivation(x.value, wx.value, h.value, wh.value, b.value)
        let rows = a.shape.rows
        precondition(a.shape.cols == 4 * n, "gates of shape \(a.shape) for \(n) hidden units")
        a.scalars.withUnsafeMutableBufferPointer { p in
            let base = p.baseAddress!
            for r in 0..<rows {
                let row = base + r * 4 * n
                for j in 0 ..< 2 * n { row[j] = Variable.sigmoid(row[j]) }
                let g = UnsafeMutableBufferPointer(start: row + 2 * n, count: n)
                Elementary.tanh(UnsafeBufferPointer(g), into: g)
                for j in 3 * n ..< 4 * n { row[j] = Variable.sigmoid(row[j]) }
            }
        }
        let activations = a
        return Variable(activations, inputs: [x, wx, h, wh, b]) { up in
            // The composed graph left 0 + (∂L/∂y·y′) in the pre-activations' gradient (a zero gradient, then
            // the cell's and the hidden state's parts added into it); `0 +` keeps those bits (−0 becomes +0).
            let da = [Double](unsafeUninitializedCapacity: rows * 4 * n) { out, initialized in
                up.scalars.withUnsafeBufferPointer { d in
                    activations.scalars.withUnsafeBufferPointer { y in
                        for r in 0..<rows {
                            let o = r * 4 * n
                            for j in o ..< o + 2 * n { out[j] = 0 + d[j] * (1 - y[j]) * y[j] }
                            for j in o + 2 * n ..< o + 3 * n { out[j] = 0 + d[j] * (1 - y[j] * y[j]) }
                            for j in o + 3 * n ..< o + 4 * n { out[j] = 0 + d[j] * (1 - y[j]) * y[j] }
                        }
                    }
                }
                initialized = rows * 4 * n
            }
            backPreActivation(Tensor(shape: activations.shape, scalars: da), x, wx, h, wh, b)
        }
    }

    /// c' = f ⊙ c + i ⊙ g for gate activations A = [i f g o] (batch × 4n) and the cell state c (batch × n).
    static func lstmCellState(gates a: Variable, cell c: Variable) -> Variable {
        let rows = c.shape.rows, n = c.shape.cols
        precondition(a.shape == .matrix(rows, 4 * n), "gates of shape \(a.shape) for a cell state of shape \(c.shape)")
        let gates = a.value, cell = c.value
        let out = [Double](unsafeUninitializedCapacity: rows * n) { out, initialized in
            gates.scalars.withUnsafeBufferPointer { y in
                cell.scalars.withUnsafeBufferPointer { cv in
                    for r in 0..<rows {
                        for j in 0..<n {
                            let e = r * n + j, base = r * 4 * n + j
                            out[e] = y[base + n] * cv[e] + y[base] * y[base + 2 * n]
                        }
                    }
                }
            }
            initialized = rows * n
        }
        return Variable(Tensor(shape: c.shape, scalars: out), inputs: [a, c]) { up in
            // dc'/di = g, dc'/df = c, dc'/dg = i, dc'/dc = f
            if a.requiresGrad {
                let parts = [Double](unsafeUninitializedCapacity: rows * 3 * n) { out, initialized in
                    up.scalars.withUnsafeBufferPointer { u in
                        gates.scalars.withUnsafeBufferPointer { y in
                            cell.scalars.withUnsafeBufferPointer { cv in
                                for r in 0..<rows {
                                    for j in 0..<n {
                                        let e = r * n + j, base = r * 4 * n + j, o = r * 3 * n + j
                                        out[o] = u[e] * y[base + 2 * n]
                                        out[o + n] = u[e] * cv[e]
                                        out[o + 2 * n] = u[e] * y[base]
                                    }
                                }
                            }
                        }
                    }
                    initialized = rows * 3 * n
                }
                a.accumulate(Tensor(shape: .matrix(rows, 3 * n), scalars: parts), intoColumns: 0 ..< 3 * n)
            }
            if c.requiresGrad {
                let part = [Double](unsafeUninitializedCapacity: rows * n) { out, initialized in
                    up.scalars.withUnsafeBufferPointer { u in
                        gates.scalars.withUnsafeBufferPointer { y in
                            for r in 0..<rows { for j in 0..<n { out[r * n + j] = u[r * n + j] * y[r * 4 * n + n + j] } }
                        }
                    }
                    initialized = rows * n
                }
                c.accumulate(Tensor(shape: c.shape, scalars: part))
            }
        }
    }

    /// h' = o ⊙ tanh(c') for gate activations A = [i f g o] (batch × 4n) and the new cell state c' (batch × n).
    static func lstmHiddenState(gates a: Variable, cell c: Variable) -> Variable {
        let rows = c.shape.rows, n = c.shape.cols
        precondition(a.shape == .matrix(rows, 4 * n), "gates of shape \(a.shape) for a cell state of shape \(c.shape)")
        let o = a.value.columns(3 * n ..< 4 * n)
        let t = c.value.tanh()
        let out = o * t
        return Variable(out, inputs: [a, c]) { up in
            // dh'/do = tanh c', dh'/dc' = o·(1 − tanh² c')
            if a.requiresGrad { a.accumulate(up.zipMap(t) { $0 * $1 }, intoColumns: 3 * n ..< 4 * n) }
            if c.requiresGrad { c.accumulate(up.zipMap(o) { $0 * $1 }.zipMap(t) { g, y in g * (1 - y * y) }) }
        }
    }
}
