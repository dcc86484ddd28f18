import Foundation

/// A complex number, for eigenvalues of real matrices.
public struct Complex: Hashable, Sendable, CustomStringConvertible {
    /// The real part.
    public var real: Double
    /// The imaginary part.
    public var imaginary: Double

    /// real + imaginary·i.
    public init(_ real: Double, _ imaginary: Double = 0) {
        self.real = real
        self.imaginary = imaginary
    }

    /// |z|, computed without overflow (hypot).
    public var magnitude: Double { Foundation.hypot(real, imaginary) }

    /// `1.5`, `1.5+2.0i` or `1.5-2.0i`.
    public var description: String {
        imaginary == 0 ? "\(real)" : "\(real)\(imaginary < 0 ? "-" : "+")\(abs(imaginary))i"
    }
}
