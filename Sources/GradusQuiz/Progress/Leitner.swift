import Foundation

/// The review schedule: a Leitner system of five boxes. A question answered right on the first try moves up one
/// box, any other outcome sends it back to box 1. A box's interval says when the question is due again; a
/// question answered right on the first try in the last box graduates and is not asked by `--review` again.
///
/// | box | due again after |
/// | --- | --- |
/// | 1 | at once (the next review) |
/// | 2 | 1 day |
/// | 3 | 3 days |
/// | 4 | 7 days |
/// | 5 | 16 days |
public enum Leitner {
    /// The last box; a right first try here graduates the question.
    public static let lastBox = 5
    /// `box` past the last: graduated, never due.
    public static let graduated = 6
    /// Interval of each box in days (index = box).
    public static let intervalDays = [0, 0, 1, 3, 7, 16]

    /// The record after one more outcome, answered at `now` (from the injected clock).
    public static func update(_ record: ProgressRecord?, lesson: String, firstTry: Bool, now: Date) -> ProgressRecord {
        var next = record ?? ProgressRecord(lesson: lesson, box: 1, due: nil, seen: 0, firstTryRight: 0, last: now)
        next.lesson = lesson
        next.seen += 1
        next.last = now
        if firstTry {
            next.firstTryRight += 1
            next.box = record == nil ? 2 : min(next.box + 1, graduated)
        } else {
            next.box = 1
        }
        next.due = next.box == graduated ? nil : now.addingTimeInterval(Double(intervalDays[next.box]) * 86_400)
        return next
    }

    /// The ids to ask in a review at `now`, among `candidates` (in the course's order): the due ones first,
    /// earliest due first, then those never answered; graduated and not yet due ones are left out.
    public static func reviewOrder(_ candidates: [String], progress: ProgressFile, now: Date) -> [String] {
        var due: [(Date, Int, String)] = []
        var unseen: [String] = []
        for (index, id) in candidates.enumerated() {
            guard let record = progress.questions[id] else {
                unseen.append(id)
                continue
            }
            if let when = record.due, when <= now { due.append((when, index, id)) }
        }
        due.sort { ($0.0, $0.1) < ($1.0, $1.1) }
        return due.map(\.2) + unseen
    }
}
