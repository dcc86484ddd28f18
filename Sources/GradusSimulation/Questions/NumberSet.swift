import GradusEngine

/// The numbers a generator draws one value from: a grid of multiples of 10⁻ᵈ, or a short list. Every number is
/// drawn as an integer count of 10⁻ᵈ and divided once, so it is the double nearest its decimal text: the value a
/// learner reads at d decimals is the value the engine computed with.
struct NumberSet: Sendable {
    private enum Kind: Sendable {
        case grid(low: Int, high: Int, skippingZero: Bool)
        case list([Int])
    }

    private let kind: Kind
    /// Digits shown after the decimal point.
    let decimals: Int

    /// The multiples of 10^-decimals from `low` to `high`, without 0 when `skippingZero` (a factor that would
    /// make the question trivial).
    static func steps(_ low: Double, _ high: Double, decimals: Int, skippingZero: Bool = false) -> NumberSet {
        let unit = scale(decimals)
        return NumberSet(kind: .grid(low: Int((low * unit).rounded()), high: Int((high * unit).rounded()),
                                     skippingZero: skippingZero), decimals: decimals)
    }

    /// One of a few whole numbers.
    static func oneOf(_ values: [Int]) -> NumberSet { NumberSet(kind: .list(values), decimals: 0) }

    /// A number of the set, uniformly.
    func draw(_ generator: inout Generator) -> Double {
        switch kind {
        case .grid(let low, let high, let skippingZero):
            while true {
                let units = low + generator.nextInt(below: high - low + 1)
                if !(skippingZero && units == 0) { return Double(units) / NumberSet.scale(decimals) }
            }
        case .list(let values):
            return Double(values[generator.nextInt(below: values.count)])
        }
    }

    /// The set as `gradus quiz --generators` lists it: `-2 … 2 in steps of 0.1, not 0`, `2 … 6`, `one of 16, 32`.
    var range: String {
        switch kind {
        case .grid(let low, let high, let skippingZero):
            let steps = decimals == 0 ? "" : " in steps of \(text(1))"
            return "\(text(low)) … \(text(high))\(steps)\(skippingZero ? ", not 0" : "")"
        case .list(let values):
            return "one of " + values.map(String.init).joined(separator: ", ")
        }
    }

    /// `units`·10^-decimals written with at most `decimals` decimals, from integers so nothing is rounded.
    private func text(_ units: Int) -> String {
        let unit = Int(NumberSet.scale(decimals))
        let whole = "\(units < 0 ? "-" : "")\(abs(units) / unit)"
        guard decimals > 0 else { return whole }
        var fraction = String(abs(units) % unit)
        fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? whole : "\(whole).\(fraction)"
    }

    private static func scale(_ decimals: Int) -> Double {
        (0..<decimals).reduce(1) { value, _ in value * 10 }
    }
}

/// A value a generator draws: its placeholder name, what it is, and the set it comes from.
struct DrawnValue: Sendable {
    let name: String
    let help: String
    let set: NumberSet

    init(_ name: String, help: String, from set: NumberSet) {
        self.name = name
        self.help = help
        self.set = set
    }

    /// The entry of the generator's listing.
    var listing: QuestionGenerator.Value { .init(name, help: help, range: set.range) }

    func draw(_ generator: inout Generator) -> Double { set.draw(&generator) }

    /// The drawn number as the question shows it.
    func shown(_ value: Double) -> QuestionGenerator.Draw.Shown { .init(name, value, decimals: set.decimals) }
}
