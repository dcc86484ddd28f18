import Foundation
import Synchronization
import GradusSimulation

/// Runs each distinct simulation the course uses once (the same table serves every language), and keeps the
/// tables in a cache folder between builds, keyed by name, parameters, seed and the versions of Gradus and of its engine.
public struct SimulationRunner: Sendable {
    public var registry: Registry
    /// `.gradus-cache/simulations`, or nil for no cache.
    public var cache: URL?
    /// Part of every cache key, so a new Gradus (or a new engine) never reads an old one's tables.
    public var version: String

    public init(registry: Registry, cache: URL? = nil,
                version: String = "\(GradusVersion.current) engine \(Registry.engineVersion)") {
        self.registry = registry
        self.cache = cache
        self.version = version
    }

    /// The table of every simulation the course uses; `known` tables (kept by `gradus serve` from its last build)
    /// are taken as they are, neither read from the cache nor run.
    public func run(_ course: CompiledCourse, known: [SimulationKey: Table] = [:]) -> [SimulationKey: Table] {
        var uses: [SimulationKey: SimulationUse] = [:]
        for lesson in course.lessons {
            for translation in lesson.translations.values {
                for use in translation.simulations.values where uses[use.key] == nil { uses[use.key] = use }
            }
        }
        // Distinct runs are independent and each is deterministic, so they run on every core at once; the
        // result does not depend on which finishes first.
        let keys = uses.keys.sorted()
        let parameters = keys.map { uses[$0]!.parameters }
        let results = Mutex([Table?](repeating: nil, count: keys.count))
        DispatchQueue.concurrentPerform(iterations: keys.count) { index in
            let key = keys[index]
            let table = known[key] ?? read(key) ?? {
                let table = registry[key.name]!.run(parameters[index], seed: key.seed)
                write(table, for: key)
                return table
            }()
            results.withLock { $0[index] = table }
        }
        let tables = results.withLock { $0 }
        return Dictionary(uniqueKeysWithValues: zip(keys, tables.map { $0! }))
    }

    // MARK: - Cache

    /// The cache file of a key: a 64-bit FNV-1a hash of the key and version, in hex.
    func file(for key: SimulationKey) -> URL? {
        guard let cache else { return nil }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in "\(version) \(key)".utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return cache.appendingPathComponent(String(hash, radix: 16) + ".json")
    }

    private func read(_ key: SimulationKey) -> Table? {
        guard let url = file(for: key), let data = FileManager.default.contents(atPath: url.path),
              let stored = try? decoder.decode(Stored.self, from: data), stored.key == key.description,
              stored.version == version else { return nil }
        return stored.table
    }

    private func write(_ table: Table, for key: SimulationKey) {
        guard let url = file(for: key), let data = try? encoder.encode(Stored(version: version, key: key.description, table: table))
        else { return }
        // A cache is only a shortcut: failing to write it never fails the build.
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try? data.write(to: url, options: .atomic)
    }

    private struct Stored: Codable {
        var version: String
        var key: String
        var table: Table
    }

    private var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return encoder
    }

    private var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity", negativeInfinity: "-Infinity", nan: "NaN")
        return decoder
    }
}
