/// The shape of a `Tensor`: a scalar (rank 0), a vector (rank 1) or a matrix (rank 2, rows × columns).
///
/// Every shape is also seen as a matrix, batch-first: a scalar is 1 × 1 and a vector of `n` is one row of `n`
/// (as numpy broadcasts it). Broadcasting follows numpy on that view: a dimension of 1 stretches to match.
/// Stored as three integers, so making a shape never allocates.
public struct Shape: Hashable, Sendable, CustomStringConvertible {
    /// 0, 1 or 2.
    public let rank: Int
    /// The number of rows of the matrix view (1 for scalars and vectors).
    public let rows: Int
    /// The number of columns of the matrix view (the length of a vector, 1 for a scalar).
    public let cols: Int

    /// The shape of a scalar.
    public static let scalar = Shape(rank: 0, rows: 1, cols: 1)

    /// A vector of `count` elements.
    public static func vector(_ count: Int) -> Shape {
        precondition(count >= 0, "a vector cannot have \(count) elements")
        return Shape(rank: 1, rows: 1, cols: count)
    }

    /// A matrix of `rows` × `cols` elements.
    public static func matrix(_ rows: Int, _ cols: Int) -> Shape {
        precondition(rows >= 0 && cols >= 0, "a matrix cannot be \(rows) × \(cols)")
        return Shape(rank: 2, rows: rows, cols: cols)
    }

    /// A shape from numpy-style dimensions: `[]`, `[n]` or `[rows, cols]`.
    public init(_ dims: [Int]) {
        switch dims.count {
        case 0: self = .scalar
        case 1: self = .vector(dims[0])
        case 2: self = .matrix(dims[0], dims[1])
        default: preconditionFailure("Gradus tensors have rank 0, 1 or 2, not \(dims.count) (shape \(dims))")
        }
    }

    private init(rank: Int, rows: Int, cols: Int) {
        self.rank = rank
        self.rows = rows
        self.cols = cols
    }

    /// The numpy-style dimensions: `[]`, `[n]` or `[rows, cols]`.
    public var dims: [Int] {
        switch rank {
        case 0: return []
        case 1: return [cols]
        default: return [rows, cols]
        }
    }

    /// The number of elements.
    public var count: Int { rows * cols }

    /// `(2, 3)`, `(3,)` or `()`, as numpy prints shapes.
    public var description: String {
        switch rank {
        case 0: return "()"
        case 1: return "(\(cols),)"
        default: return "(\(rows), \(cols))"
        }
    }

    /// The shape that `self` and `other` broadcast to (numpy rules on the matrix view; the larger rank wins),
    /// or nil when a dimension differs and neither is 1.
    public func broadcast(with other: Shape) -> Shape? {
        func merge(_ a: Int, _ b: Int) -> Int? { a == b ? a : (a == 1 ? b : (b == 1 ? a : nil)) }
        guard let r = merge(rows, other.rows), let c = merge(cols, other.cols) else { return nil }
        let rank = Swift.max(self.rank, other.rank)
        if rank == 2 { return .matrix(r, c) }
        if rank == 1 { return .vector(c) }
        return .scalar
    }
}
