/// The order a session shows: questions shuffled by the session's seed, and each question's options shuffled by
/// the seed and the question's id, pinned options (such as "none of the above") staying where the author put them.
public enum QuestionOrder {
    /// `quiz` with its questions and their options reordered; the same seed gives the same order.
    public static func shuffled(_ quiz: Quiz, seed: UInt64) -> Quiz {
        var result = quiz
        var random = SeededRandom(key: "questions:" + quiz.lessonSlug, seed: seed)
        var questions = quiz.questions.map { shuffledOptions($0, seed: seed) }
        random.shuffle(&questions)
        result.questions = questions
        return result
    }

    /// One question with its unpinned options shuffled among the unpinned places.
    public static func shuffledOptions(_ question: Question, seed: UInt64) -> Question {
        var random = SeededRandom(key: "options:" + question.id, seed: seed)
        let free = question.options.indices.filter { !question.options[$0].isPinned }
        var moved = free.map { question.options[$0] }
        random.shuffle(&moved)
        var result = question
        for (slot, option) in zip(free, moved) { result.options[slot] = option }
        return result
    }
}

extension QuestionOrder {
    /// `quiz` in its own question order, each question's options shuffled as `shuffled` does (for reviews,
    /// whose order is the schedule's).
    public static func shuffledOptionsOnly(_ quiz: Quiz, seed: UInt64) -> Quiz {
        var result = quiz
        result.questions = quiz.questions.map { shuffledOptions($0, seed: seed) }
        return result
    }
}
