import GradusMarkdown
import GradusQuiz
import GradusSimulation

/// Reads `::: quiz` (single or multiple answer), `::: quiz true-false`: a heading as the question, a task list as
/// the options (`- [x]` marks each correct one, text indented under an option says why, `{pinned}` at the end of
/// an option keeps its place), and a block quote as the explanation; and `::: quiz not-mentioned`, generated here
/// at compile time (seeded by the question's id) so that the site and the terminal show the same options.
struct QuizDirective {
    var inlineHTML: @Sendable ([MarkdownNode], QuizFill) -> String
    var language: String
    /// The words of `language`: the true/false options, the generated question and its explanation.
    var strings: QuizStrings
    /// File names (`NAME.LANG.md`) of pools that exist but could not be read.
    var unreadablePools: Set<String> = []
    /// The course's distractor pools in this language (`pools/NAME.LANG.md`), for `not-mentioned`.
    var pools: [String: SourceFile] = [:]
    /// Shared by the not-mentioned quizzes of one lesson translation; without it each builds its own.
    var index: NotMentionedIndex? = nil
    /// What `::: quiz computed` may name, and the course's seed, which picks the variant shown first.
    var generators = QuestionGenerators([])
    var seed: UInt64 = 1

    static let kinds = ["", "true-false", "not-mentioned", "numeric", "computed"]
    static let parameters = [
        "": ["id"], "true-false": ["id", "answer"], "not-mentioned": ["id", "list", "pool", "choices", "question"],
        "numeric": ["id", "answer"], "computed": ["id", "generator", "tolerance", "choices"],
    ]

    /// Options are answered by letter, a to z.
    static let maximumOptions = 26

    func read(_ node: MarkdownNode, defaultID: String, at location: SourceLocation, locate: Locator,
              diagnostics: inout [Diagnostic]) -> Question? {
        let kindName = (node.directiveArguments ?? "").split(separator: " ").first.map(String.init) ?? ""
        // The kind decides which parameters are valid, so an unknown kind is reported before any parameter.
        guard Self.kinds.contains(kindName) else {
            let hint = nearest(kindName, in: Array(Self.kinds.dropFirst())).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(at: location, "unknown quiz kind '\(kindName)'; \(hint)write '::: quiz', "
                                      + "'::: quiz true-false', '::: quiz not-mentioned', '::: quiz numeric' or '::: quiz computed'"))
            return nil
        }
        var id = defaultID
        var answer: Bool? = nil
        var numeric: NumericAnswer? = nil
        var generated: [String: DirectiveParameter] = [:]
        for parameter in node.directiveParameters + Self.trailingParameters(node, keys: Self.parameters[kindName] ?? []) {
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
            case "answer" where kindName == "numeric":
                switch NumericAnswer.parse(parameter.value) {
                case .success(let key): numeric = key
                case .failure(let error):
                    diagnostics.append(.error(at: at, error.description))
                    return nil
                }
            case _ where Self.parameters[kindName]?.contains(parameter.key) == true && parameter.key != "id":
                generated[parameter.key] = parameter
            default:
                let keys = (Self.parameters[kindName] ?? ["id"]).joined(separator: ", ")
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
        var promptNodes: [MarkdownNode] = []
        var options: [Question.Option] = []
        var explanation = QuizText(runs: [], html: "")
        var explanationNodes: [MarkdownNode] = []
        var sawList = false
        var stray: MarkdownNode?
        for child in node.children {
            switch child.kind {
            case .heading where prompt == nil:
                prompt = text(of: child)
                promptNodes = Array(child.children)
            case .list where kindName == "numeric" || kindName == "computed":
                diagnostics.append(.error(at: locate(child.position), "a \(kindName) question has no options: the learner "
                                          + "types a number" + (kindName == "computed" ? " (or, with 'choices: N', picks among "
                                          + "the generator's)" : "; give the key as 'answer: VALUE'")))
                return nil
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
                if options.count > Self.maximumOptions {
                    diagnostics.append(.error(at: locate(child.position), "a question has at most \(Self.maximumOptions) options, "
                                              + "lettered a to z; this one has \(options.count)"))
                    return nil
                }
            case .blockQuote where explanationNodes.isEmpty:
                explanation = blocks(child)
                explanationNodes = Array(child.children)
            case .paragraph where Self.parameterLines(child, keys: Self.parameters[kindName] ?? []) != nil:
                break
            default:
                // Anything else would be left off the page and out of the terminal without a word (reported below,
                // unless a missing list of options says more).
                if stray == nil { stray = child }
            }
        }
        let needsOptions = !["numeric", "computed", "true-false"].contains(kindName)
        if let stray, !(needsOptions && options.isEmpty) {
            diagnostics.append(.error(at: locate(stray.position), "a quiz shows its '###' question, "
                                      + (needsOptions ? "one list of options, " : "")
                                      + "one '>' explanation and 'key: value' lines; this block would be lost: "
                                      + "move it into the question, an option or the explanation"))
            return nil
        }
        guard let prompt else {
            diagnostics.append(.error(at: location, "a quiz needs its question as a heading, e.g. '### What is …?'"))
            return nil
        }
        let kind: Question.Kind
        switch kindName {
        case "numeric":
            guard let numeric else {
                diagnostics.append(.error(at: location, "a numeric quiz needs its key: 'answer: 0.25', 'answer: 0.25 ± 0.001' "
                                          + "or 'answer: 0.25 ± 1%'"))
                return nil
            }
            return Question(id: id, kind: .numeric, prompt: prompt, options: [], explanation: explanation,
                            origin: location.description, numeric: numeric)
        case "computed":
            return ComputedQuestion(directive: self, id: id, location: location, promptNodes: promptNodes,
                                    explanationNodes: explanationNodes, parameters: generated)
                .read(locate: locate, diagnostics: &diagnostics)
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

    /// `key: value` lines written after the heading (`answer: 0.25` reads best under its question): each
    /// paragraph of the directive whose every line starts with one of the kind's keys other than `id`.
    static func trailingParameters(_ node: MarkdownNode, keys: [String]) -> [DirectiveParameter] {
        node.children.flatMap { parameterLines($0, keys: keys) ?? [] }
    }

    static func parameterLines(_ paragraph: MarkdownNode, keys: [String]) -> [DirectiveParameter]? {
        guard paragraph.kind == .paragraph, let position = paragraph.position else { return nil }
        var parameters: [DirectiveParameter] = []
        for (offset, line) in paragraph.plainText.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            guard let colon = line.firstIndex(of: ":"), line[..<colon] != "id", keys.contains(String(line[..<colon])) else {
                return nil
            }
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            parameters.append(DirectiveParameter(key: String(line[..<colon]), value: value,
                                                 position: SourcePosition(line: position.line + offset,
                                                                          column: offset == 0 ? position.column : 1)))
        }
        return parameters
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

    func join(_ parts: [QuizText]) -> QuizText { Self.join(parts) }

    static func join(_ parts: [QuizText]) -> QuizText {
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
        QuizText(runs: InlineRuns.of(inlines), html: inlineHTML(inlines, .none))
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
