/// An array of `Double` of rank 0, 1 or 2, stored contiguously in row-major order (batch-first: one example per
/// row). A value type with copy-on-write storage; it records nothing — see `Variable` for differentiation.
///
/// Non-finite values are ordinary values here: arithmetic follows IEEE 754 (no trap, no clamp).
public struct Tensor: Sendable, Equatable, CustomStringConvertible {
    /// The shape; `scalars.count == shape.count` always.
    public private(set) var shape: Shape
    /// The elements in row-major order.
    public var scalars: [Double] {
        didSet { precondition(scalars.count == shape.count, "\(scalars.count) scalars do not fill shape \(shape)") }
    }

    /// A tensor of `shape` holding `scalars` in row-major order. Traps when the count does not match.
    public init(shape: Shape, scalars: [Double]) {
        precondition(scalars.count == shape.count,
                     "\(scalars.count) scalars do not fill shape \(shape) (\(shape.count) elements)")
        self.shape = shape
        self.scalars = scalars
    }

    /// A tensor of numpy-style dimensions `dims` (`[]`, `[n]` or `[rows, cols]`) holding `scalars`.
    public init(_ scalars: [Double], shape dims: [Int]) {
        self.init(shape: Shape(dims), scalars: scalars)
    }

    /// A vector.
    public init(_ vector: [Double]) {
        self.init(shape: .vector(vector.count), scalars: vector)
    }

    /// A matrix from its rows, which must all have the same length.
    public init(rows: [[Double]]) {
        let cols = rows.first?.count ?? 0
        precondition(rows.allSatisfy { $0.count == cols }, "rows of different lengths")
        self.init(shape: .matrix(rows.count, cols), scalars: rows.flatMap { $0 })
    }

    /// A scalar.
    public init(scalar: Double) {
        self.init(shape: .scalar, scalars: [scalar])
    }

    /// A tensor of `shape` with every element equal to `value`.
    public init(repeating value: Double, shape: Shape) {
        self.init(shape: shape, scalars: [Double](repeating: value, count: shape.count))
    }

    /// Zeros of `shape`.
    public static func zeros(_ shape: Shape) -> Tensor { Tensor(repeating: 0, shape: shape) }

    /// Ones of `shape`.
    public static func ones(_ shape: Shape) -> Tensor { Tensor(repeating: 1, shape: shape) }

    /// The `n` × `n` identity matrix.
    public static func identity(_ n: Int) -> Tensor {
        var t = zeros(.matrix(n, n))
        for i in 0..<n { t.scalars[i * n + i] = 1 }
        return t
    }

    /// Elements drawn from N(mean, std²) with `generator`, in row-major order.
    public static func normal(_ shape: Shape, mean: Double = 0, std: Double = 1,
                              generator: inout Generator) -> Tensor {
        var values = [Double](repeating: 0, count: shape.count)
        for i in values.indices { values[i] = mean + std * generator.nextNormal() }
        return Tensor(shape: shape, scalars: values)
    }

    /// Elements drawn from U[low, high) with `generator`, in row-major order.
    public static func uniform(_ shape: Shape, low: Double, high: Double, generator: inout Generator) -> Tensor {
        var values = [Double](repeating: 0, count: shape.count)
        for i in values.indices { values[i] = low + (high - low) * generator.nextUniform() }
        return Tensor(shape: shape, scalars: values)
    }

    /// The number of elements.
    public var count: Int { shape.count }

    /// The only element of a one-element tensor.
    public var item: Double {
        precondition(count == 1, "item of a tensor of shape \(shape)")
        return scalars[0]
    }

    /// The element at `row`, `col` of the matrix view (0-based).
    public subscript(row: Int, col: Int) -> Double {
        get { scalars[row * shape.cols + col] }
        set { scalars[row * shape.cols + col] = newValue }
    }

    /// The rows of the matrix view, as arrays.
    public var rows: [[Double]] {
        (0..<shape.rows).map { r in Array(scalars[r * shape.cols ..< (r + 1) * shape.cols]) }
    }

    /// The same elements under another shape with the same count.
    public func reshaped(_ newShape: Shape) -> Tensor {
        precondition(newShape.count == count, "cannot reshape \(shape) to \(newShape)")
        return Tensor(shape: newShape, scalars: scalars)
    }

    /// True when every element is finite (no NaN, no infinity).
    public var isFinite: Bool {
        scalars.withUnsafeBufferPointer { p in
            var sum = 0.0
            for x in p { sum += x * 0 }   // x·0 is 0 for finite x and NaN for NaN or ±∞
            return sum == 0
        }
    }

    /// `Tensor(shape: (2, 2), [[1.0, 2.0], [3.0, 4.0]])`.
    public var description: String {
        let body: String
        switch shape.rank {
        case 0: body = "\(scalars[0])"
        case 1: body = "\(scalars)"
        default: body = "\(rows)"
        }
        return "Tensor(shape: \(shape), \(body))"
    }
}
