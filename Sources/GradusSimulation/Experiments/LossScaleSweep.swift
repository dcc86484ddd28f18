import GradusEngine

/// The weight gradients of one batch through a deep sigmoid network computed in emulated fp16 and bf16 with a loss
/// scale S = 2ᵏ, against the same gradients in Double: the share of entries that underflow to 0, the share that
/// overflow to ∞ or NaN, and the relative error ‖g̃/S − g‖/‖g‖ of the first layer and of all layers.
///
/// The gradient shrinks by a factor of about 4 per sigmoid layer on its way back, so the first layers' entries
/// lie far below those of the last ones and below fp16's smallest subnormal 2⁻²⁴ ≈ 6·10⁻⁸: without scaling they
/// become 0. Multiplying the loss by S moves every gradient up by k binades; once the largest exceed 65 504 they
/// overflow. bf16 has fp32's exponent range, so it loses nothing to underflow and S changes nothing but its
/// 8-bit significand costs precision at every scale.
enum LossScaleSweep {
    static let simulation = Simulation(
        name: "loss-scale-sweep",
        title: Localized(pt: "Gradientes em fp16 e bf16 para cada escala da perda",
                         de: "Gradienten in fp16 und bf16 bei jeder Verlustskalierung",
                         en: "Gradients in fp16 and bf16 at each loss scale"),
        summary: "underflow, overflow and error of a deep sigmoid network's weight gradients in emulated fp16 and bf16, loss scale 2^k",
        parameters: [
            ParameterSpec("depth", .integer(2...12), default: .integer(8), help: "layers"),
            ParameterSpec("width", .integer(4...64), default: .integer(64), help: "units per layer"),
            ParameterSpec("batch", .integer(1...256), default: .integer(128), help: "examples in the batch"),
            ParameterSpec("max_exponent", .integer(0...40), default: .integer(32), help: "the largest k of S = 2^k"),
            ParameterSpec("exponent_step", .integer(1...8), default: .integer(2), help: "k goes from 0 in steps of this"),
        ],
        usesSeed: true,
        columns: [
            .init("k", Localized(pt: "k (escala S = 2ᵏ)", de: "k (Skalierung S = 2ᵏ)", en: "k (scale S = 2ᵏ)")),
            .init("fp16_zero", Labels.qualified(flushed, "fp16")),
            .init("fp16_nonfinite", Labels.qualified(overflowed, "fp16")),
            .init("fp16_error_first", Labels.qualified(errorFirst, "fp16")),
            .init("fp16_error", Labels.qualified(errorAll, "fp16")),
            .init("bf16_zero", Labels.qualified(flushed, "bf16")),
            .init("bf16_error_first", Labels.qualified(errorFirst, "bf16")),
            .init("bf16_error", Labels.qualified(errorAll, "bf16")),
        ],
        compute: { parameters, seed in
            let setup = Setup(depth: parameters.integer("depth"), width: parameters.integer("width"),
                              batch: parameters.integer("batch"), seed: seed)
            let exact = setup.gradients(format: nil, scale: 1)
            let step = parameters.integer("exponent_step")
            return stride(from: 0, through: parameters.integer("max_exponent"), by: step).map { k in
                let scale = Double(sign: .plus, exponent: k, significand: 1)
                let half = Comparison(setup.gradients(format: .fp16, scale: scale), exact)
                let brain = Comparison(setup.gradients(format: .bf16, scale: scale), exact)
                return [Double(k), half.flushedShare, half.nonFiniteShare, half.firstLayerError, half.error,
                        brain.flushedShare, brain.firstLayerError, brain.error].map(Table.Cell.number)
            }
        })

    static let flushed = Localized(pt: "fração que vira 0", de: "Anteil, der zu 0 wird", en: "share flushed to 0")
    static let overflowed = Localized(pt: "fração ∞ ou NaN", de: "Anteil ∞ oder NaN", en: "share ∞ or NaN")
    static let errorFirst = Localized(pt: "erro relativo, camada 1", de: "relativer Fehler, Schicht 1",
                                      en: "relative error, layer 1")
    static let errorAll = Localized(pt: "erro relativo, todas as camadas", de: "relativer Fehler, alle Schichten",
                                    en: "relative error, all layers")

    /// One network and one batch: inputs N(0, 1), targets N(0, 0.1²).
    struct Setup {
        let network: LowPrecisionMLP
        let input: Tensor, target: Tensor

        init(depth: Int, width: Int, batch: Int, seed: UInt64) {
            var generator = Generator(seed: seed)
            network = LowPrecisionMLP(depth: depth, width: width, generator: &generator)
            input = Tensor.normal(.matrix(batch, width), generator: &generator)
            target = Tensor.normal(.matrix(batch, width), std: 0.1, generator: &generator)
        }

        /// Every layer's weight gradient, divided by the scale in Double (first layer first).
        func gradients(format: FloatFormat?, scale: Double) -> [[Double]] {
            network.backward(input: input, target: target, format: format, scale: scale)
            return network.weights.map { w in w.grad!.scalars.map { $0 / scale } }
        }
    }

    /// A low-precision gradient against the exact one.
    struct Comparison {
        /// Entries that are 0 where the exact gradient is not.
        var flushedShare: Double
        /// Entries that are ±∞ or NaN.
        var nonFiniteShare: Double
        /// ‖g̃ − g‖/‖g‖ of layer 1 (∞ or NaN once an entry is).
        var firstLayerError: Double
        /// The same over all layers together.
        var error: Double

        init(_ low: [[Double]], _ exact: [[Double]]) {
            let lowAll = low.flatMap { $0 }, exactAll = exact.flatMap { $0 }
            let count = Double(lowAll.count)
            flushedShare = Double(zip(lowAll, exactAll).filter { $0 == 0 && $1 != 0 }.count) / count
            nonFiniteShare = Double(lowAll.filter { !$0.isFinite }.count) / count
            firstLayerError = Comparison.relativeError(low[0], exact[0])
            error = Comparison.relativeError(lowAll, exactAll)
        }

        static func relativeError(_ a: [Double], _ b: [Double]) -> Double {
            var difference = 0.0, norm = 0.0
            for (x, y) in zip(a, b) {
                difference += (x - y) * (x - y)
                norm += y * y
            }
            return (difference / norm).squareRoot()
        }
    }
}
