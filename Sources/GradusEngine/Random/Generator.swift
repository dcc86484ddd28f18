/// Gradus' seeded random generator: xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number
/// generators", 2021) with its state filled by SplitMix64 from a 64-bit seed.
///
/// The same seed gives the same numbers on every platform and run: it uses integer arithmetic, and its normals
/// (Marsaglia's polar method) use only `+ − × ÷`, `sqrt` (correctly rounded by IEEE 754) and `Generator.log`,
/// Gradus' own logarithm, rather than the platform's `log`, whose last bit may differ between C libraries.
public struct Generator: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64
    private var spareNormal: Double?

    /// A generator whose state is four successive outputs of SplitMix64 started at `seed`.
    public init(seed: UInt64) {
        var seeder = SplitMix64(seed: seed)
        s0 = seeder.next(); s1 = seeder.next(); s2 = seeder.next(); s3 = seeder.next()
    }

    /// The next 64 random bits (xoshiro256**).
    public mutating func next() -> UInt64 {
        let result = rotl(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = rotl(s3, 45)
        return result
    }

    /// A uniform double in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    public mutating func nextUniform() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal N(0, 1) by Marsaglia's polar method; each accepted pair yields two normals, the second
    /// kept for the next call.
    public mutating func nextNormal() -> Double {
        if let spare = spareNormal {
            spareNormal = nil
            return spare
        }
        while true {
            let u = 2 * nextUniform() - 1, v = 2 * nextUniform() - 1
            let s = u * u + v * v
            if s >= 1 || s == 0 { continue }
            let factor = (-2 * Generator.log(s) / s).squareRoot()
            spareNormal = v * factor
            return u * factor
        }
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-and-reject, unbiased).
    public mutating func nextInt(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive, not \(bound)")
        return Int(next(upperBound: UInt64(bound)))
    }

    /// The natural logarithm of a positive finite `x`, from `+ − × ÷` only, so it is the same on every platform.
    /// Within 2 ulps of glibc's `log` (tested): x = m·2ᵉ with m in [√½, √2), ln x = e·ln 2 + 2·atanh(s) with
    /// s = (m−1)/(m+1), the series summed to s²¹ (|s| < 0.172, remainder below 10⁻¹⁸).
    public static func log(_ x: Double) -> Double {
        precondition(x > 0 && x.isFinite, "log of \(x)")
        var e = Int(x.exponent)
        var m = x.significand          // in [1, 2)
        if m > 1.4142135623730951 { m /= 2; e += 1 }
        let s = (m - 1) / (m + 1), s2 = s * s
        var term = s2, series = 0.0
        for k in stride(from: 3, through: 21, by: 2) {
            series += term / Double(k)
            term *= s2
        }
        let ln2hi = 6.93147180369123816490e-01, ln2lo = 1.90821492927058770002e-10
        return Double(e) * ln2hi + (2 * s + (2 * s * series + Double(e) * ln2lo))
    }

    // MARK: - Helpers

    private func rotl(_ x: UInt64, _ k: UInt64) -> UInt64 { (x << k) | (x >> (64 - k)) }
}
