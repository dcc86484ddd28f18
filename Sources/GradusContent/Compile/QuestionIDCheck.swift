/// Learners' progress is kept by question id, so one question must carry the same id in every language of its
/// lesson; otherwise switching language loses (or splits) a learner's record. Compares each translation's ids
/// with those of the lesson's first translation in the course's language order.
struct QuestionIDCheck {
    var languages: [Language]

    func check(_ lessons: [CompiledLesson], _ diagnostics: inout [Diagnostic]) {
        for lesson in lessons {
            let present = languages.filter { lesson.translations[$0] != nil }
            guard let first = present.first, let reference = lesson.translations[first] else { continue }
            let referenceIDs = reference.questions.map(\.question.id)
            for language in present.dropFirst() {
                guard let translation = lesson.translations[language] else { continue }
                let ids = translation.questions.map(\.question.id)
                guard Set(ids) != Set(referenceIDs) else { continue }
                for question in translation.questions where !referenceIDs.contains(question.question.id) {
                    diagnostics.append(.warning(at: question.location,
                                                "question id '\(question.question.id)' is not in the \(first.code) translation "
                                                + "(\(Self.list(referenceIDs))); progress is kept by id, so give the question the same id in every language"))
                }
                let missing = referenceIDs.filter { !ids.contains($0) }
                if !missing.isEmpty {
                    diagnostics.append(.warning(at: SourceLocation(path: translation.source.file.path, line: 1, column: 1),
                                                "the \(first.code) translation has questions \(Self.list(missing)) that this one lacks; "
                                                + "translate them with the same ids"))
                }
            }
        }
    }

    private static func list(_ ids: [String]) -> String {
        ids.isEmpty ? "none" : ids.map { "'\($0)'" }.joined(separator: ", ")
    }
}
