import Foundation
import GradusQuiz
import GradusRender
import GradusSimulation
import GradusTestSupport

/// The quiz fixture course (Fixtures/quizzes: one lesson in English and Portuguese with a question of every kind the
/// page grades) and the small generator its computed questions name.
enum QuizFixture {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/quizzes/content")

    /// x·w for x in −2…2 (steps of 0.25) and w in 0.5…6.5 (steps of 0.5); the distractors are the product off by
    /// a half or by one, so they never equal it or each other.
    static let product = QuestionGenerator(
        name: "test-product", summary: "the product of two drawn numbers",
        values: [.init("x", help: "a factor", range: "-2 … 2"), .init("w", help: "a factor", range: "0.5 … 6.5")],
        relativeTolerance: 0.01,
        draw: { seed in
            let x = Double(Int(seed % 17) - 8) / 4
            let w = Double(Int((seed / 17) % 13) + 1) / 2
            return .init(shown: [.init("x", x, decimals: 2), .init("w", w, decimals: 1)], answer: x * w,
                         distractors: [x * w + 0.5, x * w - 0.5, x * w + 1])
        })

    /// The seeds of the variants a page ships for question `id` under the fixture's seed (5): the first 16
    /// indices whose draw shows numbers no earlier one showed.
    static func variantSeeds(_ id: String) -> [UInt64] {
        var seeds: [UInt64] = [], seen: Set<[Double]> = []
        for index in 0..<64 where seeds.count < 16 {
            let seed = Computed.variantSeed(id: id, seed: 5, index: index)
            let draw = product.draw(seed)
            if seen.insert([draw["x"]!, draw["w"]!]).inserted { seeds.append(seed) }
        }
        return seeds
    }

    static func build() throws -> SiteBuilder.Result {
        try SiteBuilder(content: content, templates: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                        contentDisplay: "content", templatesDisplay: "templates",
                        generators: QuestionGenerators([product])).build()
    }
}
