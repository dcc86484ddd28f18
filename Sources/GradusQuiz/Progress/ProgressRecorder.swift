import Foundation

/// One session's answers on their way to the progress file. Each save re-reads the file under the lock and
/// replays the answers not yet saved onto the records found there, so two sessions that answer the same question
/// both count: `seen` adds up and the Leitner box follows the answers in the order they were saved. (Keeping the
/// record with the newer `last` instead would drop the other session's answer.) An answer whose save failed stays
/// pending and goes with the next save.
public struct ProgressRecorder: Sendable {
    /// One finished question: what the schedule needs to replay it.
    public struct Answer: Hashable, Sendable {
        public var questionID: String
        public var lesson: String
        public var firstTry: Bool
        public var at: Date

        public init(questionID: String, lesson: String, firstTry: Bool, at: Date) {
            self.questionID = questionID
            self.lesson = lesson
            self.firstTry = firstTry
            self.at = at
        }
    }

    public let store: ProgressStore
    /// Answers recorded but not yet saved, oldest first.
    public private(set) var pending: [Answer] = []

    public init(store: ProgressStore) { self.store = store }

    /// Records `answer` and saves every pending answer; returns a warning when an unreadable file was moved aside.
    /// On failure the answers stay pending and the error is thrown.
    @discardableResult
    public mutating func record(_ answer: Answer, now: Date) throws(ProgressStore.Failure) -> String? {
        pending.append(answer)
        let answers = pending
        let warning = try store.update(now: now) { progress in
            for answer in answers {
                progress.questions[answer.questionID] = Leitner.update(
                    progress.questions[answer.questionID], lesson: answer.lesson, firstTry: answer.firstTry, now: answer.at)
            }
        }
        pending.removeAll()
        return warning
    }
}
