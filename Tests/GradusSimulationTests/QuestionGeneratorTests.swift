import Foundation
import Testing
@testable import GradusSimulation

/// Properties every question generator must have, whatever it computes: the listing matches the draws, drawn
/// numbers are what the listing promises and what the learner reads, draws depend on the seed and on it alone,
/// and the distractors can be told from the answer and from each other.
@Suite("Question generators")
struct QuestionGeneratorTests {
    static let seeds: ClosedRange<UInt64> = 1...200
    static let names = QuestionGenerators.standard.names

    @Test("The standard generators are the ones the lessons ask for, once each, each found by its name")
    func standardNames() {
        let required = ["backprop-step", "sigmoid-slope", "tanh-slope", "layer-product", "lstm-cell-path",
                        "clip-factor", "clip-factor-3d", "he-std", "xavier-std", "sgd-weight-decay",
                        "batch-norm-output", "residual-product", "rms-norm-output",
                        "adam-second-step", "fp16-spacing", "loss-scale-update"]
        #expect(Self.names.sorted() == required.sorted())
        #expect(Set(Self.names).count == Self.names.count)
        for name in Self.names { #expect(QuestionGenerators.standard[name]?.name == name) }
        #expect(QuestionGenerators.standard["backprop"] == nil)
    }

    @Test("Each listing names its values once, never `answer`, with a summary and a tolerance for hand work",
          arguments: QuestionGenerators.standard.names)
    func listing(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        let values = generator.values.map(\.name)
        #expect(Set(values).count == values.count)
        #expect(!values.contains("answer"))
        #expect(values.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } })
        #expect(!generator.summary.isEmpty && generator.values.allSatisfy { !$0.help.isEmpty })
        #expect(generator.relativeTolerance >= 0.001 && generator.relativeTolerance <= 0.01)
    }

    @Test("Every draw shows exactly the listed values, in order; drawn ones with decimals, computed ones without",
          arguments: QuestionGenerators.standard.names)
    func shownMatchesListing(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        for seed in Self.seeds {
            let draw = generator.draw(seed)
            #expect(draw.shown.map(\.name) == generator.values.map(\.name), "seed \(seed)")
            for (shown, value) in zip(draw.shown, generator.values) {
                #expect((shown.decimals == nil) == (value.range == "computed"), "\(shown.name), seed \(seed)")
                #expect(shown.value.isFinite, "\(shown.name), seed \(seed)")
            }
        }
    }

    @Test("Drawn values lie in the advertised range and are exactly the number their decimals show",
          arguments: QuestionGenerators.standard.names)
    func drawnValuesAreAdvertised(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        let ranges = try generator.values.filter { $0.range != "computed" }.map { value in
            (value.name, try #require(AdvertisedRange(value.range), "\(value.name): unreadable range \(value.range)"))
        }
        for seed in Self.seeds {
            let draw = generator.draw(seed)
            for (valueName, range) in ranges {
                let shown = try #require(draw.shown.first { $0.name == valueName })
                let decimals = try #require(shown.decimals)
                #expect(range.admits(shown.value), "\(valueName) = \(shown.value) outside \(range), seed \(seed)")
                let text = String(format: "%.\(decimals)f", shown.value)
                #expect(Double(text) == shown.value, "\(valueName) = \(shown.value) is not \(text), seed \(seed)")
            }
        }
    }

    @Test("The same seed gives the same draw, bit for bit; different seeds give different draws",
          arguments: QuestionGenerators.standard.names)
    func seeding(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        var distinct: [[Double]] = [], changes = 0
        for seed in Self.seeds {
            let draw = generator.draw(seed), again = generator.draw(seed)
            #expect(draw == again && draw.answer.bitPattern == again.answer.bitPattern, "seed \(seed)")
            let drawn = draw.shown.filter { $0.decimals != nil }.map(\.value)
            if !distinct.contains(drawn) { distinct.append(drawn) }
            if drawn != generator.draw(seed + 1).shown.filter({ $0.decimals != nil }).map(\.value) { changes += 1 }
        }
        // The smallest sets (a z on a grid of 0.1) hold a few dozen numbers, so repeats happen, but rarely.
        #expect(distinct.count >= 25, "only \(distinct.count) distinct draws in \(Self.seeds.count) seeds")
        #expect(changes >= Self.seeds.count * 9 / 10, "only \(changes) of \(Self.seeds.count) neighbouring seeds differ")
    }

    @Test("Two generators drawing from the same grid with the same seed start from different numbers")
    func generatorsDoNotShareDraws() throws {
        // clip-factor and clip-factor-3d both draw g1 and g2 first, from the same grid.
        let two = try #require(QuestionGenerators.standard["clip-factor"])
        let three = try #require(QuestionGenerators.standard["clip-factor-3d"])
        let same = Self.seeds.filter { two.draw($0)["g1"] == three.draw($0)["g1"] }.count
        #expect(same < Self.seeds.count / 10, "g1 agrees for \(same) of \(Self.seeds.count) seeds")
    }

    @Test("The FNV-1a hash salting the seeds has its published values")
    func fnv1a() {
        // Test vectors of the FNV reference: the empty string, "a" and "foobar".
        #expect(QuestionGenerator.fnv1a("") == 0xcbf2_9ce4_8422_2325)
        #expect(QuestionGenerator.fnv1a("a") == 0xaf63_dc4c_8601_ec8c)
        #expect(QuestionGenerator.fnv1a("foobar") == 0x8594_4171_f739_67e8)
    }

    @Test("At least two distractors, each more than three tolerances from the answer and from each other",
          arguments: QuestionGenerators.standard.names)
    func distractorsAreDistinct(name: String) throws {
        let generator = try #require(QuestionGenerators.standard[name])
        let tolerance = generator.relativeTolerance
        for seed in Self.seeds {
            let draw = generator.draw(seed)
            #expect(draw.distractors.count >= 2)
            let numbers = [draw.answer] + draw.distractors
            #expect(draw.answer != 0 && numbers.allSatisfy(\.isFinite), "seed \(seed): \(numbers)")
            for i in numbers.indices {
                for j in numbers.indices where j > i {
                    let gap = abs(numbers[i] - numbers[j]) / max(abs(numbers[i]), abs(numbers[j]))
                    #expect(gap > 3 * tolerance, "seed \(seed): \(numbers[i]) and \(numbers[j]) are \(gap) apart")
                }
            }
        }
    }

    @Test("The range texts read back: grids, whole numbers and lists")
    func rangeParser() throws {
        let grid = try #require(AdvertisedRange("-2 … 2 in steps of 0.1, not 0"))
        #expect(grid.admits(-2) && grid.admits(0.3) && grid.admits(2))
        #expect(!grid.admits(0) && !grid.admits(2.1) && !grid.admits(0.35))
        let whole = try #require(AdvertisedRange("2 … 6"))
        #expect(whole.admits(2) && whole.admits(6) && !whole.admits(7) && !whole.admits(2.5))
        let list = try #require(AdvertisedRange("one of 16, 32"))
        #expect(list.admits(16) && list.admits(32) && !list.admits(24))
        #expect(AdvertisedRange("computed") == nil && AdvertisedRange("0 … 1 in steps of") == nil)
    }
}

/// The numbers a value's listed range admits, read from its text the way an author reads it:
/// `LOW … HIGH` (whole numbers), `LOW … HIGH in steps of STEP`, either with `, not 0`, or `one of A, B, C`.
struct AdvertisedRange: CustomStringConvertible {
    let description: String
    private let list: [Double]?
    private let low, high, step: Double
    private let skipsZero: Bool

    init?(_ text: String) {
        description = text
        if text.hasPrefix("one of ") {
            let items = text.dropFirst("one of ".count).split(separator: ", ").map { Double($0) }
            guard !items.isEmpty, items.allSatisfy({ $0 != nil }) else { return nil }
            list = items.map { $0! }
            (low, high, step, skipsZero) = (0, 0, 0, false)
            return
        }
        list = nil
        var rest = Substring(text)
        skipsZero = rest.hasSuffix(", not 0")
        if skipsZero { rest = rest.dropLast(", not 0".count) }
        let parts = rest.components(separatedBy: " in steps of ")
        let bounds = parts[0].components(separatedBy: " … ")
        guard parts.count <= 2, bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]),
              let step = parts.count == 2 ? Double(parts[1]) : 1 else { return nil }
        (self.low, self.high, self.step) = (low, high, step)
    }

    func admits(_ value: Double) -> Bool {
        if let list { return list.contains(value) }
        let steps = (value - low) / step
        return value >= low && value <= high && abs(steps - steps.rounded()) < 1e-9 && !(skipsZero && value == 0)
    }
}
