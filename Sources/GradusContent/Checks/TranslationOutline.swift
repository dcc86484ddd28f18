import GradusMarkdown

/// What must line up between a translation and its original: the headings (level and explicit id, in order),
/// the directives other than quizzes (name and arguments, in order) and the questions (quiz kind, in order).
struct TranslationOutline {
    struct Item {
        /// What is compared, e.g. `2` for a level-2 heading or `simulation depth-gradients`.
        var key: String
        var explicitID: String?
        var location: SourceLocation
    }

    var headings: [Item] = []
    var directives: [Item] = []
    var questions: [Item] = []
    var path: String

    init(_ document: MarkdownDocument, locate: Locator) {
        path = locate.file.path
        let inside = document.nodesInsideDirectives
        for node in document.allNodes {
            switch node.kind {
            case .heading where !inside.contains(node.index):
                headings.append(Item(key: "\(node.headingLevel ?? 0)", explicitID: node.explicitID, location: locate(node.position)))
            case .directive:
                let name = node.directiveName ?? ""
                let arguments = (node.directiveArguments ?? "").trimmingSpaces
                let item = Item(key: arguments.isEmpty ? name : "\(name) \(arguments)", explicitID: nil, location: locate(node.position))
                if name == "quiz" { questions.append(item) } else { directives.append(item) }
            default:
                break
            }
        }
    }

    /// Warnings, located here, for each way this translation is out of step with `original`: the first
    /// difference of each kind (one difference usually shifts everything after it).
    func differences(from original: TranslationOutline, originalPath: String, originalLanguage: String) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let top = SourceLocation(path: path, line: 1, column: 1)
        func compare(_ mine: [Item], _ theirs: [Item], noun: String, describe: (Item) -> String) {
            if mine.count != theirs.count {
                diagnostics.append(.warning(at: top, "out of step with \(originalPath): \(mine.count) \(noun)s here, "
                                            + "\(theirs.count) in the \(originalLanguage) original"))
                return
            }
            for (index, (a, b)) in zip(mine, theirs).enumerated() where a.key != b.key {
                diagnostics.append(.warning(at: a.location, "out of step with \(originalPath): \(noun) \(index + 1) is "
                                            + "\(describe(a)) here, \(describe(b)) in the original (line \(b.location.line))"))
                return
            }
        }
        compare(headings, original.headings, noun: "heading") { "level \($0.key)" }
        compare(directives, original.directives, noun: "directive") { "'::: \($0.key)'" }
        compare(questions, original.questions, noun: "question") { "'::: \($0.key)'" }
        if headings.count == original.headings.count {
            for (a, b) in zip(headings, original.headings) where a.explicitID != b.explicitID {
                let here = a.explicitID.map { "{#\($0)}" } ?? "no explicit id"
                let there = b.explicitID.map { "{#\($0)}" } ?? "none"
                diagnostics.append(.warning(at: a.location, "heading id differs from \(originalPath): \(here) here, "
                                            + "\(there) in the original (line \(b.location.line)); links from other lessons use it"))
            }
        }
        return diagnostics
    }
}
