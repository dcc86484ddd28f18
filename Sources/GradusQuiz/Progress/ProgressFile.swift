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

    public init(lesson: String, box: Int, due: Date?, seen: Int, firstTryRight: Int, last: Date) {
        (self.lesson, self.box, self.due, self.seen, self.firstTryRight, self.last) = (lesson, box, due, seen, firstTryRight, last)
    }

    /// A record whose numbers no quiz could have written (a box outside 1…6, negative or absurd counts) makes the
    /// file unreadable, so it is set aside whole rather than crash the schedule that counts on them.
    public init(from decoder: any Decoder) throws {
        let values = try decoder.container(keyedBy: CodingKeys.self)
        self.init(lesson: try values.decode(String.self, forKey: .lesson), box: try values.decode(Int.self, forKey: .box),
                  due: try values.decodeIfPresent(Date.self, forKey: .due), seen: try values.decode(Int.self, forKey: .seen),
                  firstTryRight: try values.decode(Int.self, forKey: .firstTryRight), last: try values.decode(Date.self, forKey: .last))
        guard (1...Leitner.graduated).contains(box) else {
            throw DecodingError.dataCorruptedError(forKey: .box, in: values, debugDescription: "box \(box) is not 1…\(Leitner.graduated)")
        }
        guard (0...Self.maximumCount).contains(seen), (0...seen).contains(firstTryRight) else {
            throw DecodingError.dataCorruptedError(forKey: .seen, in: values,
                                                   debugDescription: "counts \(seen) and \(firstTryRight) are out of range")
        }
    }

    /// More answers than anyone gives to one question; far from overflow.
    static let maximumCount = 1 << 40
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
