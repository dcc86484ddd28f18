/// Elementary functions evaluated eight lanes at a time with SSE2 arithmetic only, for the hot elementwise ops.
/// They use `+ − × ÷` and bit manipulation, so they give the same bits on every x86-64 and ARM machine.
enum Elementary {
    typealias V = SIMD8<Double>
    typealias Bits = SIMD8<UInt64>
    typealias Ints = SIMD8<Int64>

    /// tanh, within 3 ulps of the exact value (tested on 10⁶ arguments), by one branch-free formula for every lane:
    /// tanh|x| = −E/(2 + E) with E = eᵘ − 1, u = −2|x| (|x| capped at 20, where tanh is 1 in Double), and the
    /// sign put back. E comes from `expm1`, accurate near 0, so small arguments lose nothing to cancellation.
    /// NaN stays NaN, ±∞ gives ±1, −0 stays −0.
    @inline(__always)
    static func tanh(_ x: V) -> V {
        let signMask = Bits(repeating: 0x8000_0000_0000_0000)
        let bits = unsafeBitCast(x, to: Bits.self)
        let a = unsafeBitCast(bits & ~signMask, to: V.self)
        let e = expm1(-2 * a.replacing(with: 20, where: a .> 20))
        let magnitude = unsafeBitCast(-e / (2 + e), to: Bits.self) & ~signMask
        return unsafeBitCast(magnitude | (bits & signMask), to: V.self)
    }

    /// eᵘ − 1 for u in [−40, 0]: u = k·ln 2 + r with |r| ≤ ½ln 2 (`reduce`), q = eʳ − 1 (`expm1Reduced`), then
    /// eᵘ − 1 = 2ᵏ·q + (2ᵏ − 1), where 2ᵏ − 1 is exact and the sum cancels at most one bit (k = −1). For k = 0
    /// the result is q itself, relative to u however small.
    @inline(__always)
    static func expm1(_ u: V) -> V {
        let (k, r) = reduce(u)
        let q = expm1Reduced(r)
        let scale = unsafeBitCast((k &+ 1023) &<< 52, to: V.self)
        return scale * q + (scale - 1)
    }

    /// u = k·ln 2 + r with k an integer and |r| ≤ ½ln 2 (a hair more from rounding), for |u| below about 2¹⁰:
    /// k rounded with the 1.5·2⁵² trick, ln 2 split in two as Cody and Waite do, so that k·ln2ₕ is exact.
    @inline(__always)
    static func reduce(_ u: V) -> (k: Ints, r: V) {
        let magic = V(repeating: 6_755_399_441_055_744.0)
        let shifted = u * V(repeating: 1.4426950408889634) + magic
        let k = shifted - magic
        let r = (u - k * V(repeating: 6.93147180369123816490e-01)) - k * V(repeating: 1.90821492927058770002e-10)
        return (unsafeBitCast(shifted, to: Ints.self) &- unsafeBitCast(magic, to: Ints.self), r)
    }

    /// eʳ − 1 for |r| ≤ ½ln 2: r + r²·(1/2 + r/6 + … + r¹¹/13!) (remainder below 10⁻¹⁷ relative).
    @inline(__always)
    static func expm1Reduced(_ r: V) -> V {
        var p = V(repeating: 1.0 / 6_227_020_800)               // 1/13!, then 1/12! … 1/2!
        p = p * r + V(repeating: 1.0 / 479_001_600)
        p = p * r + V(repeating: 1.0 / 39_916_800)
        p = p * r + V(repeating: 1.0 / 3_628_800)
        p = p * r + V(repeating: 1.0 / 362_880)
        p = p * r + V(repeating: 1.0 / 40320)
        p = p * r + V(repeating: 1.0 / 5040)
        p = p * r + V(repeating: 1.0 / 720)
        p = p * r + V(repeating: 1.0 / 120)
        p = p * r + V(repeating: 1.0 / 24)
        p = p * r + V(repeating: 1.0 / 6)
        p = p * r + V(repeating: 1.0 / 2)
        return r + (r * r) * p
    }

    /// σ(x) = 1/(1 + e⁻ˣ), within 2.5 ulps of the exact value (tested on 10⁶ arguments; 1/(1 + exp(−x)) with
    /// glibc's exp is within 2.1, but gives 0 for the subnormal results between −745 and −709, where exp
    /// overflows), by one branch-free formula for every lane: t = e^(−|x|) ∈ [0, 1], then 1/(1 + t) where x
    /// has no sign bit and t/(1 + t) where it has (−0 gives ½ either way), each accurate relative to its
    /// result on both tails. t = 2ᵏ·eʳ with eʳ = 1 + (eʳ − 1) and 2ᵏ applied as two factors, 2^⌊k/2⌋ and the
    /// rest, so that t stays right down to subnormals; |x| is capped at 746, past which t is 0 in Double. NaN
    /// stays NaN (without a sign), +∞ gives 1, −∞ gives 0. `AVXSigmoid` does the same operations four lanes at
    /// a time.
    @inline(__always)
    static func sigmoid(_ x: V) -> V {
        let signMask = Bits(repeating: 0x8000_0000_0000_0000)
        let bits = unsafeBitCast(x, to: Bits.self)
        let a = unsafeBitCast(bits & ~signMask, to: V.self)
        let (k, r) = reduce(-a.replacing(with: 746, where: a .> 746))
        let e = 1 + expm1Reduced(r)
        // ⌊k/2⌋ for k in [−1077, 0] with a logical shift (AVX2 has no arithmetic one for 64-bit lanes).
        let half = Ints(truncatingIfNeeded: Bits(truncatingIfNeeded: k &+ 2048) &>> 1) &- 1024
        let scaleHigh = unsafeBitCast((half &+ 1023) &<< 52, to: V.self)
        let scaleLow = unsafeBitCast((k &- half &+ 1023) &<< 52, to: V.self)
        let t = (e * scaleHigh) * scaleLow
        let sigma = V(repeating: 1).replacing(with: t, where: bits & signMask .!= 0) / (1 + t)
        // σ ≥ 0: clearing the sign bit changes only NaN, whose sign the compiler may flip on the way.
        return unsafeBitCast(unsafeBitCast(sigma, to: Bits.self) & ~signMask, to: V.self)
    }

    /// σ applied to every element of `x`, written to `out` (the same count; they may be the same buffer).
    /// Where the CPU has AVX2 the whole groups of four run through the generated kernel (`AVXSigmoid`, the same
    /// bits); `portable` keeps to this code (the tests compare both).
    static func sigmoid(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>,
                        portable: Bool = false) {
        apply(x, into: out, kernel: portable ? nil : AVXSigmoid.function.map { ($0, AVXSigmoid.constants) }, sigmoid)
    }

    /// tanh applied to every element of `x`, written to `out` (the same count), a vector of lanes at a time
    /// (several independent Horner chains in flight).
    /// Where the CPU has AVX2 the whole groups of four run through the generated kernel (`AVXTanh`, the same
    /// bits); `portable` keeps to this code (the tests compare both).
    static func tanh(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>,
                     portable: Bool = false) {
        apply(x, into: out, kernel: portable ? nil : AVXTanh.function.map { ($0, AVXTanh.constants) }, tanh)
    }

    /// `f` applied to every element of `x`, written to `out`: the whole groups of four through the generated
    /// `kernel` when there is one (it gives `f`'s bits), the rest a vector of lanes at a time, the last few
    /// in a vector padded with zeros.
    private static func apply(_ x: UnsafeBufferPointer<Double>, into out: UnsafeMutableBufferPointer<Double>,
                              kernel: (function: VectorKernel.Function, constants: UnsafePointer<Double>)?, _ f: (V) -> V) {
        let n = x.count, width = V.scalarCount
        var i = 0
        if let kernel, n >= 4 {
            kernel.function(n / 4, x.baseAddress!, out.baseAddress!, kernel.constants)
            i = n - n % 4
        }
        while i + width <= n {
            let y = f(UnsafeRawPointer(x.baseAddress! + i).loadUnaligned(as: V.self))
            UnsafeMutableRawPointer(out.baseAddress! + i).storeBytes(of: y, as: V.self)
            i += width
        }
        if i < n {
            var rest = V()
            for j in i..<n { rest[j - i] = x[j] }
            let y = f(rest)
            for j in i..<n { out[j] = y[j - i] }
        }
    }
}

extension Tensor {
    /// σ(x) = 1/(1 + e⁻ˣ) of every element (`Elementary.sigmoid`: within 2.5 ulps of the exact value).
    public func sigmoid() -> Tensor { elementwise(Elementary.sigmoid) }

    /// tanh of every element (`Elementary.tanh`: within 3 ulps of the exact value).
    public func tanh() -> Tensor { elementwise(Elementary.tanh) }

    /// A tensor of this shape whose elements `apply` writes from this one's.
    private func elementwise(_ apply: (UnsafeBufferPointer<Double>, UnsafeMutableBufferPointer<Double>, Bool) -> Void) -> Tensor {
        let out = [Double](unsafeUninitializedCapacity: count) { buffer, initialized in
            scalars.withUnsafeBufferPointer { apply($0, buffer, false) }
            initialized = count
        }
        return Tensor(shape: shape, scalars: out)
    }
}
