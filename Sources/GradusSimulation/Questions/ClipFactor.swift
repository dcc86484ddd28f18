import GradusEngine

/// The factor PyTorch's `clip_grad_norm_` scales a gradient by, min(1, max_norm/(‖g‖ + 10⁻⁶)), for a drawn
/// gradient clearly longer than the limit, from the engine's `Clipping`. Two variants: two and three components.
enum ClipFactor {
    static let components = (1...3).map {
        DrawnValue("g\($0)", help: "gradient component \($0)", from: .steps(-3, 3, decimals: 1, skippingZero: true))
    }
    static let maxNorm = DrawnValue("max_norm", help: "the largest norm allowed", from: .steps(0.5, 2, decimals: 1))

    static let twoComponents = generator(name: "clip-factor", components: 2)
    static let threeComponents = generator(name: "clip-factor-3d", components: 3)

    static func generator(name: String, components count: Int) -> QuestionGenerator {
        let components = Array(ClipFactor.components.prefix(count))
        return QuestionGenerator(
            name: name,
            summary: "the clip_grad_norm_ factor min(1, max_norm/(‖g‖ + 1e-6)) for a gradient of \(count) components",
            values: components.map(\.listing) + [maxNorm.listing, .computed("norm", help: "‖g‖, the 2-norm")],
            relativeTolerance: 0.002
        ) { generator in
            let g = components.map { $0.draw(&generator) }, maxNorm = ClipFactor.maxNorm.draw(&generator)
            let parameter = Variable(Tensor.zeros(.vector(count)))
            parameter.grad = Tensor(g)
            let norm = Clipping.clipGradientNorm([parameter], maxNorm: maxNorm)
            // Clearly clipped: a factor of 1 asks nothing of the rule.
            guard norm >= 1.2 * maxNorm else { return nil }
            let l1 = g.reduce(0) { $0 + abs($1) }
            return .init(
                shown: zip(components, g).map { $0.shown($1) } + [ClipFactor.maxNorm.shown(maxNorm), .init("norm", norm)],
                answer: Clipping.clipFactor(totalNorm: norm, maxNorm: maxNorm),
                distractors: [
                    norm / maxNorm,             // the ratio upside down
                    maxNorm / l1,               // the 1-norm for the 2-norm
                    maxNorm / (norm * norm),    // the square root forgotten
                ])
        }
    }
}
