import GradusEngine

/// A handful of values, from an overflow to a gradient too small for fp16, rounded to fp16 (by Swift's `Float16`)
/// and to bf16 (a Float's bits rounded to their upper half), with the relative error of each. With a loss scale S
/// each value is multiplied by S before rounding and divided by S after, as a scaled gradient is: the scale moves
/// the whole list up fp16's range, rescuing the small values and pushing the large ones into overflow.
enum FloatRounding {
    static let simulation = Simulation(
        name: "fp16-bf16-rounding",
        title: Localized(pt: "Valores arredondados para fp16 e bf16",
                         de: "Werte, gerundet auf fp16 und bf16",
                         en: "Values rounded to fp16 and bf16"),
        summary: "values from 70 000 down to 10⁻⁸ rounded to fp16 and bf16, optionally multiplied by a loss scale first",
        parameters: [
            ParameterSpec("scale", .real(1e-6...1e12), default: .real(1),
                          help: "S: each value is rounded as S·x and divided by S again"),
        ],
        usesSeed: false,
        columns: [
            .init("value", Localized(pt: "valor x", de: "Wert x", en: "value x")),
            .init("fp16", Localized(pt: "em fp16", de: "in fp16", en: "in fp16")),
            .init("fp16_error", Labels.qualified(relativeError, "fp16")),
            .init("bf16", Localized(pt: "em bf16", de: "in bf16", en: "in bf16")),
            .init("bf16_error", Labels.qualified(relativeError, "bf16")),
        ],
        compute: { parameters, _ in
            let scale = parameters.real("scale")
            return values.map { x in
                let half = roundTrip(x, .fp16, scale: scale), brain = roundTrip(x, .bf16, scale: scale)
                return [x, half, relativeError(half, x), brain, relativeError(brain, x)].map(Table.Cell.number)
            }
        })

    static let relativeError = Localized(pt: "erro relativo", de: "relativer Fehler", en: "relative error")

    /// Overflow, the largest fp16 number, spacing above 2048, precision at 1000 and at 1, a number with no exact
    /// binary form, fp16's smallest normal, then ever deeper into the subnormals and below them.
    static let values: [Double] = [70000, 65520, 65504, 2049, 1000.3, 1.0001, 0.1, 6.1e-5, 1e-5, 1e-6, 1e-7, 3e-8, 1e-8]

    /// x·S rounded to `format` (fp16 by `Float16` itself), divided by S in Double.
    static func roundTrip(_ x: Double, _ format: FloatFormat, scale: Double) -> Double {
        (format == .fp16 ? FloatFormat.float16(x * scale) : format.round(x * scale)) / scale
    }

    /// |y − x|/|x|: 1 when y flushed to 0, ∞ when it overflowed.
    static func relativeError(_ y: Double, _ x: Double) -> Double { abs(y - x) / abs(x) }
}
