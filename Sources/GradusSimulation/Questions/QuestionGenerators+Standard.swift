extension QuestionGenerators {
    /// The generators a course's lessons can name.
    public static let standard = QuestionGenerators([])
}
