import GradusMarkdown
import GradusQuiz

/// Reads `::: quiz` (single or multiple answer), `::: quiz true-false`: a heading as the question, a task list as
/// the options (`- [x]` marks each correct one, text indented under an option says why, `{pinned}` at the end of
/// an option keeps its place), and a block quote as the explanation; and `::: quiz not-mentioned`, generated here
/// at compile time (seeded by the question's id) so that the site and the terminal show the same options.
struct QuizDirective {
    var inlineHTML: @Sendable ([MarkdownNode]) -> String
    var language: String
    /// The words of `language`: the true/false options, the generated question and its explanation.
    var strings: QuizStrings
    /// File names (`NAME.LANG.md`) of pools that exist but could not be read.
    var unreadablePools: Set<String> = []
    /// The course's distractor pools in this language (`pools/NAME.LANG.md`), for `not-mentioned`.
    var pools: [String: SourceFile] = [:]
    /// Shared by the not-mentioned quizzes of one lesson translation; without it each builds its own.
    var index: NotMentionedIndex? = nil

    static let kinds = ["", "true-false", "not-mentioned"]

    func read(_ node: MarkdownNode, defaultID: String, at location: SourceLocation, locate: Locator,
              diagnostics: inout [Diagnostic]) -> Question? {
        let kindName = (node.directiveArguments ?? "").split(separator: " ").first.map(String.init) ?? ""
        // The kind decides which parameters are valid, so an unknown kind is reported before any parameter.
        guard Self.kinds.contains(kindName) else {
            let hint = nearest(kindName, in: ["true-false", "not-mentioned"]).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(at: location, "unknown quiz kind '\(kindName)'; \(hint)write '::: quiz', "
                                      + "'::: quiz true-false' or '::: quiz not-mentioned'"))
            return nil
        }
        var id = defaultID
        var answer: Bool? = nil
        var generated: [String: DirectiveParameter] = [:]
        for parameter in node.directiveParameters {
            let at = locate(parameter.position)
            switch parameter.key {
            case "id":
                guard !parameter.value.isEmpty, !parameter.value.contains(where: { $0 == " " || $0 == "\"" }) else {
                    diagnostics.append(.error(at: at, "a quiz id is one word without spaces or quotes, found '\(parameter.value)'"))
                    return nil
                }
                id = parameter.value
            case "answer" where kindName == "true-false":
                guard parameter.value == "true" || parameter.value == "false" else {
                    diagnostics.append(.error(at: at, "answer must be true or false, found '\(parameter.value)'"))
                    return nil
                }
                answer = parameter.value == "true"
            case _ where kindName == "not-mentioned" && ["list", "pool", "choices", "question"].contains(parameter.key):
                generated[parameter.key] = parameter
            default:
                let keys = kindName == "true-false" ? "id, answer"
                    : kindName == "not-mentioned" ? "id, list, pool, choices, question" : "id"
                diagnostics.append(.error(at: at, "unknown quiz parameter '\(parameter.key)'; valid keys: \(keys)"))
                return nil
            }
        }
        if kindName == "not-mentioned" {
            guard var question = notMentioned(node, id: id, parameters: generated, at: location, locate: locate,
                                              diagnostics: &diagnostics) else { return nil }
            // The generated sentence names the lesson's items; an author's block quote adds to it.
            if let quote = node.children.first(where: { $0.kind == .blockQuote }) {
                let extra = blocks(quote)
                question.explanation = QuizText(runs: question.explanation.runs + [.paragraphBreak] + extra.runs,
                                                html: "<p>\(question.explanation.html)</p>\n" + extra.html)
            }
            return question
        }
        var prompt: QuizText? = nil
        var options: [Question.Option] = []
        var explanation = QuizText(runs: [], html: "")
        var sawList = false
        for child in node.children {
            switch child.kind {
            case .heading where prompt == nil:
                prompt = text(of: child)
            case .list where !sawList && kindName != "true-false":
                sawList = true
                for item in child.children {
                    guard let state = item.taskState else {
                        diagnostics.append(.error(at: locate(item.position),
                                                  "each option is a task list item: '- [ ] wrong' or '- [x] right'"))
                        return nil
                    }
                    options.append(option(item, correct: state == .checked))
                }
            case .blockQuote:
                explanation = blocks(child)
            default:
                break
            }
        }
        guard let prompt else {
            diagnostics.append(.error(at: location, "a quiz needs its question as a heading, e.g. '### What is …?'"))
            return nil
        }
        let kind: Question.Kind
        switch kindName {
        case "":
            guard !options.isEmpty else {
                diagnostics.append(.error(at: location, "a quiz needs options as a task list: '- [ ] wrong', '- [x] right'"))
                return nil
            }
            let correct = options.filter(\.isCorrect).count
            guard correct > 0 else {
                diagnostics.append(.error(at: location, "no correct option; mark the right one(s) with '- [x]'"))
                return nil
            }
            guard options.count >= 2 else {
                diagnostics.append(.error(at: location, "a quiz needs at least two options"))
                return nil
            }
            kind = correct == 1 ? .single : .multiple
        case "true-false":
            guard let answer else {
                diagnostics.append(.error(at: location, "a true-false quiz needs 'answer: true' or 'answer: false'"))
                return nil
            }
            options = [Question.Option(text: QuizText(stringLiteral: strings.trueWord), isCorrect: answer),
                       Question.Option(text: QuizText(stringLiteral: strings.falseWord), isCorrect: !answer)]
            kind = .trueFalse
        default:
            preconditionFailure("quiz kinds were checked above")
        }
        return Question(id: id, kind: kind, prompt: prompt, options: options, explanation: explanation,
                        origin: location.description)
    }

    // MARK: - Texts

    /// An option: the first line of its first paragraph is the text; the lines and paragraphs under it say why
    /// it is right or wrong.
    private func option(_ item: MarkdownNode, correct: Bool) -> Question.Option {
        var text = QuizText(runs: [], html: "")
        var why: [QuizText] = []
        for (index, block) in item.children.enumerated() {
            guard index == 0, block.kind == .paragraph else {
                why.append(self.text(of: block))
                continue
            }
            let inlines = Array(block.children)
            let cut = inlines.firstIndex { $0.kind == .softBreak || $0.kind == .hardBreak } ?? inlines.count
            text = self.text(of: Array(inlines[..<cut]))
            if cut + 1 < inlines.count { why.append(self.text(of: Array(inlines[(cut + 1)...]))) }
        }
        var pinned = false
        if case .text(let last)? = text.runs.last, last.hasSuffix("{pinned}") {
            pinned = true
            text.runs[text.runs.count - 1] = .text(String(last.dropLast("{pinned}".count)).trimmingSpaces)
            text.html = text.html.replacingOccurrences(of: "{pinned}", with: "").trimmingSpaces
        }
        return Question.Option(text: text, isCorrect: correct, why: why.isEmpty ? nil : join(why), isPinned: pinned)
    }

    private func blocks(_ node: MarkdownNode) -> QuizText { join(node.children.map { text(of: $0) }) }

    private func join(_ parts: [QuizText]) -> QuizText {
        var runs: [QuizText.Run] = []
        for (index, part) in parts.enumerated() {
            if index > 0 { runs.append(.paragraphBreak) }
            runs += part.runs
        }
        return QuizText(runs: runs, html: parts.map { "<p>\($0.html)</p>" }.joined(separator: "\n"))
    }

    /// The inline content of a heading or paragraph as quiz text.
    func text(of block: MarkdownNode) -> QuizText { text(of: Array(block.children)) }

    func text(of inlines: [MarkdownNode]) -> QuizText {
        QuizText(runs: InlineRuns.of(inlines), html: inlineHTML(inlines))
    }
}

/// Flattens a block's inlines into styled runs, without recursion.
enum InlineRuns {
    static func of(_ inlines: [MarkdownNode]) -> [QuizText.Run] {
        var runs: [QuizText.Run] = []
        var stack: [(node: MarkdownNode, style: Int)] = inlines.reversed().map { ($0, 0) }  // 0 plain, 1 emphasis, 2 strong
        while let (node, style) = stack.popLast() {
            switch node.kind {
            case .text:
                let text = node.literal ?? ""
                runs.append(style == 2 ? .strong(text) : style == 1 ? .emphasis(text) : .text(text))
            case .softBreak, .hardBreak:
                runs.append(.text(" "))
            case .code:
                runs.append(.code(node.literal ?? ""))
            case .inlineMath:
                runs.append(.math(node.tex ?? ""))
            case .emphasis, .strong:
                let inner = node.kind == .strong ? 2 : max(style, 1)
                stack += node.children.reversed().map { ($0, inner) }
            default:
                stack += node.children.reversed().map { ($0, style) }
            }
        }
        return runs
    }
}
