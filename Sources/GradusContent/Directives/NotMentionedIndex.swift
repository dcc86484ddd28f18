import GradusMarkdown
import GradusQuiz

/// What every `::: quiz not-mentioned` of one lesson translation looks up, each part computed once, at the first
/// question that needs it: the list under each heading id, the heading ids, the folded text outside quizzes, and
/// per pool its items and the ones the lesson does not mention. Without it every question would walk and fold the
/// whole lesson again, which made a lesson with a question per section quadratic in its size.
final class NotMentionedIndex {
    let root: MarkdownNode

    init(root: MarkdownNode) { self.root = root }

    /// The first list after each heading (by id), before the next heading of the same or a higher level.
    private(set) lazy var lists: [String: MarkdownNode] = {
        // One pass: headings still waiting for their list, outermost first (their levels increase).
        var lists: [String: MarkdownNode] = [:]
        var waiting: [(id: String, level: Int)] = []
        for block in root.children {
            if block.kind == .heading, let level = block.headingLevel {
                while let last = waiting.last, last.level >= level { waiting.removeLast() }
                if let id = block.headingID, lists[id] == nil { waiting.append((id, level)) }
            } else if block.kind == .list {
                for heading in waiting where lists[heading.id] == nil { lists[heading.id] = block }
                waiting.removeAll()
            }
        }
        return lists
    }()

    private(set) lazy var headingIDs: [String] = root.children.compactMap { $0.kind == .heading ? $0.headingID : nil }

    private(set) lazy var mentions = LessonMentions(Self.textOutsideQuizzes(root))

    /// A pool's items and those of them the lesson does not mention, by pool name.
    var pools: [String: (items: [QuizText], unmentioned: [QuizText])] = [:]

    /// The lesson's words outside `::: quiz` directives, block by block.
    static func textOutsideQuizzes(_ root: MarkdownNode) -> String {
        var parts: [String] = []
        var stack = Array(root.children).reversed() as [MarkdownNode]
        while let block = stack.popLast() {
            if block.kind == .directive {
                if block.directiveName == "quiz" { continue }
                stack += Array(block.children).reversed()
            } else {
                parts.append(block.plainText)
            }
        }
        return parts.joined(separator: "\n")
    }
}
