import GradusMarkdown
import GradusQuiz

/// The course after compilation: every translation parsed, its directives resolved and checked.
public struct CompiledCourse: Sendable {
    public var course: Course
    /// In the order of `course.lessons`.
    public var lessons: [CompiledLesson]
    /// Warnings of loading and compiling (errors are thrown instead).
    public var warnings: [Diagnostic]

    /// The questions of the lesson `slug` in `language` (falling back like pages do), in the lesson's order.
    public func quiz(_ slug: String, language: Language) -> Quiz? {
        guard let lesson = lessons.first(where: { $0.slug == slug }),
              let (shown, translation) = lesson.translation(language, fallback: course.languages) else { return nil }
        return Quiz(lessonSlug: slug, lessonTitle: translation.source.title, language: shown.code,
                    questions: translation.questions.map(\.question), exercises: translation.exercises.map(\.exercise))
    }
}

/// One lesson with its compiled translations.
public struct CompiledLesson: Sendable {
    public var slug: String
    public var number: Int
    public var translations: [Language: CompiledTranslation]

    public func translation(_ language: Language, fallback: [Language]) -> (Language, CompiledTranslation)? {
        if let translation = translations[language] { return (language, translation) }
        for other in fallback { if let translation = translations[other] { return (other, translation) } }
        return nil
    }
}

/// One language's file of a lesson, parsed and checked.
public struct CompiledTranslation: Sendable {
    public var source: LessonSource
    public var document: MarkdownDocument
    /// Level-2 and level-3 headings, for the page's outline.
    public var outline: [OutlineEntry]
    /// Each `::: simulation` directive, by the directive node's index in `document`.
    public var simulations: [Int: SimulationUse]
    /// Each `::: quiz` directive's question, in the lesson's order.
    public var questions: [CompiledQuestion]
    /// Each `::: exercise`, in the lesson's order.
    public var exercises: [CompiledExercise] = []
}

/// An exercise directive compiled: the exercise and the nodes the page renders it from.
public struct CompiledExercise: Sendable {
    /// The `::: exercise` node's index in the translation's document.
    public var node: Int
    /// Its `::: solution` node's index, if it has one.
    public var solutionNode: Int?
    public var exercise: Exercise
    public var location: SourceLocation
}

public struct OutlineEntry: Sendable, Hashable {
    public var level: Int
    public var id: String
    public var text: String
}

/// A quiz directive compiled into its question.
public struct CompiledQuestion: Sendable {
    /// The directive node's index in the translation's document.
    public var node: Int
    public var question: Question
    /// Where the directive starts in the lesson file.
    public var location: SourceLocation
}
