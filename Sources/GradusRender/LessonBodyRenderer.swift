import GradusContent
import GradusMarkdown
import GradusMath
import GradusQuiz
import GradusSimulation

/// Renders a compiled lesson's Markdown to the HTML of its page: simulations as tables, quizzes as forms, math,
/// and lesson links rewritten to the pages they point at.
public struct LessonBodyRenderer: Sendable {
    var unsafe: Bool
    var words: [String: MustacheObject]

    /// The HTML of a run of inline nodes (quiz texts), a computed question's placeholders filled: in math
    /// before it is rendered, in prose after.
    func inlineHTML(_ nodes: [MarkdownNode], fill: QuizFill = .none) -> String { Self.quizHTML(nodes, fill: fill) }

    /// The same for commands that export questions without building the site.
    public static func quizHTML(_ nodes: [MarkdownNode], fill: QuizFill) -> String {
        let renderer = HTMLRenderer(hooks: HTMLHooks(math: { tex, display in MathHTML.render(fill.tex(tex), display: display) }))
        return fill.prose(nodes.map { renderer.html($0) }.joined())
    }

    /// The course introduction (`course.LANG.md`'s body).
    func introduction(_ markdown: String) -> String {
        let document = Markdown.parse(markdown, options: MarkdownOptions(dialect: .lesson, unsafe: unsafe))
        let renderer = HTMLRenderer(hooks: HTMLHooks(math: { tex, display in MathHTML.render(tex, display: display) }))
        return String(decoding: renderer.render(document), as: UTF8.self)
    }

    func page(_ lesson: CompiledLesson, _ translation: CompiledTranslation, shownLanguage: Language,
              tables: [SimulationKey: Table], quiz: QuizHTML.Settings,
              diagnostics: inout [Diagnostic]) throws(ContentFailure) -> LessonPage {
        let language = shownLanguage.code
        let wordsOfPage = words[language] ?? MustacheObject()
        let questions = Dictionary(uniqueKeysWithValues: translation.questions.map { ($0.node, $0.question) })
        let exercises = Dictionary(uniqueKeysWithValues: translation.exercises.map { ($0.node, $0.exercise) })
        let solutionNodes = Set(translation.exercises.compactMap(\.solutionNode))
        var hooks = HTMLHooks()
        hooks.math = { tex, display in MathHTML.render(tex, display: display) }
        hooks.link = { destination, _ in
            switch LessonLink.classify(destination) {
            case .lesson(let slug, let fragment):
                return "../\(slug)/index.html" + (fragment.map { "#\($0)" } ?? "")
            case .asset(let path):
                return "../../assets/\(path)"
            case .fragment, .other:
                return destination
            }
        }
        let anchorLabel = wordsOfPage["link_to_section"]?.text ?? ""
        hooks.headingAnchor = { level, id in
            level == 1 ? "" : " <a class=\"heading-anchor\" href=\"#\(escapeXML(id))\" aria-label=\"\(escapeXML(anchorLabel))\">#</a>"
        }
        hooks.codeBlock = { info, code in
            guard let grammar = Highlighter.grammar(for: info) else { return nil }
            let language = info.split(separator: " ").first.map(String.init) ?? ""
            return "<pre class=\"code\"><code class=\"language-\(escapeXML(language))\">"
                + Highlighter(grammar: grammar).highlight(code) + "</code></pre>\n"
        }
        hooks.directive = { node, body in
            if let use = translation.simulations[node.index], let table = tables[use.key] {
                let separators = ThemeWords.separators(wordsOfPage)
                let chart = ChartRenderer(table: table, spec: use.chart, language: language, separators: separators,
                                          logNote: wordsOfPage["log_scale"]?.text ?? "").render()
                return TableHTML.render(table, caption: use.caption, language: language, separators: separators,
                                        chart: chart, showTable: wordsOfPage["show_table"]?.text ?? "")
            }
            if let question = questions[node.index] {
                return QuizHTML.render(question, words: { wordsOfPage[$0]?.text ?? "" }, settings: quiz)
            }
            if let exercise = exercises[node.index] {
                let anchor = Exercise.anchor(exercise.number)
                return "<section class=\"exercise\" id=\"\(anchor)\" aria-labelledby=\"\(anchor)-label\">\n"
                    + "<p class=\"exercise-label\" id=\"\(anchor)-label\">"
                    + escapeXML("\(wordsOfPage["exercise"]?.text ?? "") \(exercise.number)") + "</p>\n"
                    + body() + "</section>\n"
            }
            if solutionNodes.contains(node.index) {
                return "<details class=\"solution\">\n<summary>" + escapeXML(wordsOfPage["solution"]?.text ?? "")
                    + "</summary>\n" + body() + "</details>\n"
            }
            return nil
        }
        let document = translation.document
        let html = String(decoding: HTMLRenderer(hooks: hooks).render(document), as: UTF8.self)
        return LessonPage(slug: lesson.slug, number: lesson.number, title: translation.source.title,
                          summary: translation.source.summary, textLanguage: language, bodyHTML: html,
                          outline: translation.outline.map { LessonPage.Heading(level: $0.level, id: $0.id, text: $0.text) })
    }
}

/// Math on the page as MathML, made at build time. The compiler has already reported TeX errors, so the escaped
/// source is only a last resort that a successful build never shows.
enum MathHTML {
    static func render(_ tex: String, display: Bool) -> String {
        if let mathML = try? MathML.render(tex: tex, display: display) { return mathML }
        return "<code class=\"math-error\">\(escapeXML(tex))</code>"
    }
}
