/// Differentiable matrix ops, reductions and column surgery.
extension Variable {
    /// The matrix product a·b of an m × k and a k × n matrix.
    public func matmul(_ other: Variable) -> Variable {
        let a = self, b = other
        let out = a.value.matmul(b.value)
        return Variable(out, inputs: [a, b]) { g in
            // d(ab)/da = g·bᵀ, d(ab)/db = aᵀ·g
            if a.requiresGrad { a.accumulate(Tensor.gemm(g, transposeA: false, b.value, transposeB: true)) }
            if b.requiresGrad { b.accumulate(Tensor.gemm(a.value, transposeA: true, g, transposeB: false)) }
        }
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
