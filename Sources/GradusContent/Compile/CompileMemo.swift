import Synchronization

/// What `gradus serve` keeps of one build's compiled lessons for the next: each translation's result with
/// everything it was made from, so that a rebuild compiles again only the translations whose inputs changed (the
/// saved lesson, or every lesson when a pool, the course's seed or the theme's words changed). Safe to share
/// between the threads of a build. Use one memo with one compiler configuration (registry, `unsafe`).
public final class CompileMemo: Sendable {
    /// Everything a translation's compilation reads besides the compiler's configuration.
    public struct Inputs: Equatable, Sendable {
        public internal(set) var slug: String
        var number: Int
        var language: Language
        var file: SourceFile
        var pools: [String: SourceFile]
        var unreadablePools: Set<String>
        var seed: UInt64
        var words: [String: String]
    }

    struct Entry: Sendable {
        var inputs: Inputs
        var translation: CompiledTranslation
        var diagnostics: [Diagnostic]
    }

    private let entries = Mutex<[String: Entry]>([:])

    public init() {}

    /// The inputs the last compilation of `slug` in `language` was made from (nil when it was never compiled).
    public func inputs(slug: String, language: Language) -> Inputs? {
        entries.withLock { $0[Self.key(slug, language)]?.inputs }
    }

    func result(for inputs: Inputs) -> Entry? {
        entries.withLock { entries in
            guard let entry = entries[Self.key(inputs.slug, inputs.language)], entry.inputs == inputs else { return nil }
            return entry
        }
    }

    func store(_ entry: Entry) {
        entries.withLock { $0[Self.key(entry.inputs.slug, entry.inputs.language)] = entry }
    }

    private static func key(_ slug: String, _ language: Language) -> String { slug + "\n" + language.code }
}
