/// Differentiable matrix ops, reductions and column surgery.
extension Variable {
    /// The matrix product a·b of an m × k and a k × n matrix.
    public func matmul(_ other: Variable) -> Variable {
        let a = self, b = other
        let out = a.value.matmul(b.value)
        return Variable(out, inputs: [a, b]) { g in
            // d(ab)/da = g·bᵀ, d(ab)/db = aᵀ·g
            if a.requiresGrad { a.accumulateProduct(g, transposeA: false, b.value, transposeB: true) }
            if b.requiresGrad { b.accumulateProduct(a.value, transposeA: true, g, transposeB: false) }
        }
    }

    /// x·W + b as one node, for a fully connected layer: the value of `x.matmul(w) + b` (each product summed,
    /// then b added), and the gradients those two nodes would give, in the same order, without the
    /// intermediate node and its temporaries. b is a row (`(n,)` or `(1, n)`) broadcast over the rows of x·W.
    public static func affine(_ x: Variable, _ w: Variable, _ b: Variable) -> Variable {
        var out = x.value.matmul(w.value)
        let rows = out.shape.rows, cols = out.shape.cols
        guard b.shape == .vector(cols) || b.shape == .matrix(1, cols) else { return x.matmul(w) + b }
        out.scalars.withUnsafeMutableBufferPointer { o in
            b.value.scalars.withUnsafeBufferPointer { bias in
                for r in 0..<rows {
                    let row = o.baseAddress! + r * cols
                    for c in 0..<cols { row[c] = row[c] + bias[c] }
                }
            }
        }
        return Variable(out, inputs: [x, w, b]) { g in
            // the sum node's rule (b gets g summed over rows), then the product's: d/dx = g·Wᵀ, d/dW = xᵀ·g
            if b.requiresGrad { b.accumulate(g.summed(to: b.shape)) }
            if x.requiresGrad { x.accumulateProduct(g, transposeA: false, w.value, transposeB: true) }
            if w.requiresGrad { w.accumulateProduct(x.value, transposeA: true, g, transposeB: false) }
        }
    }

    /// x·Wₓ + h·Wₕ + b as one node, for a recurrent cell: the value of `x.matmul(wx) + h.matmul(wh) + b`
    /// ((x·Wₓ + h·Wₕ), then b), and the gradients of those five nodes, in the same order, without them.
    public static func affine(_ x: Variable, _ wx: Variable, _ h: Variable, _ wh: Variable, _ b: Variable) -> Variable {
        let rows = x.shape.rows, cols = wx.shape.cols
        guard x.shape.rank == 2, h.shape.rank == 2, h.shape.rows == rows, wh.shape.rank == 2, wh.shape.cols == cols,
              b.shape == .vector(cols) || b.shape == .matrix(1, cols) else {
            return x.matmul(wx) + h.matmul(wh) + b
        }
        let out = preActivation(x.value, wx.value, h.value, wh.value, b.value)
        return Variable(out, inputs: [x, wx, h, wh, b]) { g in
            backPreActivation(g, x, wx, h, wh, b)
        }
    }

    /// (x·Wₓ + h·Wₕ) + b, each product summed first, b broadcast over the rows. h·Wₕ is added in place
    /// (`addProduct`: summed, then added), without a temporary.
    static func preActivation(_ x: Tensor, _ wx: Tensor, _ h: Tensor, _ wh: Tensor, _ b: Tensor) -> Tensor {
        var out = x.matmul(wx)
        out.addProduct(h, transposeA: false, wh, transposeB: false)
        let rows = out.shape.rows, cols = out.shape.cols
        out.scalars.withUnsafeMutableBufferPointer { o in
            b.scalars.withUnsafeBufferPointer { bias in
                for r in 0..<rows {
                    let row = o.baseAddress! + r * cols
                    for c in 0..<cols { row[c] = row[c] + bias[c] }
                }
            }
        }
        return out
    }

    /// The rules of the nodes of `x.matmul(wx) + h.matmul(wh) + b` for the gradient g of the sum, in the order
    /// the backward pass runs them: the bias, then the products (their targets are distinct).
    static func backPreActivation(_ g: Tensor, _ x: Variable, _ wx: Variable, _ h: Variable, _ wh: Variable,
                                  _ b: Variable) {
        if b.requiresGrad { b.accumulate(g.summed(to: b.shape)) }
        // g·Wₕᵀ: where the product would pack Wₕᵀ, through Wₕᵀ made once for all steps (`transposedValue`);
        // else Wₕ as it is suits the dot products of the few-rows path. Same sums.
        if h.requiresGrad {
            if !Tensor.takesFewRowsPath(m: g.shape.rows, k: g.shape.cols) {
                h.accumulateProduct(g, transposeA: false, wh.transposedValue(), transposeB: false)
            } else {
                h.accumulateProduct(g, transposeA: false, wh.value, transposeB: true)
            }
        }
        if wh.requiresGrad { wh.accumulateProduct(h.value, transposeA: true, g, transposeB: false) }
        if x.requiresGrad { x.accumulateProduct(g, transposeA: false, wx.value, transposeB: true) }
        if wx.requiresGrad { wx.accumulateProduct(x.value, transposeA: true, g, transposeB: false) }
    }

    /// The transpose of the matrix view (a vector of n becomes n × 1).
    public func transposed() -> Variable {
        let a = self
        return Variable(a.value.transposed(), inputs: [a]) { g in
            // d(aᵀ) = (dg)ᵀ
            a.accumulate(g.transposed().reshaped(a.shape))
        }
    }

    /// The same elements under another shape with the same count.
    public func reshaped(_ shape: Shape) -> Variable {
        let a = self
        return Variable(a.value.reshaped(shape), inputs: [a]) { g in a.accumulate(g.reshaped(a.shape)) }
    }

    /// The sum of all elements, a scalar.
    public func sum() -> Variable {
        let a = self
        return Variable(Tensor(scalar: a.value.sum()), inputs: [a]) { g in
            // dΣx/dxᵢ = 1
            a.accumulate(Tensor(repeating: g.item, shape: a.shape))
        }
    }

    /// The mean of all elements, a scalar.
    public func mean() -> Variable {
        let a = self
        let n = Double(a.value.count)
        return Variable(Tensor(scalar: a.value.sum() / n), inputs: [a]) { g in
            // d mean/dxᵢ = 1/n
            a.accumulate(Tensor(repeating: g.item / n, shape: a.shape))
        }
    }

    /// The sum along `axis` of the matrix view, keeping it (numpy `keepdims=True`): axis 0 sums the rows into
    /// `(1, cols)`, axis 1 sums each row into `(rows, 1)`, so the result broadcasts back against the input.
    public func sum(axis: Int) -> Variable {
        precondition(axis == 0 || axis == 1, "axis must be 0 or 1, not \(axis)")
        let a = self
        let out = axis == 0 ? a.value.sumRows().reshaped(.matrix(1, a.shape.cols))
                            : a.value.sumCols().reshaped(.matrix(a.shape.rows, 1))
        return Variable(out, inputs: [a]) { g in
            // dΣ/dxᵢ = 1 along the summed axis
            a.accumulate(g.expanded(to: .matrix(a.shape.rows, a.shape.cols)).reshaped(a.shape))
        }
    }

    /// The mean along `axis`, kept as in `sum(axis:)`.
    public func mean(axis: Int) -> Variable {
        let n = axis == 0 ? shape.rows : shape.cols
        return sum(axis: axis) / Double(n)
    }

    /// Columns `range` of the matrix view (for gates: `gates.columns(0..<h)`).
    public func columns(_ range: Range<Int>) -> Variable {
        let a = self
        return Variable(a.value.columns(range), inputs: [a]) { g in
            // the slice's gradient lands on its columns; the others get 0
            a.accumulate(g, intoColumns: range)
        }
    }

    /// Variables with the same number of rows, side by side.
    public static func concatenatingColumns(_ parts: [Variable]) -> Variable {
        let out = Tensor.concatenatingColumns(parts.map(\.value))
        return Variable(out, inputs: parts) { g in
            // each part's gradient is its own block of columns
            var offset = 0
            for part in parts {
                let w = part.shape.cols
                if part.requiresGrad { part.accumulate(g.columns(offset ..< offset + w).reshaped(part.shape)) }
                offset += w
            }
        }
    }
}
