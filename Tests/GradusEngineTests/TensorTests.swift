import Foundation
import Testing
@testable import GradusEngine

@Suite("Tensor kernels")
struct TensorTests {
    /// The textbook triple loop, summing over the shared index in increasing order.
    /// The triple loop, each step a fused multiply-add where the products fuse them (`ProductRounding`).
    private func naiveProduct(_ a: Tensor, _ b: Tensor) -> Tensor {
        let m = a.shape.rows, k = a.shape.cols, n = b.shape.cols
        var c = Tensor.zeros(.matrix(m, n))
        for i in 0..<m {
            for j in 0..<n {
                var s = 0.0
                for p in 0..<k {
                    if ProductRounding.fused { s = s.addingProduct(a[i, p], b[p, j]) } else { s += a[i, p] * b[p, j] }
                }
                c[i, j] = s
            }
        }
        return c
    }

    @Test("Matrix products equal the triple loop bit for bit, whatever the blocking, transposes and threads",
          arguments: [(1, 1, 1), (1, 7, 1), (5, 3, 9), (6, 4, 4), (13, 17, 11), (128, 64, 64), (64, 128, 64),
                      (200, 33, 70), (3, 0, 4), (32, 1, 128), (40, 3, 9), (1, 128, 32), (11, 20, 7)])
    func matmulIsExact(_ dims: (Int, Int, Int)) {
        let (m, k, n) = dims
        var rng = Generator(seed: UInt64(m * 10_000 + k * 100 + n))
        let a = Tensor.normal(.matrix(m, k), generator: &rng), b = Tensor.normal(.matrix(k, n), generator: &rng)
        let expected = naiveProduct(a, b)
        #expect(a.matmul(b) == expected)
        #expect(Tensor.gemm(a.transposed(), transposeA: true, b, transposeB: false) == expected)
        #expect(Tensor.gemm(a, transposeA: false, b.transposed(), transposeB: true) == expected)
        #expect(Tensor.gemm(a.transposed(), transposeA: true, b.transposed(), transposeB: true) == expected)
    }

    @Test("Broadcasting follows numpy on the matrix view")
    func broadcasting() {
        let m = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect((m + Tensor([10, 20, 30])).rows == [[11, 22, 33], [14, 25, 36]])
        #expect((m * Tensor(rows: [[2], [3]])).rows == [[2, 4, 6], [12, 15, 18]])
        #expect((Tensor(scalar: 1) - m).rows == [[0, -1, -2], [-3, -4, -5]])
        #expect((Tensor(rows: [[1], [2]]) + Tensor([10, 20])).rows == [[11, 21], [12, 22]])
        #expect(Shape.vector(3).broadcast(with: .matrix(2, 4)) == nil)
        #expect(Shape.vector(3).broadcast(with: .scalar) == .vector(3))
        #expect((m + Tensor([1, 1, 1])).shape == .matrix(2, 3))
    }

    @Test("Sums, slices, concatenation and transposes keep elements where numpy puts them")
    func reshuffles() {
        let m = Tensor(rows: [[1, 2, 3], [4, 5, 6]])
        #expect(m.sumRows().scalars == [5, 7, 9] && m.sumRows().shape == .matrix(1, 3))
        #expect(m.sumCols().scalars == [6, 15] && m.sumCols().shape == .matrix(2, 1))
        #expect(m.columns(1..<3).rows == [[2, 3], [5, 6]])
        #expect(Tensor.concatenatingColumns([m.columns(2..<3), m.columns(0..<2)]).rows == [[3, 1, 2], [6, 4, 5]])
        #expect(m.transposed().rows == [[1, 4], [2, 5], [3, 6]])
        #expect(Tensor([1, 2]).transposed().shape == .matrix(2, 1))
        #expect(m.summed(to: .vector(3)).scalars == [5, 7, 9])
        #expect(m.summed(to: .scalar).scalars == [21])
        #expect(Tensor([1, 2, 3]).expanded(to: .matrix(2, 3)).rows == [[1, 2, 3], [1, 2, 3]])
        #expect(Shape.matrix(2, 3).description == "(2, 3)" && Shape.vector(3).description == "(3,)")
    }
}

@Suite("Tensor statistics")
struct TensorStatisticsTests {
    @Test("Mean, population variance and fractions, computed by hand")
    func statistics() {
        let t = Tensor(rows: [[1, 2], [3, 6]])
        #expect(t.mean() == 3)
        #expect(t.variance() == 3.5)          // (4 + 1 + 0 + 9) / 4
        #expect(t.standardDeviation() == 3.5.squareRoot())
        #expect(t.fraction { $0 > 2 } == 0.5)
    }

    @Test("Rescaling to a spectral radius")
    func rescale() {
        var rng = Generator(seed: 4)
        let a = Tensor.normal(.matrix(20, 20), generator: &rng)
        let b = LinearAlgebra.rescaled(a, toSpectralRadius: 1.5)
        #expect(abs(LinearAlgebra.spectralRadius(b) - 1.5) < 1e-12)
    }
}

@Suite("Gradus' own elementary functions")
struct ElementaryTests {
    @Test("tanh is within 3 ulps of the exact value (long double) over 1 000 000 arguments of every scale")
    func tanhAccuracy() {
        var rng = Generator(seed: 21)
        var xs: [Double] = []
        for trial in 0..<1_000_000 {
            let scale = [1e-6, 0.01, 0.3, 0.6, 1, 3, 10, 25, 0.35, 0.7][trial % 10]
            xs.append((2 * rng.nextUniform() - 1) * scale)
        }
        xs += [0.5, -0.5, 0.5.nextDown, 0.34657359027997264, 20, 20.5, 1e-300, 5e-324, 700, -1e308]
        let ours = Tensor(xs).tanh().scalars
        // Float80's tanh carries 11 more bits than Double: exact enough to measure ulps of Double against.
        // (glibc's own Double tanh is up to 2.2 ulps off on these arguments.)
        var worst = 0.0
        for (x, y) in zip(xs, ours) {
            let exact = Foundation.tanh(Float80(x))
            worst = max(worst, Double(abs(Float80(y) - exact)) / Double(exact).ulp)
        }
        #expect(worst <= 3, "worst error \(worst) ulps")
    }

    @Test("sigmoid is within 2.5 ulps of the exact value (long double) over 1 000 000 arguments of every scale")
    func sigmoidAccuracy() {
        var rng = Generator(seed: 22)
        var xs: [Double] = []
        for trial in 0..<1_000_000 {
            let scale = [1e-6, 0.01, 0.3, 1, 3, 10, 40, 100, 700, 745][trial % 10]
            xs.append((2 * rng.nextUniform() - 1) * scale)
        }
        xs += [0.5, -0.5, 36.7, 37, -36.7, -37, 708, -708, 709.8, -709.8, 744, -744, 1e-300, -5e-324, 5e-324]
        let ours = Tensor(xs).sigmoid().scalars
        // Float80 carries 11 more bits than Double; below the smallest normal Double the unit is the subnormal step.
        var worst = 0.0
        for (x, y) in zip(xs, ours) {
            let exact = 1 / (1 + Foundation.exp(-Float80(x)))
            let unit = max(Double(exact).ulp, Double.leastNonzeroMagnitude)
            worst = max(worst, Double(abs(Float80(y) - exact)) / unit)
        }
        #expect(worst <= 2.5, "worst error \(worst) ulps")
    }

    @Test("sigmoid keeps IEEE's special values and both tails: +∞ → 1, −∞ → 0, NaN; odd tail lengths work")
    func sigmoidSpecials() {
        let y = Tensor([0, -0.0, .infinity, -.infinity, .nan, 800, -800, -746, 40, -40, 1e308, -1e308]).sigmoid().scalars
        #expect(y[0] == 0.5 && y[1] == 0.5 && y[2] == 1 && y[3] == 0 && y[4].isNaN)
        #expect(y[5] == 1 && y[6] == 0 && y[7] == 0 && y[8] == 1 && y[10] == 1 && y[11] == 0)
        #expect(abs(y[9] - 4.248354255291589e-18) <= 4.248354255291589e-18.ulp)
        #expect(Tensor([0.7, -0.2, 3]).sigmoid().scalars.map { $0 > 0 && $0 < 1 } == [true, true, true])
    }

    @Test("tanh keeps IEEE's special values: ±0, ±∞ → ±1, NaN; odd tail lengths work")
    func tanhSpecials() {
        let y = Tensor([0, -0.0, .infinity, -.infinity, .nan]).tanh().scalars
        #expect(y[0] == 0 && y[0].sign == .plus && y[1] == 0 && y[1].sign == .minus)
        #expect(y[2] == 1 && y[3] == -1 && y[4].isNaN)
        #expect(Tensor([0.7, -0.2, 3]).tanh().scalars.map { abs($0) < 1 } == [true, true, true])
    }
}
