import GradusTestSupport
@testable import GradusQuiz

extension QuizStrings {
    /// The quiz's words in `code` as the default theme gives them.
    static func theme(_ code: String) -> QuizStrings { QuizStrings(words: InterfaceWords.of(code)) }
}
