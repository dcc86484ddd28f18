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

    /// The course introduction (`course.LANG.md`'s body) in `language`, its code blocks labelled in that language's words.
    func introduction(_ markdown: String, language: String) -> String {
        let document = Markdown.parse(markdown, options: MarkdownOptions(dialect: .lesson, unsafe: unsafe))
        var hooks = HTMLHooks(math: { tex, display in MathHTML.render(tex, display: display) })
        let label = words[language]?["code_block"]?.text ?? ""
        hooks.codeBlock = { info, code in CodeBlockHTML.render(info: info, code: code, label: label) }
        return MathPunctuation.keepTogether(String(decoding: HTMLRenderer(hooks: hooks).render(document), as: UTF8.self))
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
        let codeLabel = wordsOfPage["code_block"]?.text ?? ""
        hooks.codeBlock = { info, code in CodeBlockHTML.render(info: info, code: code, label: codeLabel) }
        // Each figure's caption names its chart and table, so two figures of one page never share a name.
        let names = FigureNames()
        hooks.directive = { node, body in
            if let use = translation.simulations[node.index], let table = tables[use.key] {
                let separators = ThemeWords.separators(wordsOfPage)
                let name = names.unique(use.caption.isEmpty ? table.title.text(language) : use.caption)
                let id = "figure-\(names.count)"
                return TableHTML.render(table, name: name, id: id, language: language, separators: separators,
                                        chart: { caption, data in
                                            ChartRenderer(table: table, spec: use.chart, language: language, separators: separators,
                                                          logNote: wordsOfPage["log_scale"]?.text ?? "",
                                                          labelledBy: caption, details: data).render()
                                        },
                                        showTable: wordsOfPage["show_table"]?.text ?? "")
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
        let html = MathPunctuation.keepTogether(String(decoding: HTMLRenderer(hooks: hooks).render(document), as: UTF8.self))
        return LessonPage(slug: lesson.slug, number: lesson.number, title: translation.source.title,
                          summary: translation.source.summary, textLanguage: language, bodyHTML: html,
                          outline: translation.outline.map { LessonPage.Heading(level: $0.level, id: $0.id, text: $0.text) })
    }
}

/// The names of a page's figures so far, each made unique by its number when a caption repeats.
final class FigureNames {
    private var seen: Set<String> = []
    private(set) var count = 0

    func unique(_ name: String) -> String {
        count += 1
        var candidate = name
        var copy = 1
        while !seen.insert(candidate).inserted {
            copy += 1
            candidate = "\(name) (\(copy))"
        }
        return candidate
    }
}

/// A formula in the text and the punctuation right after it (`$o$,`) kept on one line: a browser may otherwise
/// break between them and start a line with the comma.
enum MathPunctuation {
    static let marks: Set<UInt8> = Set(",.;:!?)".utf8)

    /// One pass over the page's UTF-8 bytes (a page may hold thousands of formulas).
    static func keepTogether(_ html: String) -> String {
        let open = Array("<math ".utf8), close = Array("</math>".utf8), inline = Array("display=\"inline\"".utf8)
        let span = Array("<span class=\"nowrap\">".utf8), spanEnd = Array("</span>".utf8)
        var html = html
        return html.withUTF8 { bytes -> String in
            func matches(_ pattern: [UInt8], at i: Int) -> Bool {
                i + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[i + $0] == pattern[$0] }
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 256)
            var copied = 0          // bytes before this are in `out`
            var lastOpen: Int?      // the latest `<math ` since the last `</math>`
            var i = 0
            while i < bytes.count {
                guard bytes[i] == UInt8(ascii: "<") else { i += 1; continue }
                if matches(open, at: i) {
                    lastOpen = i
                    i += open.count
                    continue
                }
                guard matches(close, at: i) else { i += 1; continue }
                let end = i + close.count
                var after = end
                while after < bytes.count, marks.contains(bytes[after]) { after += 1 }
                if after > end, let start = lastOpen,
                   let tagEnd = (start..<i).first(where: { bytes[$0] == UInt8(ascii: ">") }),
                   (start..<tagEnd).contains(where: { matches(inline, at: $0) && $0 + inline.count <= tagEnd }) {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<start]))
                    out += span
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<after]))
                    out += spanEnd
                    copied = after
                }
                lastOpen = nil
                i = after
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}

/// A code block: highlighted when Gradus knows its language, focusable (`tabindex="0"`) so that a keyboard can
/// scroll it, and named by `label` and its language (`Code (python)`).
enum CodeBlockHTML {
    static func render(info: String, code: String, label: String) -> String {
        let language = info.split(separator: " ").first.map(String.init) ?? ""
        let name = language.isEmpty ? label : label.isEmpty ? language : "\(label) (\(language))"
        let attributes = " tabindex=\"0\"" + (name.isEmpty ? "" : " role=\"region\" aria-label=\"\(escapeXML(name))\"")
        let body = Highlighter.grammar(for: info).map { Highlighter(grammar: $0).highlight(code) } ?? escapeXML(code)
        let codeClass = language.isEmpty ? "" : " class=\"language-\(escapeXML(language))\""
        return "<pre class=\"code\"\(attributes)><code\(codeClass)>\(body)</code></pre>\n"
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
