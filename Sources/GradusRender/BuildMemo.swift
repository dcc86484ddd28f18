import Foundation
import GradusContent
import GradusSimulation
import Synchronization

/// What `gradus serve` keeps from one build for the next, so that saving a lesson compiles and renders again only
/// that lesson's translations: compiled translations (`CompileMemo`), each lesson body with its search sections, keyed
/// by everything it is made from, and the simulation tables. A build with a memo makes the same site as one
/// without. Safe to share between the threads of a build; use one memo with one `SiteBuilder`.
public final class BuildMemo: Sendable {
    let compile = CompileMemo()
    private let bodies = Mutex<[String: Body]>([:])
    private let tables = Mutex<[SimulationKey: Table]>([:])

    public init() {}

    /// Everything a lesson body reads: the compiled translation (through its inputs), the languages, the theme's
    /// words and the tables of its simulations.
    struct BodyInputs: Equatable, Sendable {
        var compiled: CompileMemo.Inputs
        var shown: Language
        var language: Language
        var words: MustacheObject?
        var unsafe: Bool
        var quiz: QuizHTML.Settings
        var tables: [SimulationKey: Table]
    }

    struct Body: Sendable {
        var inputs: BodyInputs
        var page: LessonPage
        var search: SearchIndex.Lesson
        var shard: Data
        var diagnostics: [Diagnostic]
    }

    func body(for inputs: BodyInputs) -> Body? {
        bodies.withLock { bodies in
            guard let body = bodies[Self.key(inputs)], body.inputs == inputs else { return nil }
            return body
        }
    }

    func store(_ body: Body) { bodies.withLock { $0[Self.key(body.inputs)] = body } }

    var knownTables: [SimulationKey: Table] { tables.withLock { $0 } }

    /// Keeps the tables of this build only, so the memo does not grow with every parameter tried.
    func keep(_ current: [SimulationKey: Table]) { tables.withLock { $0 = current } }

    private static func key(_ inputs: BodyInputs) -> String {
        inputs.compiled.slug + "\n" + inputs.language.code
    }
}
