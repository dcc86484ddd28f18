/// Reductions and reshuffles on plain tensors, over the matrix view (rows × cols).
extension Tensor {
    /// The sum of all elements, accumulated left to right in row-major order.
    public func sum() -> Double {
        scalars.withUnsafeBufferPointer { p in
            var s = 0.0
            for x in p { s += x }
            return s
        }
    }

    /// The sum over rows (axis 0): a row of `cols` sums, shaped `(1, cols)` for a matrix and `()` → `()`.
    public func sumRows() -> Tensor {
        let rows = shape.rows, cols = shape.cols
        // Eight columns at a time summed down all rows in one register, from 0 in row order (so each sum is
        // ((0 + a₀) + a₁) + …, as one column at a time gives), then the columns left over one by one.
        let out = [Double](unsafeUninitializedCapacity: cols) { o, initialized in
            scalars.withUnsafeBufferPointer { a in
                let base = UnsafeRawPointer(a.baseAddress!)
                var c = 0
                while c + 8 <= cols {
                    var sum = SIMD8<Double>()
                    for r in 0..<rows { sum += base.loadUnaligned(fromByteOffset: (r * cols + c) * 8, as: SIMD8<Double>.self) }
                    for t in 0..<8 { o[c + t] = sum[t] }
                    c += 8
                }
                while c < cols {
                    var sum = 0.0
                    for r in 0..<rows { sum += a[r * cols + c] }
                    o[c] = sum
                    c += 1
                }
            }
            initialized = cols
        }
        return Tensor(shape: shape.rank == 2 ? .matrix(1, cols) : shape, scalars: out)
    }

    /// The sum over columns (axis 1): a column of `rows` sums, shaped `(rows, 1)`.
    public func sumCols() -> Tensor {
        let rows = shape.rows, cols = shape.cols
        var out = [Double](repeating: 0, count: rows)
        scalars.withUnsafeBufferPointer { a in
            for r in 0..<rows {
                var s = 0.0
                for c in 0..<cols { s += a[r * cols + c] }
                out[r] = s
            }
        }
        return Tensor(shape: shape.rank == 2 ? .matrix(rows, 1) : .scalar, scalars: out)
    }

    /// Whether both tensors hold the same storage (a copy not yet written to).
    func sharesStorage(with other: Tensor) -> Bool {
        scalars.withUnsafeBufferPointer { a in other.scalars.withUnsafeBufferPointer { b in a.baseAddress == b.baseAddress } }
    }

    /// The transpose of the matrix view; a vector of n becomes an n × 1 matrix, a scalar stays a scalar.
    public func transposed() -> Tensor {
        if shape.rank == 0 { return self }
        let rows = shape.rows, cols = shape.cols
        let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { a in
                let block = 16
                for r0 in stride(from: 0, to: rows, by: block) {
                    for c0 in stride(from: 0, to: cols, by: block) {
                        for r in r0..<Swift.min(r0 + block, rows) {
                            for c in c0..<Swift.min(c0 + block, cols) { buffer[c * rows + r] = a[r * cols + c] }
                        }
                    }
                }
            }
            initialized = count
        }
        return Tensor(shape: .matrix(cols, rows), scalars: out)
    }

    /// Columns `range` of the matrix view (a vector's elements `range`).
    public func columns(_ range: Range<Int>) -> Tensor {
        precondition(range.lowerBound >= 0 && range.upperBound <= shape.cols,
                     "columns \(range) out of \(shape.cols)")
        let rows = shape.rows, cols = shape.cols, width = range.count
        var out = [Double](repeating: 0, count: rows * width)
        scalars.withUnsafeBufferPointer { a in
            out.withUnsafeMutableBufferPointer { o in
                for r in 0..<rows {
                    for c in 0..<width { o[r * width + c] = a[r * cols + range.lowerBound + c] }
                }
            }
        }
        return Tensor(shape: shape.rank == 2 ? .matrix(rows, width) : .vector(width), scalars: out)
    }

    /// Tensors with the same number of rows, side by side (numpy `concatenate(axis=-1)`).
    public static func concatenatingColumns(_ parts: [Tensor]) -> Tensor {
        precondition(!parts.isEmpty, "nothing to concatenate")
        let rows = parts[0].shape.rows, rank = parts[0].shape.rank
        precondition(parts.allSatisfy { $0.shape.rows == rows && $0.shape.rank == rank && rank > 0 },
                     "cannot concatenate columns of shapes \(parts.map(\.shape))")
        let cols = parts.reduce(0) { $0 + $1.shape.cols }
        var out = [Double](repeating: 0, count: rows * cols)
        var offset = 0
        for part in parts {
            let w = part.shape.cols
            part.scalars.withUnsafeBufferPointer { a in
                out.withUnsafeMutableBufferPointer { o in
                    for r in 0..<rows {
                        for c in 0..<w { o[r * cols + offset + c] = a[r * w + c] }
                    }
                }
            }
            offset += w
        }
        return Tensor(shape: rank == 2 ? .matrix(rows, cols) : .vector(cols), scalars: out)
    }
}

extension Tensor {
    /// This tensor broadcast to `target` (numpy `broadcast_to`): the adjoint of `summed(to:)`.
    public func expanded(to target: Shape) -> Tensor {
        if shape == target { return self }
        precondition(shape.broadcast(with: target) == target, "cannot broadcast \(shape) to \(target)")
        return Tensor.zeros(target).broadcasting(self) { _, x in x }
    }
}
