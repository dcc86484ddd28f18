import Foundation

/// A lesson's text folded once (see `NotMentioned.fold`), so that a lesson with many not-mentioned questions asks
/// of each pool item whether the lesson mentions it without folding the whole lesson again for every question.
public struct LessonMentions: Sendable {
    /// The folded text's UTF-8 bytes.
    let folded: [UInt8]

    public init(_ lessonText: String) {
        folded = Array(NotMentioned.fold(lessonText).utf8)
    }

    /// Whether the folded lesson contains the folded `item` (as bytes); an item that folds to nothing is never
    /// mentioned. O(lesson + item): Knuth–Morris–Pratt, so that a long item cannot make the search quadratic.
    public func mentions(_ item: String) -> Bool {
        let needle = Array(NotMentioned.fold(item).utf8)
        guard !needle.isEmpty, needle.count <= folded.count else { return false }
        // failure[i]: the length of the longest proper border of needle[0...i].
        var failure = [Int](repeating: 0, count: needle.count)
        var k = 0
        for i in 1..<needle.count {
            while k > 0 && needle[i] != needle[k] { k = failure[k - 1] }
            if needle[i] == needle[k] { k += 1 }
            failure[i] = k
        }
        k = 0
        for byte in folded {
            while k > 0 && byte != needle[k] { k = failure[k - 1] }
            if byte == needle[k] { k += 1 }
            if k == needle.count { return true }
        }
        return false
    }

    /// The items of `pool` that the lesson does not mention, in the pool's order.
    public func unmentioned(_ pool: [QuizText]) -> [QuizText] {
        pool.filter { item in !NotMentioned.fold(item.plain).isEmpty && !mentions(item.plain) }
    }
}
