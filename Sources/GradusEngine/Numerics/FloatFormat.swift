import Foundation

/// The binary floating-point formats of mixed-precision training, for emulating them on `Double` values: each
/// `round(_:)` gives the value of the format nearest to x (ties to even), as the conversion from a wider format
/// does, including overflow to ±∞, gradual underflow through the subnormals, and flushing to ±0 below half the
/// smallest subnormal.
///
/// | format | exponent bits | significand bits (with the implicit 1) | largest finite | smallest normal | smallest subnormal |
/// | --- | --- | --- | --- | --- | --- |
/// | fp32 (IEEE binary32) | 8 | 24 | ≈ 3.4·10³⁸ | 2⁻¹²⁶ ≈ 1.2·10⁻³⁸ | 2⁻¹⁴⁹ ≈ 1.4·10⁻⁴⁵ |
/// | fp16 (IEEE binary16) | 5 | 11 | 65 504 | 2⁻¹⁴ ≈ 6.1·10⁻⁵ | 2⁻²⁴ ≈ 6.0·10⁻⁸ |
/// | bf16 (bfloat16) | 8 | 8 | ≈ 3.4·10³⁸ | 2⁻¹²⁶ | 2⁻¹³³ |
public enum FloatFormat: String, CaseIterable, Sendable {
    case fp32
    case fp16
    case bf16

    /// Significand bits p, counting the implicit leading 1: a relative spacing of 2^(1−p) between neighbours.
    public var significandBits: Int {
        switch self {
        case .fp32: return 24
        case .fp16: return 11
        case .bf16: return 8
        }
    }

    /// Exponent bits.
    public var exponentBits: Int {
        switch self {
        case .fp32, .bf16: return 8
        case .fp16: return 5
        }
    }

    /// The exponent of the smallest normal number, 2 − 2^(e−1): −126 or −14.
    public var minExponent: Int { 2 - (1 << (exponentBits - 1)) }

    /// The exponent of the largest finite number, 2^(e−1) − 1: 127 or 15.
    public var maxExponent: Int { (1 << (exponentBits - 1)) - 1 }

    /// (2 − 2^(1−p))·2^emax: 65 504 for fp16.
    public var greatestFiniteMagnitude: Double {
        (2 - Foundation.pow(2, Double(1 - significandBits))) * Foundation.pow(2, Double(maxExponent))
    }

    /// 2^emin.
    public var leastNormalMagnitude: Double { Foundation.pow(2, Double(minExponent)) }

    /// 2^(emin − p + 1), the spacing of the subnormals.
    public var leastNonzeroMagnitude: Double { Foundation.pow(2, Double(minExponent - significandBits + 1)) }

    /// The distance from 1 to the next larger number, 2^(1−p): the relative precision.
    public var epsilon: Double { Foundation.pow(2, Double(1 - significandBits)) }

    /// The number of the format nearest to x, ties to even, as a `Double`. fp32 converts with Swift's `Float`;
    /// fp16 keeps the top 10 fraction bits of x's Double (`half(_:)`, the same value as Swift's `Float16(x)`, which
    /// the tests check around every fp16 number, at a tenth of its cost where the CPU has no conversion
    /// instruction); bf16 rounds the bits of x's `Float` to their upper half, as hardware converts an fp32 value
    /// (a Double is first rounded to fp32).
    public func round(_ x: Double) -> Double {
        switch self {
        case .fp32: return Double(Float(x))
        case .fp16: return FloatFormat.half(x)
        case .bf16: return Double(FloatFormat.bfloat16(Float(x)))
        }
    }

    /// The spacing of the format's numbers at |x| (its unit in the last place): 2^(max(e, emin) − p + 1) for
    /// 2^e ≤ |x| < 2^(e+1).
    public func spacing(at x: Double) -> Double {
        let magnitude = abs(x)
        let exponent = magnitude == 0 ? minExponent : max(Int(magnitude.exponent), minExponent)
        return Foundation.pow(2, Double(exponent - significandBits + 1))
    }

    /// x rounded to fp16 by Swift's `Float16` where the platform has it, else by `roundBinary`.
    public static func float16(_ x: Double) -> Double {
        #if (os(macOS) || targetEnvironment(macCatalyst)) && arch(x86_64)
        return roundBinary(x, format: .fp16)
        #else
        if #available(macOS 11.0, iOS 14.0, tvOS 14.0, watchOS 7.0, *) { return Double(Float16(x)) }
        return roundBinary(x, format: .fp16)
        #endif
    }

    /// x rounded to fp16 on its Double bits. From fp16's smallest normal 2⁻¹⁴ up, the 42 lowest of the 52 fraction
    /// bits are dropped with ties to even (add 2⁴¹ − 1 plus the lowest kept bit, then clear them; a carry raises the
    /// exponent), and a result above 65 504 is ∞. Below 2⁻¹⁴ the spacing is the subnormals' 2⁻²⁴, so x·2²⁴ (exact) is
    /// rounded to an integer. The sign is kept, −0 included; NaN and ±∞ pass through.
    public static func half(_ x: Double) -> Double {
        guard x.isFinite else { return x }
        let magnitude = abs(x)
        let rounded: Double
        if magnitude < 0x1p-14 {
            rounded = (magnitude * 0x1p24).rounded(.toNearestOrEven) * 0x1p-24
        } else {
            let bits = magnitude.bitPattern, dropped: UInt64 = 42
            let kept = (bits &+ ((1 << (dropped - 1)) - 1) &+ ((bits >> dropped) & 1)) & ~((1 << dropped) - 1)
            rounded = Double(bitPattern: kept)
            if rounded > 65504 { return x < 0 ? -.infinity : .infinity }
        }
        return Double(signOf: x, magnitudeOf: rounded)
    }

    /// x rounded to bfloat16 (Kalamkar et al., 2019): the upper 16 bits of its binary32 encoding, rounded to
    /// nearest with ties to even by adding 0x7FFF plus the lowest kept bit before truncating. A carry out of
    /// the significand raises the exponent, and out of the largest exponent gives ∞, as rounding should. NaN
    /// stays NaN (quiet).
    public static func bfloat16(_ x: Float) -> Float {
        if x.isNaN { return .nan }
        let bits = x.bitPattern
        let rounded = (bits &+ 0x7FFF &+ ((bits >> 16) & 1)) & 0xFFFF_0000
        return Float(bitPattern: rounded)
    }

    /// The correctly rounded value of x in a binary format with the format's significand bits and exponent
    /// range, computed in Double: q = x/spacing is exact (a power of two), rounded to the nearest integer with
    /// ties to even, and scaled back; a result beyond the largest finite number is ±∞. Exact for any format
    /// narrower than Double.
    public static func roundBinary(_ x: Double, format: FloatFormat) -> Double {
        guard x.isFinite, x != 0 else { return x }
        let unit = format.spacing(at: x)
        let rounded = (x / unit).rounded(.toNearestOrEven) * unit
        if abs(rounded) > format.greatestFiniteMagnitude { return x < 0 ? -.infinity : .infinity }
        return rounded == 0 ? (x < 0 ? -0.0 : 0) : rounded
    }
}

extension Tensor {
    /// Every element rounded to `format`.
    public func rounded(to format: FloatFormat) -> Tensor { map { format.round($0) } }
}

extension Variable {
    /// This value as a tensor stored in `format`: the forward pass rounds every element; the backward pass
    /// passes the gradient through, rounded to the same format, as a gradient stored in it would be. Rounding
    /// itself has derivative 0 almost everywhere: this is an emulation of low-precision storage, not of the
    /// rounding function.
    public func rounded(to format: FloatFormat) -> Variable {
        Variable.custom(value.rounded(to: format), inputs: [self]) { g in [g.rounded(to: format)] }
    }
}
