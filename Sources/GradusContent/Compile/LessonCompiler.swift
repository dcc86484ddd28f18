import GradusMarkdown
import GradusMath
import GradusQuiz
import GradusSimulation

/// Compiles a loaded course: parses every translation in the lesson dialect and resolves its directives, checking
/// simulation names and parameters against the registry and quizzes against their rules. Reports every error
/// found, located in the lesson file, before anything is rendered.
public struct LessonCompiler: Sendable {
    public var registry: Registry
    /// Keep raw HTML and any URL (`build --unsafe`).
    public var unsafe: Bool
    /// Renders inline nodes of quiz texts to HTML (with math), filling a computed question's placeholders; the
    /// site sets it, the terminal needs none.
    public var inlineHTML: @Sendable ([MarkdownNode], QuizFill) -> String
    /// The generators `::: quiz computed` may name.
    public var generators: QuestionGenerators
    /// The theme's interface words by language code, then by key: the true/false options and the generated
    /// not-mentioned question are written in them, so the compiler keeps no language's words of its own.
    public var words: [String: [String: String]]
    /// The threads that parse and check the lessons (each lesson on one; results in the course's order).
    public var workers: Workers
    /// Results of an earlier build to take again where a translation's inputs are the same (`gradus serve`).
    public var memo: CompileMemo?

    public static let directives = ["exercise", "quiz", "simulation", "solution"]

    public init(registry: Registry, generators: QuestionGenerators = .standard, unsafe: Bool = false,
                words: [String: [String: String]],
                inlineHTML: @escaping @Sendable ([MarkdownNode], QuizFill) -> String = { _, _ in "" },
                workers: Workers = .machine, memo: CompileMemo? = nil) {
        self.workers = workers
        self.memo = memo
        self.registry = registry
        self.generators = generators
        self.unsafe = unsafe
        self.words = words
        self.inlineHTML = inlineHTML
    }

    public func compile(_ course: Course) throws(ContentFailure) -> CompiledCourse {
        let compiled = compileReporting(course)
        if compiled.warnings.contains(where: { $0.severity == .error }) { throw ContentFailure(compiled.warnings) }
        return compiled
    }

    /// Compiles every lesson whatever errors others have; the result's `warnings` holds every diagnostic, errors
    /// included (`gradus check` goes on to render it; a build stops at the first error).
    public func compileReporting(_ course: Course) -> CompiledCourse {
        var diagnostics = course.warnings
        // Each lesson on its own thread, with its own diagnostics, joined in the course's order.
        let results = workers.map(course.lessons) { lesson in
            var diagnostics: [Diagnostic] = []
            var translations: [Language: CompiledTranslation] = [:]
            for language in course.languages {
                guard let source = lesson.translations[language] else { continue }
                translations[language] = remembered(source, lesson: lesson, course: course, diagnostics: &diagnostics)
            }
            return (CompiledLesson(slug: lesson.slug, number: lesson.number, translations: translations), diagnostics)
        }
        let lessons = results.map(\.0)
        for result in results { diagnostics += result.1 }
        LinkChecker(lessons: lessons, languages: course.languages, workers: workers).check(&diagnostics)
        QuestionIDCheck(languages: course.languages).check(lessons, &diagnostics)
        return CompiledCourse(course: course, lessons: lessons, warnings: diagnostics)
    }

    // MARK: - One translation

    /// The translation compiled, or taken from the memo when it was compiled from the same inputs before.
    private func remembered(_ source: LessonSource, lesson: Lesson, course: Course,
                            diagnostics: inout [Diagnostic]) -> CompiledTranslation {
        guard let memo else { return compile(source, lesson: lesson, course: course, diagnostics: &diagnostics) }
        let inputs = CompileMemo.Inputs(slug: lesson.slug, number: lesson.number, language: source.language, file: source.file,
                                        pools: course.pools.compactMapValues { $0[source.language] },
                                        unreadablePools: course.unreadablePools, seed: course.config.seed,
                                        words: words[source.language.code] ?? [:])
        if let entry = memo.result(for: inputs) {
            diagnostics += entry.diagnostics
            return entry.translation
        }
        var found: [Diagnostic] = []
        let translation = compile(source, lesson: lesson, course: course, diagnostics: &found)
        memo.store(CompileMemo.Entry(inputs: inputs, translation: translation, diagnostics: found))
        diagnostics += found
        return translation
    }

    private func compile(_ source: LessonSource, lesson: Lesson, course: Course,
                         diagnostics: inout [Diagnostic]) -> CompiledTranslation {
        let document = Markdown.parse(source.file.body, options: MarkdownOptions(dialect: .lesson, unsafe: unsafe))
        let locate = Locator(file: source.file)
        var outline: [OutlineEntry] = []
        var simulations: [Int: SimulationUse] = [:]
        var questions: [CompiledQuestion] = []
        var exercises: [CompiledExercise] = []
        var solutions = Set<Int>()
        let pools = course.pools.compactMapValues { $0[source.language] }
        let notMentioned = NotMentionedIndex(root: document.root)
        let insideDirectives = document.nodesInsideDirectives
        for node in document.allNodes {
            switch node.kind {
            case .heading:
                if let level = node.headingLevel, level == 2 || level == 3, let id = node.headingID,
                   !insideDirectives.contains(node.index) {
                    outline.append(OutlineEntry(level: level, id: id, text: node.plainText))
                }
            case .inlineMath, .mathBlock:
                do {
                    _ = try MathML.render(tex: node.tex ?? "", display: node.isDisplayMath)
                } catch {
                    var at = locate(node.position)
                    if node.kind == .inlineMath {
                        // The TeX error's own character in the lesson (the `$` if it cannot be mapped).
                        at = locate(node.position(ofLiteralLine: error.line, column: error.column) ?? node.position)
                    } else {
                        at.line += error.line
                        at.column = error.column
                    }
                    diagnostics.append(.error(at: at, "in math: \(error.message)"))
                }
            case .directive:
                let name = node.directiveName ?? ""
                let at = locate(node.position)
                if !node.isDirectiveClosed {
                    diagnostics.append(.error(at: at, "'::: \(name)' is never closed: everything after it is inside it; "
                                              + "add a ':::' line where it ends"))
                }
                switch name {
                case "simulation":
                    if let use = SimulationDirective(registry: registry, seed: course.config.seed)
                        .read(node, at: at, locate: locate, diagnostics: &diagnostics) {
                        simulations[node.index] = use
                    }
                case "quiz":
                    let number = questions.count + 1
                    if let question = QuizDirective(inlineHTML: inlineHTML, language: source.language.code,
                                                 strings: QuizStrings(words: words[source.language.code] ?? [:]),
                                                 unreadablePools: course.unreadablePools, pools: pools, index: notMentioned,
                                                 generators: generators, seed: course.config.seed)
                        .read(node, defaultID: "\(lesson.slug)/q\(number)", at: at, locate: locate,
                              diagnostics: &diagnostics) {
                        questions.append(CompiledQuestion(node: node.index, question: question, location: at))
                    }
                case "exercise":
                    // Its solutions are its own even when the exercise has an error of its own to report.
                    for child in node.children where child.kind == .directive && child.directiveName == ExerciseDirective.solution {
                        solutions.insert(child.index)
                    }
                    let number = exercises.count + 1
                    let html = inlineHTML
                    if let exercise = ExerciseDirective(blockHTML: { html($0, .none) })
                        .read(node, number: number, defaultID: "\(lesson.slug)/ex\(number)", at: at, locate: locate,
                              diagnostics: &diagnostics) {
                        exercises.append(exercise)
                        let word = words[source.language.code]?["exercise"] ?? "Exercise"
                        let title = exercise.exercise.title
                        outline.append(OutlineEntry(level: 3, id: Exercise.anchor(number),
                                                    text: "\(word) \(number)" + (title.isEmpty ? "" : ": " + title)))
                    }
                case ExerciseDirective.solution:
                    if !solutions.contains(node.index) {
                        diagnostics.append(.error(at: at, "'::: solution' belongs inside an '::: exercise' (nest it before "
                                                  + "the exercise's closing ':::')"))
                    }
                default:
                    let hint = nearest(name, in: Self.directives).map { "did you mean '\($0)'? " } ?? ""
                    diagnostics.append(.error(at: at, "unknown directive '\(name)'; \(hint)known directives: "
                                              + Self.directives.joined(separator: ", ")))
                }
            default:
                break
            }
        }
        Self.checkUnique(questions.map { ($0.question.id, $0.location) }, kind: "question", &diagnostics)
        Self.checkUnique(exercises.map { ($0.exercise.id, $0.location) }, kind: "exercise", &diagnostics)
        return CompiledTranslation(source: source, document: document, outline: outline,
                                   simulations: simulations, questions: questions, exercises: exercises)
    }

    /// Learners' answers and the page's forms are keyed by id, so two questions (or exercises) of a lesson
    /// cannot share one.
    private static func checkUnique(_ ids: [(String, SourceLocation)], kind: String, _ diagnostics: inout [Diagnostic]) {
        var first: [String: SourceLocation] = [:]
        for (id, at) in ids {
            if let earlier = first[id] {
                diagnostics.append(.error(at: at, "\(kind) id '\(id)' is already used at line \(earlier.line); "
                                          + "give each \(kind) an id of its own"))
            } else {
                first[id] = at
            }
        }
    }
}

/// Turns a position in a lesson's body into a location in its file (the body starts after the front matter).
struct Locator: Sendable {
    var file: SourceFile

    func callAsFunction(_ position: SourcePosition?) -> SourceLocation {
        let position = position ?? SourcePosition(line: 1, column: 1)
        return SourceLocation(path: file.path, line: position.line + file.bodyFirstLine - 1, column: position.column)
    }
}
