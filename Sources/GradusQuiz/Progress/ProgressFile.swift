import Foundation

/// One question's record in the progress file, keyed by the question's stable id.
public struct ProgressRecord: Codable, Hashable, Sendable {
    /// The lesson's slug, for `--list`.
    public var lesson: String
    /// Leitner box 1…5, or 6 when graduated (see `Leitner`).
    public var box: Int
    /// When the question is due for review; nil once graduated.
    public var due: Date?
    /// Times answered (each finished question counts once).
    public var seen: Int
    /// Times answered right on the first try.
    public var firstTryRight: Int
    /// When it was last answered.
    public var last: Date

    enum CodingKeys: String, CodingKey {
        case lesson, box, due, seen, last
        case firstTryRight = "first_try_right"
    }
}

/// The learner's progress: `{"format": "gradus-progress", "version": 1, "questions": {ID: record}}`, dates as
/// ISO 8601 in UTC. See docs/quiz.md.
public struct ProgressFile: Codable, Hashable, Sendable {
    public static let currentVersion = 1

    public var format: String = "gradus-progress"
    public var version: Int = ProgressFile.currentVersion
    public var questions: [String: ProgressRecord] = [:]

    public init() {}

    /// The file's bytes: keys sorted, so the same progress gives the same bytes.
    public func encoded() -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return ((try? encoder.encode(self)) ?? Data()) + Data("\n".utf8)
    }

    /// Reads a progress file; throws when it is not one (bad JSON, wrong format marker or missing fields).
    public static func decode(_ data: Data) throws -> ProgressFile {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let file = try decoder.decode(ProgressFile.self, from: data)
        guard file.format == "gradus-progress" else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "not a Gradus progress file"))
        }
        return file
    }
}
