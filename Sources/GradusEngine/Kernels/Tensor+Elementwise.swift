/// Elementwise kernels on plain tensors: loops over contiguous storage that the optimizer can vectorise, one
/// allocation per result and none per element. The differentiable versions are on `Variable`.
extension Tensor {
    /// `f` applied to every element.
    @inline(__always)
    public func map(_ f: (Double) -> Double) -> Tensor {
        let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { p in
                for i in 0..<p.count { buffer[i] = f(p[i]) }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// `f(self[i], other[i])` for two tensors of the same shape.
    @inline(__always)
    public func zipMap(_ other: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
        precondition(shape == other.shape, "shapes \(shape) and \(other.shape) differ")
        let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    for i in 0..<a.count { buffer[i] = f(a[i], b[i]) }
                }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// `f(self[i], other[i], third[i])` for three tensors of the same shape.
    @inline(__always)
    public func zipMap(_ other: Tensor, _ third: Tensor, _ f: (Double, Double, Double) -> Double) -> Tensor {
        precondition(shape == other.shape && shape == third.shape,
                     "shapes \(shape), \(other.shape) and \(third.shape) differ")
        let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    third.scalars.withUnsafeBufferPointer { c in
                        for i in 0..<a.count { buffer[i] = f(a[i], b[i], c[i]) }
                    }
                }
            }
            initialized = count
        }
        return Tensor(shape: shape, scalars: out)
    }

    /// `f(self, other)` elementwise after broadcasting both to their common shape (numpy rules on the matrix
    /// view). Traps with both shapes in the message when they do not broadcast.
    @inline(__always)
    public func broadcasting(_ other: Tensor, _ f: (Double, Double) -> Double) -> Tensor {
        if shape == other.shape { return zipMap(other, f) }
        guard let out = shape.broadcast(with: other.shape) else {
            preconditionFailure("cannot broadcast \(shape) with \(other.shape)")
        }
        let rows = out.rows, cols = out.cols
        let aRowStep = shape.rows == 1 ? 0 : shape.cols, aColStep = shape.cols == 1 ? 0 : 1
        let bRowStep = other.shape.rows == 1 ? 0 : other.shape.cols, bColStep = other.shape.cols == 1 ? 0 : 1
        let values = [Double](unsafeUninitializedCapacity: out.count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { a in
                other.scalars.withUnsafeBufferPointer { b in
                    for r in 0..<rows {
                        let o = r * cols, ao = r * aRowStep, bo = r * bRowStep
                        if aColStep == 1 && bColStep == 1 {
                            for c in 0..<cols { buffer[o + c] = f(a[ao + c], b[bo + c]) }
                        } else if aColStep == 1 {
                            let y = b[bo]
                            for c in 0..<cols { buffer[o + c] = f(a[ao + c], y) }
                        } else if bColStep == 1 {
                            let x = a[ao]
                            for c in 0..<cols { buffer[o + c] = f(x, b[bo + c]) }
                        } else {
                            let x = a[ao], y = b[bo]
                            for c in 0..<cols { buffer[o + c] = f(x, y) }
                        }
                    }
                }
            }
            initialized = out.count
        }
        return Tensor(shape: out, scalars: values)
    }

    /// Adds `other` (same shape) into `self`, in place.
    @inline(__always)
    public mutating func add(_ other: Tensor) {
        precondition(shape == other.shape, "cannot add \(other.shape) into \(shape)")
        scalars.withUnsafeMutableBufferPointer { a in
            other.scalars.withUnsafeBufferPointer { b in
                for i in 0..<a.count { a[i] += b[i] }
            }
        }
    }

    /// Replaces every element `x` by `f(x)`, in place.
    @inline(__always)
    public mutating func apply(_ f: (Double) -> Double) {
        scalars.withUnsafeMutableBufferPointer { a in
            for i in 0..<a.count { a[i] = f(a[i]) }
        }
    }

    /// The sum of a gradient of a broadcast result back down to `target`, the shape of an operand that was
    /// broadcast (the adjoint of broadcasting: every stretched dimension is summed).
    public func summed(to target: Shape) -> Tensor {
        if shape == target { return self }
        var t = self
        if target.rows == 1 && t.shape.rows != 1 { t = t.sumRows() }
        if target.cols == 1 && t.shape.cols != 1 { t = t.sumCols() }
        return t.reshaped(target)
    }

    /// a + b, broadcasting.
    public static func + (a: Tensor, b: Tensor) -> Tensor { a.broadcasting(b, +) }
    /// a − b, broadcasting.
    public static func - (a: Tensor, b: Tensor) -> Tensor { a.broadcasting(b, -) }
    /// a ⊙ b, broadcasting.
    public static func * (a: Tensor, b: Tensor) -> Tensor { a.broadcasting(b, *) }
    /// a ⊘ b, broadcasting.
    public static func / (a: Tensor, b: Tensor) -> Tensor { a.broadcasting(b, /) }
    /// a·s.
    public static func * (a: Tensor, s: Double) -> Tensor { a.map { $0 * s } }
    /// s·a.
    public static func * (s: Double, a: Tensor) -> Tensor { a.map { s * $0 } }
    /// a + s.
    public static func + (a: Tensor, s: Double) -> Tensor { a.map { $0 + s } }
    /// −a.
    public static prefix func - (a: Tensor) -> Tensor { a.map { -$0 } }
}
