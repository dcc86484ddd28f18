/// The course as loaded from content/: its config, introductions, lessons and distractor pools.
public struct Course: Sendable {
    public var config: CourseConfig
    /// `course.LANG.md` of each language that has one.
    public var introductions: [Language: CourseIntroduction]
    /// Lessons in reading order (weight, then number, then slug).
    public var lessons: [Lesson]
    /// Distractor pools by name (`pools/NAME.LANG.md`), per language.
    public var pools: [String: [Language: SourceFile]]
    /// Pools whose file exists but could not be read (already reported), by name and language: a quiz that uses
    /// one is not reported again as missing its pool.
    public var unreadablePools: Set<String> = []
    /// Warnings found while loading (errors are thrown instead).
    public var warnings: [Diagnostic]

    public init(config: CourseConfig, introductions: [Language: CourseIntroduction], lessons: [Lesson],
                pools: [String: [Language: SourceFile]], unreadablePools: Set<String> = [], warnings: [Diagnostic]) {
        self.config = config
        self.introductions = introductions
        self.lessons = lessons
        self.pools = pools
        self.unreadablePools = unreadablePools
        self.warnings = warnings
    }

    public var languages: [Language] { config.languages }

    /// The lesson with this slug, if any.
    public func lesson(_ slug: String) -> Lesson? { lessons.first { $0.slug == slug } }
}

/// `course.LANG.md`: the course's title and description in one language, and its introduction.
public struct CourseIntroduction: Sendable {
    public var title: String
    public var description: String
    public var source: SourceFile
}

/// One lesson: a slug and its translations.
public struct Lesson: Sendable {
    /// The number in the file name (`01-backpropagation` → 1).
    public var number: Int
    public var slug: String
    public var weight: Double
    public var translations: [Language: LessonSource]

    /// The translation in `language`, else in the first language of `fallback` that has one.
    public func translation(_ language: Language, fallback: [Language]) -> (language: Language, source: LessonSource)? {
        if let source = translations[language] { return (language, source) }
        for other in fallback { if let source = translations[other] { return (other, source) } }
        return nil
    }
}

/// One language's file of a lesson.
public struct LessonSource: Sendable {
    public var language: Language
    public var file: SourceFile
    public var title: String
    public var summary: String
    public var tags: [String]
}
