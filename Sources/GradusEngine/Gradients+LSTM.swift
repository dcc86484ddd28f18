import Foundation

/// The LSTM step as three graph nodes instead of a dozen (two products, two sums, four slices, three sigmoids,
/// two tanh, three products and a sum per step), as fused cells in cuDNN and PyTorch do: the gates, the cell
/// state and the hidden state. Fewer temporaries, one pass over memory each way. Every element is computed with
/// the same operations in the same order as the composed version (σ as `Tensor.sigmoid`, tanh as
/// `Tensor.tanh`, each product summed before it is added), so values and gradients are the same bits.
extension Variable {
    /// The gate activations [σ(aᵢ) σ(aƒ) tanh(a₉) σ(aₒ)] (batch × 4n) of the pre-activations
    /// a = (x·Wₓ + h·Wₕ) + b. Backward: the derivative of each activation (σ′ = σ(1 − σ), tanh′ = 1 − tanh²),
    /// then the rules of the sum and product nodes (`backPreActivation`).
    static func lstmGates(x: Variable, h: Variable, inputWeight wx: Variable, hiddenWeight wh: Variable,
                          bias b: Variable, hidden n: Int) -> Variable {
        // (x·Wₓ + h·Wₕ) + b as `preActivation` sums it: h·Wₕ is summed first and then added in place, and b is
        // added in the pass that applies the activations.
        var a = x.value.matmul(wx.value)
        a.addProduct(h.value, transposeA: false, wh.value, transposeB: false)
        let rows = a.shape.rows
        precondition(a.shape.cols == 4 * n, "gates of shape \(a.shape) for \(n) hidden units")
        precondition(b.value.count == 4 * n, "a bias of shape \(b.shape) for \(n) hidden units")
        a.scalars.withUnsafeMutableBufferPointer { p in
            b.value.scalars.withUnsafeBufferPointer { bias in
                let base = p.baseAddress!, bias = bias.baseAddress!
                for r in 0..<rows {
                    let row = base + r * 4 * n
                    for j in 0 ..< 4 * n { row[j] = row[j] + bias[j] }
                    let ifGates = UnsafeMutableBufferPointer(start: row, count: 2 * n)
                    Elementary.sigmoid(UnsafeBufferPointer(ifGates), into: ifGates)
                    let g = UnsafeMutableBufferPointer(start: row + 2 * n, count: n)
                    Elementary.tanh(UnsafeBufferPointer(g), into: g)
                    let o = UnsafeMutableBufferPointer(start: row + 3 * n, count: n)
                    Elementary.sigmoid(UnsafeBufferPointer(o), into: o)
                }
            }
        }
        let activations = a
        let node = Variable(activations, inputs: [x, wx, h, wh, b]) { up in
            // The composed graph left 0 + (∂L/∂y·y′) in the pre-activations' gradient (a zero gradient, then
            // the cell's and the hidden state's parts added into it); `0 +` keeps those bits (−0 becomes +0).
            let da = [Double](unsafeUninitializedCapacity: rows * 4 * n) { out, initialized in
                up.scalars.withUnsafeBufferPointer { d in
                    activations.scalars.withUnsafeBufferPointer { y in
                        for r in 0..<rows {
                            let o = r * 4 * n
                            let dRow = d.baseAddress! + o, yRow = y.baseAddress! + o, outRow = out.baseAddress! + o
                            // σ′ = (1 − σ)·σ for columns 0 ..< 2n and 3n ..< 4n, tanh′ = 1 − tanh² between.
                            @inline(__always) func derive(_ columns: Range<Int>, tanh: Bool) {
                                Lanes.forEach(columns.count) { j, w in
                                    let at = columns.lowerBound + j
                                    let d = Lanes.load(dRow + at, w), y = Lanes.load(yRow + at, w)
                                    let part: Lanes.V = tanh ? 0 + d * (1 - y * y) : 0 + d * (1 - y) * y
                                    Lanes.store(part, to: outRow + at, w)
                                }
                            }
                            derive(0 ..< 2 * n, tanh: false)
                            derive(2 * n ..< 3 * n, tanh: true)
                            derive(3 * n ..< 4 * n, tanh: false)
                        }
                    }
                }
                initialized = rows * 4 * n
            }
            backPreActivation(Tensor(shape: activations.shape, scalars: da), x, wx, h, wh, b)
        }
        // The gates are internal to the cell: no caller can read their gradient (batch × 4n, the largest
        // of a step), so it goes as soon as it is used.
        node.keepsGrad = false
        return node
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
                        let yRow = y.baseAddress! + r * 4 * n, cRow = cv.baseAddress! + r * n
                        let outRow = out.baseAddress! + r * n
                        for j in 0..<n { outRow[j] = yRow[n + j] * cRow[j] + yRow[j] * yRow[2 * n + j] }
                    }
                }
            }
            initialized = rows * n
        }
        return Variable(Tensor(shape: c.shape, scalars: out), inputs: [a, c]) { up in
            // dc'/di = g, dc'/df = c, dc'/dg = i, dc'/dc = f, each part added where it belongs in place.
            up.scalars.withUnsafeBufferPointer { u in
                gates.scalars.withUnsafeBufferPointer { y in
                    if a.requiresGrad {
                        cell.scalars.withUnsafeBufferPointer { cv in
                            a.accumulateInPlace { f, _ in
                                // Columns 0 ..< 3n of the gates' gradient (a slice's adjoint: + even when new).
                                for r in 0..<rows {
                                    let uRow = u.baseAddress! + r * n, yRow = y.baseAddress! + r * 4 * n
                                    let cRow = cv.baseAddress! + r * n, fRow = f + r * 4 * n
                                    Lanes.forEach(n) { j, w in
                                        let up = Lanes.load(uRow + j, w)
                                        @inline(__always) func add(_ factor: Lanes.V, at column: Int) {
                                            let place = fRow + column + j
                                            Lanes.store(Lanes.load(place, w) + up * factor, to: place, w)
                                        }
                                        add(Lanes.load(yRow + 2 * n + j, w), at: 0)
                                        add(Lanes.load(cRow + j, w), at: n)
                                        add(Lanes.load(yRow + j, w), at: 2 * n)
                                    }
                                }
                            }
                        }
                    }
                    if c.requiresGrad {
                        c.accumulateInPlace { g, fresh in
                            for r in 0..<rows {
                                let uRow = u.baseAddress! + r * n, yRow = y.baseAddress! + r * 4 * n + n
                                let gRow = g + r * n
                                Lanes.forEach(n) { j, w in
                                    let part = Lanes.load(uRow + j, w) * Lanes.load(yRow + j, w)
                                    Lanes.store(fresh ? part : Lanes.load(gRow + j, w) + part, to: gRow + j, w)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// h' = o ⊙ tanh(c') for gate activations A = [i f g o] (batch × 4n) and the new cell state c' (batch × n).
    static func lstmHiddenState(gates a: Variable, cell c: Variable) -> Variable {
        let rows = c.shape.rows, n = c.shape.cols
        precondition(a.shape == .matrix(rows, 4 * n), "gates of shape \(a.shape) for a cell state of shape \(c.shape)")
        let gates = a.value
        let t = c.value.tanh()
        let out = [Double](unsafeUninitializedCapacity: rows * n) { out, initialized in
            gates.scalars.withUnsafeBufferPointer { y in
                t.scalars.withUnsafeBufferPointer { tv in
                    for r in 0..<rows {
                        let oRow = y.baseAddress! + r * 4 * n + 3 * n, tRow = tv.baseAddress! + r * n
                        let outRow = out.baseAddress! + r * n
                        for j in 0..<n { outRow[j] = oRow[j] * tRow[j] }
                    }
                }
            }
            initialized = rows * n
        }
        return Variable(Tensor(shape: c.shape, scalars: out), inputs: [a, c]) { up in
            // dh'/do = tanh c', dh'/dc' = o·(1 − tanh² c'), each part added where it belongs in place.
            up.scalars.withUnsafeBufferPointer { u in
                t.scalars.withUnsafeBufferPointer { tv in
                    if a.requiresGrad {
                        a.accumulateInPlace { f, _ in
                            // Columns 3n ..< 4n of the gates' gradient (a slice's adjoint: + even when new).
                            for r in 0..<rows {
                                let uRow = u.baseAddress! + r * n, tRow = tv.baseAddress! + r * n
                                let fRow = f + r * 4 * n + 3 * n
                                Lanes.forEach(n) { j, w in
                                    let part = Lanes.load(uRow + j, w) * Lanes.load(tRow + j, w)
                                    Lanes.store(Lanes.load(fRow + j, w) + part, to: fRow + j, w)
                                }
                            }
                        }
                    }
                    if c.requiresGrad {
                        gates.scalars.withUnsafeBufferPointer { y in
                            c.accumulateInPlace { g, fresh in
                                for r in 0..<rows {
                                    let uRow = u.baseAddress! + r * n, tRow = tv.baseAddress! + r * n
                                    let oRow = y.baseAddress! + r * 4 * n + 3 * n, gRow = g + r * n
                                    Lanes.forEach(n) { j, w in
                                        let t = Lanes.load(tRow + j, w)
                                        let part = (Lanes.load(uRow + j, w) * Lanes.load(oRow + j, w)) * (1 - t * t)
                                        Lanes.store(fresh ? part : Lanes.load(gRow + j, w) + part, to: gRow + j, w)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
