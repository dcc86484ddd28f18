/// A worked exercise of a lesson: a statement to work on and, folded away on the page, its solution. Unlike a
/// question it is not graded; exports carry it so a teacher can reuse it.
public struct Exercise: Hashable, Sendable {
    /// Stable across languages: the author's `id:`, else `SLUG/exN`.
    public var id: String
    /// 1, 2, 3… in the lesson's order.
    public var number: Int
    /// The exercise's heading, when it has one.
    public var title: String
    public var statement: QuizText
    public var solution: QuizText?
    /// Where the exercise is written, as `path:line:column`.
    public var origin: String

    public init(id: String, number: Int, title: String, statement: QuizText, solution: QuizText?, origin: String) {
        self.id = id
        self.number = number
        self.title = title
        self.statement = statement
        self.solution = solution
        self.origin = origin
    }

    /// The page anchor of exercise `number` (also its entry in the page's outline).
    public static func anchor(_ number: Int) -> String { "exercise-\(number)" }
}
