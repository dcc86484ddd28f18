import GradusMarkdown
import GradusQuiz

/// Reads `::: exercise` (optional `id:`), its statement, and the `::: solution` nested in it. An exercise
/// without a solution is a warning (the reader is left without the worked answer the page promises); a
/// solution outside an exercise is an error.
struct ExerciseDirective {
    var blockHTML: @Sendable ([MarkdownNode]) -> String

    static let solution = "solution"

    func read(_ node: MarkdownNode, number: Int, defaultID: String, at location: SourceLocation, locate: Locator,
              diagnostics: inout [Diagnostic]) -> CompiledExercise? {
        var id = defaultID
        for parameter in node.directiveParameters {
            guard parameter.key == "id" else {
                diagnostics.append(.error(at: locate(parameter.position),
                                          "unknown exercise parameter '\(parameter.key)'; valid keys: id"))
                return nil
            }
            guard !parameter.value.isEmpty, !parameter.value.contains(where: { $0 == " " || $0 == "\"" }) else {
                diagnostics.append(.error(at: locate(parameter.position),
                                          "an exercise id is one word without spaces or quotes, found '\(parameter.value)'"))
                return nil
            }
            id = parameter.value
        }
        let children = Array(node.children)
        let solutions = children.filter { $0.kind == .directive && $0.directiveName == Self.solution }
        if solutions.count > 1 {
            diagnostics.append(.error(at: locate(solutions[1].position), "an exercise has one '::: solution'; merge them"))
            return nil
        }
        let statementNodes = children.filter { !($0.kind == .directive && $0.directiveName == Self.solution) }
        guard !statementNodes.isEmpty else {
            diagnostics.append(.error(at: location, "an exercise needs a statement before its '::: solution'"))
            return nil
        }
        if solutions.isEmpty {
            diagnostics.append(.warning(at: location, "exercise \(number) has no solution; add '::: solution' with the worked "
                                        + "answer inside the exercise"))
        }
        let title = statementNodes.first.flatMap { $0.kind == .heading ? $0.plainText : nil } ?? ""
        let statement = text(statementNodes)
        let solution = solutions.first.map { text(Array($0.children)) }
        let exercise = Exercise(id: id, number: number, title: title, statement: statement, solution: solution,
                                origin: location.description)
        return CompiledExercise(node: node.index, solutionNode: solutions.first?.index, exercise: exercise, location: location)
    }

    /// Blocks as quiz text: the plain words (math as TeX) and the HTML.
    private func text(_ blocks: [MarkdownNode]) -> QuizText {
        let plain = blocks.map(\.plainText).joined(separator: "\n\n")
        return QuizText(runs: plain.isEmpty ? [] : [.text(plain)], html: blockHTML(blocks))
    }
}
