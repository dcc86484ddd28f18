import GradusEngine

/// The spacing of fp16 numbers at x, 2^(e − 10) for 2ᵉ ≤ x < 2ᵉ⁺¹: the smallest change an fp16 number of that size
/// can show, from the engine's `FloatFormat`, checked against Swift's `Float16`: x and its next larger neighbour.
enum HalfSpacing {
    static let values = [3, 5, 6, 7, 9, 10, 12, 15, 20, 25, 30, 40, 50, 60, 70, 80, 90, 100, 120, 150, 200, 250, 300,
                         400, 500, 600, 700, 800, 1000, 1200, 1500, 2000, 2500, 3000, 4000, 5000, 6000, 7000, 8000,
                         10000, 12000, 15000, 20000, 25000, 30000, 40000, 50000, 60000]
    static let x = DrawnValue("x", help: "a number within fp16's normal range", from: .oneOf(values))

    static let generator = QuestionGenerator(
        name: "fp16-spacing",
        summary: "the gap between an fp16 number near x and the next one, 2^(e − 10) for 2^e ≤ x < 2^(e+1)",
        values: [x.listing, .computed("exponent", help: "e, the binary exponent of x")],
        relativeTolerance: 0.001
    ) { generator in
        let x = HalfSpacing.x.draw(&generator)
        let answer = FloatFormat.fp16.spacing(at: x)
        // The neighbour above the fp16 number nearest to x is one spacing away.
        let nearest = FloatFormat.fp16.round(x)
        guard FloatFormat.fp16.round(nearest + answer) == nearest + answer,
              FloatFormat.fp16.round(nearest + answer / 4) == nearest else { return nil }
        let exponent = Double(Int(x.exponent))
        return .init(
            shown: [HalfSpacing.x.shown(x), .init("exponent", exponent)],
            answer: answer,
            distractors: [
                FloatFormat.fp32.spacing(at: x),     // fp32's 23 fraction bits
                FloatFormat.bf16.spacing(at: x),     // bf16's 7 fraction bits
                answer / 2,                          // 11 fraction bits, the implicit 1 counted twice
            ])
    }
}
