import GradusMarkdown
import GradusQuiz
import GradusSimulation

/// Reads `::: quiz computed`: a generator (`generator: NAME`) draws the numbers and computes the key; the
/// heading and the block quote hold `{name}` placeholders for them. The question compiled here is the variant
/// for the course's seed, and carries a `Redraw` that makes any other variant (the terminal draws new numbers on
/// every attempt, the site ships a fixed set).
struct ComputedQuestion {
    var directive: QuizDirective
    var id: String
    var location: SourceLocation
    var promptNodes: [MarkdownNode]
    var explanationNodes: [MarkdownNode]
    var parameters: [String: DirectiveParameter]

    func read(locate: Locator, diagnostics: inout [Diagnostic]) -> Question? {
        guard let parameter = parameters["generator"] else {
            let names = directive.generators.names.joined(separator: ", ")
            diagnostics.append(.error(at: location, "a computed quiz needs 'generator: NAME'; generators: \(names)"))
            return nil
        }
        guard let generator = directive.generators[parameter.value] else {
            let hint = nearest(parameter.value, in: directive.generators.names).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(at: locate(parameter.position), "unknown generator '\(parameter.value)'; \(hint)"
                                      + "'gradus quiz --generators' lists them: " + directive.generators.names.joined(separator: ", ")))
            return nil
        }
        var tolerance = NumericAnswer.Tolerance.relative(generator.relativeTolerance)
        if let given = parameters["tolerance"] {
            guard let read = Self.tolerance(given.value) else {
                diagnostics.append(.error(at: locate(given.position), "tolerance must be '0.001' (absolute) or '1%' "
                                          + "(relative), found '\(given.value)'"))
                return nil
            }
            tolerance = read
        }
        var choices: Int? = nil
        if let given = parameters["choices"] {
            let most = 1 + generator.draw(0).distractors.count
            guard let count = Int(given.value), (2...most).contains(count) else {
                diagnostics.append(.error(at: locate(given.position), "choices must be a whole number from 2 to \(most) "
                                          + "(the answer and the generator's \(most - 1) likely mistakes), found '\(given.value)'"))
                return nil
            }
            choices = count
        }
        // Every placeholder must be one the generator fills.
        let known = Set(generator.values.map(\.name) + ["answer"])
        let prompt = directive.text(of: promptNodes)
        let explanation = directive.join(explanationNodes.map { (node: MarkdownNode) in directive.text(of: node) })
        var valid = true
        for (runs, nodes) in [(prompt.runs, promptNodes), (explanation.runs, explanationNodes)] {
            for name in Placeholders.names(in: runs) where !known.contains(name) {
                let at = nodes.first.map { locate($0.position) } ?? location
                let hint = nearest(name, in: Array(known)).map { "did you mean '{\($0)}'? " } ?? ""
                diagnostics.append(.error(at: at, "placeholder '{\(name)}' is not a value of generator '\(generator.name)'; "
                                          + "\(hint)it fills " + known.sorted().map { "{\($0)}" }.joined(separator: ", ")))
                valid = false
            }
        }
        guard valid else { return nil }

        let maker = Maker(id: id, origin: location.description, generator: generator, tolerance: tolerance,
                          choices: choices, promptNodes: promptNodes, explanationNodes: explanationNodes,
                          inlineHTML: directive.inlineHTML, words: directive.strings.words)
        return maker.question(seed: Computed.variantSeed(id: id, seed: directive.seed, index: 0))
    }

    /// `0.001`, `± 0.001` or `1%` (`± 1%`).
    static func tolerance(_ text: String) -> NumericAnswer.Tolerance? {
        var text = text.trimmingSpaces
        if text.hasPrefix("±") { text = String(text.dropFirst()).trimmingSpaces }
        let percent = text.hasSuffix("%")
        if percent { text = String(text.dropLast()).trimmingSpaces }
        guard let amount = NumberReply.parse(text, decimalSeparator: ".").number, amount >= 0,
              !percent || amount < 100 else { return nil }
        return percent ? .relative(amount / 100) : .absolute(amount)
    }

    /// Makes the question for any seed: everything it needs, and nothing mutable.
    struct Maker: Sendable {
        var id: String
        var origin: String
        var generator: QuestionGenerator
        var tolerance: NumericAnswer.Tolerance
        var choices: Int?
        var promptNodes: [MarkdownNode]
        var explanationNodes: [MarkdownNode]
        var inlineHTML: @Sendable ([MarkdownNode], QuizFill) -> String
        /// The language's words: its decimal and thousands marks.
        var words: [String: String]

        func question(seed: UInt64) -> Question {
            let draw = generator.draw(seed)
            let separators = NumberFormat.Separators(decimal: words["decimal_separator"] ?? ".",
                                                     thousands: words["thousands_separator"] ?? "")
            let placeholders = Placeholders(draw, answer: draw.answer, separators: separators)
            let fill = QuizFill(placeholders)
            let prompt = filled(promptNodes, placeholders, fill)
            let explanation = QuizDirective.join(explanationNodes.map { filled(Array($0.children), placeholders, fill) })
            let values = generator.values.compactMap { value in
                placeholders.prose[value.name].map { Computed.Value(name: value.name, text: $0) }
            }
            let me = self
            let computed = Computed(generator: generator.name, values: values,
                                    redraw: Computed.Redraw(key: id, draw: { me.question(seed: $0) }))
            let key = NumericAnswer(value: draw.answer, tolerance: tolerance)
            guard let choices else {
                return Question(id: id, kind: .numeric, prompt: prompt, options: [], explanation: explanation,
                                origin: origin, numeric: key, computed: computed)
            }
            let numbers = [draw.answer] + draw.distractors.prefix(choices - 1)
            let options = numbers.enumerated().map { index, value in
                Question.Option(text: QuizText(stringLiteral: Placeholders.prose(value, decimals: nil, separators)),
                                isCorrect: index == 0)
            }
            return Question(id: id, kind: .single, prompt: prompt, options: options, explanation: explanation,
                            origin: origin, numeric: key, computed: computed)
        }

        private func filled(_ inlines: [MarkdownNode], _ placeholders: Placeholders, _ fill: QuizFill) -> QuizText {
            QuizText(runs: placeholders.fill(InlineRuns.of(inlines)), html: inlineHTML(inlines, fill))
        }
    }
}
