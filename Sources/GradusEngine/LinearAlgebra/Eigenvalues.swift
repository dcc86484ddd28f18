import Foundation

extension LinearAlgebra {
    /// The eigenvalues of a real square matrix (numpy `eigvals`), complex ones in conjugate pairs, in no
    /// particular order. Householder reduction to upper Hessenberg form, then Francis' implicit double-shift QR
    /// iteration (Francis, 1961; Golub & Van Loan, "Matrix Computations", §7.5), which deflates 1 × 1 blocks
    /// (real eigenvalues) and 2 × 2 blocks (a real pair or a complex-conjugate pair). Cost O(n³).
    /// Non-finite input, or a matrix on which the iteration fails to converge, gives NaN eigenvalues.
    public static func eigenvalues(_ a: Tensor) -> [Complex] {
        precondition(a.shape.rank == 2 && a.shape.rows == a.shape.cols, "eigenvalues of a square matrix, not \(a.shape)")
        let n = a.shape.rows
        guard a.isFinite else { return Array(repeating: Complex(.nan, .nan), count: n) }
        var h = hessenberg(a).scalars
        return h.withUnsafeMutableBufferPointer { francisQR($0, n: n) }
    }

    /// The spectral radius max |λᵢ|: the largest eigenvalue magnitude, complex pairs included.
    public static func spectralRadius(_ a: Tensor) -> Double {
        eigenvalues(a).reduce(0) { Swift.max($0, $1.magnitude) }
    }

    /// An upper Hessenberg matrix similar to `a` (zeros below the first subdiagonal), by n − 2 Householder
    /// reflections H = I − 2vvᵀ applied on both sides.
    public static func hessenberg(_ a: Tensor) -> Tensor {
        let n = a.shape.rows
        var m = a.scalars
        var v = [Double](repeating: 0, count: n)
        for k in 0..<Swift.max(n - 2, 0) {
            // Reflect column k below the diagonal onto a multiple of e₁.
            var norm = 0.0
            for i in (k + 1)..<n { norm += m[i * n + k] * m[i * n + k] }
            norm = norm.squareRoot()
            if norm == 0 { continue }
            let alpha = m[(k + 1) * n + k] > 0 ? -norm : norm
            var vnorm = 0.0
            for i in (k + 1)..<n {
                v[i] = m[i * n + k] - (i == k + 1 ? alpha : 0)
                vnorm += v[i] * v[i]
            }
            vnorm = vnorm.squareRoot()
            if vnorm == 0 { continue }
            for i in (k + 1)..<n { v[i] /= vnorm }
            // M ← H·M (rows k+1…), then M ← M·H (columns k+1…).
            for j in 0..<n {
                var dot = 0.0
                for i in (k + 1)..<n { dot += v[i] * m[i * n + j] }
                for i in (k + 1)..<n { m[i * n + j] -= 2 * v[i] * dot }
            }
            for i in 0..<n {
                var dot = 0.0
                for j in (k + 1)..<n { dot += m[i * n + j] * v[j] }
                for j in (k + 1)..<n { m[i * n + j] -= 2 * dot * v[j] }
            }
            for i in (k + 2)..<n { m[i * n + k] = 0 }
        }
        return Tensor(shape: .matrix(n, n), scalars: m)
    }

    // MARK: - Francis double-shift QR

    /// Eigenvalues of the upper Hessenberg matrix `h` (n × n, row-major), which it overwrites.
    private static func francisQR(_ h: UnsafeMutableBufferPointer<Double>, n: Int) -> [Complex] {
        func at(_ i: Int, _ j: Int) -> Double { h[i * n + j] }
        func set(_ i: Int, _ j: Int, _ x: Double) { h[i * n + j] = x }
        var values: [Complex] = []
        var norm = 0.0
        for i in 0..<n { for j in Swift.max(i - 1, 0)..<n { norm += abs(at(i, j)) } }
        var last = n - 1          // the active block is rows/columns low…last
        var shiftTotal = 0.0      // sum of exceptional shifts subtracted from the diagonal
        var iterations = 0
        while last >= 0 {
            // Find the lowest negligible subdiagonal entry: the active block starts below it.
            var low = last
            while low > 0 {
                var scale = abs(at(low - 1, low - 1)) + abs(at(low, low))
                if scale == 0 { scale = norm }
                if abs(at(low, low - 1)) + scale == scale { set(low, low - 1, 0); break }
                low -= 1
            }
            let x = at(last, last)
            if low == last {                       // a 1 × 1 block: one real eigenvalue
                values.append(Complex(x + shiftTotal))
                last -= 1; iterations = 0
                continue
            }
            let y = at(last - 1, last - 1), w = at(last, last - 1) * at(last - 1, last)
            if low == last - 1 {                   // a 2 × 2 block: its two eigenvalues
                let p = 0.5 * (y - x), q = p * p + w, root = abs(q).squareRoot()
                let centre = x + shiftTotal
                if q >= 0 {
                    let z = p + (p >= 0 ? root : -root)
                    values.append(Complex(centre + z))
                    values.append(Complex(z != 0 ? centre - w / z : centre + z))
                } else {
                    values.append(Complex(centre + p, root))
                    values.append(Complex(centre + p, -root))
                }
                last -= 2; iterations = 0
                continue
            }
            if iterations >= 60 {
                values += Array(repeating: Complex(.nan, .nan), count: last + 1)
                break
            }
            // The shifts are the eigenvalues of the trailing 2 × 2 block (sum s = x + y, product x·y − w);
            // after 10 and 20 fruitless steps, an exceptional shift breaks cycles.
            var sx = x, sy = y, sw = w
            if iterations == 10 || iterations == 20 {
                shiftTotal += x
                for i in 0...last { set(i, i, at(i, i) - x) }
                let s = abs(at(last, last - 1)) + abs(at(last - 1, last - 2))
                sx = 0.75 * s; sy = sx; sw = -0.4375 * s * s
            }
            iterations += 1
            // Start the bulge where two consecutive subdiagonal entries are small enough (or at `low`).
            var start = last - 2
            var p = 0.0, q = 0.0, r = 0.0
            while true {
                let z = at(start, start)
                let rr = sx - z, ss = sy - z
                p = (rr * ss - sw) / at(start + 1, start) + at(start, start + 1)
                q = at(start + 1, start + 1) - z - rr - ss
                r = at(start + 2, start + 1)
                let scale = abs(p) + abs(q) + abs(r)
                p /= scale; q /= scale; r /= scale
                if start == low { break }
                let u = abs(at(start, start - 1)) * (abs(q) + abs(r))
                let v = abs(p) * (abs(at(start - 1, start - 1)) + abs(z) + abs(at(start + 1, start + 1)))
                if u + v == v { break }
                start -= 1
            }
            for i in (start + 2)...last {
                set(i, i - 2, 0)
                if i != start + 2 { set(i, i - 3, 0) }
            }
            // Chase the bulge down with 3 × 3 Householder reflections.
            for k in start..<last {
                var scale = 0.0
                if k != start {
                    p = at(k, k - 1); q = at(k + 1, k - 1); r = k != last - 1 ? at(k + 2, k - 1) : 0
                    scale = abs(p) + abs(q) + abs(r)
                    if scale == 0 { continue }
                    p /= scale; q /= scale; r /= scale
                }
                let length = (p * p + q * q + r * r).squareRoot()
                let s = p >= 0 ? length : -length
                if s == 0 { continue }
                if k == start {
                    if low != start { set(k, k - 1, -at(k, k - 1)) }
                } else {
                    set(k, k - 1, -s * scale)
                }
                p += s
                let vx = p / s, vy = q / s, vz = r / s
                q /= p; r /= p
                for j in k...last {                               // rows k, k+1, k+2
                    var t = at(k, j) + q * at(k + 1, j)
                    if k != last - 1 {
                        t += r * at(k + 2, j)
                        set(k + 2, j, at(k + 2, j) - t * vz)
                    }
                    set(k + 1, j, at(k + 1, j) - t * vy)
                    set(k, j, at(k, j) - t * vx)
                }
                for i in low...Swift.min(last, k + 3) {           // columns k, k+1, k+2
                    var t = vx * at(i, k) + vy * at(i, k + 1)
                    if k != last - 1 {
                        t += vz * at(i, k + 2)
                        set(i, k + 2, at(i, k + 2) - t * r)
                    }
                    set(i, k + 1, at(i, k + 1) - t * q)
                    set(i, k, at(i, k) - t)
                }
            }
        }
        return values
    }
}
