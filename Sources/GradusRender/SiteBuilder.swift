import Foundation
import GradusContent
import GradusMarkdown
import GradusSimulation
import Synchronization

/// The whole build in memory: content → course → compiled lessons → simulation tables → site.
/// `gradus build` writes the result; `gradus check` stops before writing.
public struct SiteBuilder: Sendable {
    public var content: URL
    public var templates: URL
    /// How the two folders are shown in diagnostics (as the user typed them).
    public var contentDisplay: String
    public var templatesDisplay: String
    /// Only these languages get pages (nil: all of the course's).
    public var languages: [String]?
    public var baseURL: String?
    public var unsafe: Bool
    public var registry: Registry
    /// The question generators `::: quiz computed` may name.
    public var generators: QuestionGenerators
    /// Where simulation tables are kept between builds (nil: no cache).
    public var cache: URL?
    /// The threads that load, compile and render lessons and pages; any count gives the same site, byte for byte.
    public var workers: Workers = .machine
    /// What the last build made, for a rebuild to take again what did not change (`gradus serve`); nil: none.
    public var memo: BuildMemo?

    public init(content: URL, templates: URL, contentDisplay: String, templatesDisplay: String,
                languages: [String]? = nil, baseURL: String? = nil, unsafe: Bool = false, registry: Registry = .standard,
                generators: QuestionGenerators = .standard, cache: URL? = nil) {
        self.cache = cache
        self.content = content
        self.templates = templates
        self.contentDisplay = contentDisplay
        self.templatesDisplay = templatesDisplay
        self.languages = languages
        self.baseURL = baseURL
        self.unsafe = unsafe
        self.registry = registry
        self.generators = generators
    }

    /// What a build produced, with the figures of its summary line.
    public struct Result: Sendable {
        public var site: Site
        public var warnings: [Diagnostic]
        public var pages: Int
        public var languages: Int
        public var simulations: Int
    }

    public func build() throws(ContentFailure) -> Result {
        let course = try ContentLoader(root: content, displayRoot: contentDisplay, workers: workers).load()
        try checkLanguages(course)
        let templateSet = try TemplateSet.load(from: templates, displayRoot: templatesDisplay, languages: course.languages)
        let body = LessonBodyRenderer(unsafe: unsafe, words: templateSet.words)
        let compiled = try LessonCompiler(registry: registry, generators: generators, unsafe: unsafe,
                                          words: templateSet.themeWords.texts,
                                          inlineHTML: { body.inlineHTML($0, fill: $1) }, workers: workers,
                                          memo: memo?.compile)
            .compile(course)
        let warnings = compiled.warnings + templateSet.warnings
        return try render(consume compiled, templateSet: templateSet, body: body, diagnostics: warnings)
    }

    /// Every problem of the course, for `gradus check`: each stage runs on whatever the earlier ones could read, so
    /// a broken file or template hides nothing else. Also returns the course as far as it loaded (nil when
    /// `course.yml` is unusable), for the linters.
    public func check() -> (course: Course?, diagnostics: [Diagnostic]) {
        let (loaded, loadDiagnostics) = ContentLoader(root: content, displayRoot: contentDisplay, workers: workers).read()
        var diagnostics = loadDiagnostics
        var templateSet: TemplateSet?
        if let languages = loaded?.languages ?? CourseLanguages.read(root: content) {
            do {
                templateSet = try TemplateSet.load(from: templates, displayRoot: templatesDisplay, languages: languages)
            } catch {
                diagnostics += error.diagnostics
            }
        }
        guard let course = loaded else { return (nil, diagnostics) }
        let body = LessonBodyRenderer(unsafe: unsafe, words: templateSet?.words ?? [:])
        // A broken template leaves no template set, but its words may still load for the generated questions.
        let words = templateSet?.themeWords.texts
            ?? (try? ThemeWords.load(from: templates, displayRoot: templatesDisplay, languages: course.languages))?.texts ?? [:]
        let compiled = LessonCompiler(registry: registry, generators: generators, unsafe: unsafe, words: words,
                                      inlineHTML: { body.inlineHTML($0, fill: $1) }, workers: workers, memo: memo?.compile)
            .compileReporting(course)
        diagnostics += compiled.warnings
        if let templateSet {
            do {
                // The theme's own warnings go in whole: `check` lists each word still to translate.
                diagnostics += templateSet.warnings
                diagnostics += try render(consume compiled, templateSet: templateSet, body: body, diagnostics: []).warnings
            } catch {
                diagnostics += error.diagnostics
            }
        }
        return (course, diagnostics)
    }

    // MARK: - Stages

    private func checkLanguages(_ course: Course) throws(ContentFailure) {
        guard let languages else { return }
        for code in languages where !course.languages.contains(Language(code)) {
            throw ContentFailure([.error(at: SourceLocation(path: "\(contentDisplay)/course.yml", line: 1, column: 1),
                                         "language '\(code)' is not one of the course's: "
                                         + course.languages.map(\.code).joined(separator: ", "))])
        }
    }

    /// Runs the simulations and renders every page, asset and search index of the compiled course. Takes the
    /// compiled course over, so that its parsed documents are freed once the lesson bodies are made.
    private func render(_ compiled: consuming CompiledCourse, templateSet: TemplateSet, body: LessonBodyRenderer,
                        diagnostics: [Diagnostic]) throws(ContentFailure) -> Result {
        let course = compiled.course
        var diagnostics = diagnostics
        let tables = SimulationRunner(registry: registry, cache: cache).run(compiled, known: memo?.knownTables ?? [:])
        memo?.keep(tables)
        let quiz = QuizHTML.Settings(attempts: course.config.quizAttempts, seed: course.config.seed)
        var pages: [Language: [LessonPage]] = [:]
        var introductions: [Language: String] = [:]
        let built = course.languages.filter { languages?.contains($0.code) ?? true }
        // Every (language, lesson) page on the worker threads, with the lesson's sections for the language's search
        // index. The jobs go lesson by lesson, and a lesson's parsed documents (the largest part of the build's
        // memory) are let go as soon as its last page is made; pages, sections and diagnostics are gathered by index,
        // language by language.
        let count = compiled.lessons.count
        let slots = LessonSlots(compiled.lessons, uses: built.count)
        compiled.lessons = []
        typealias Made = (page: LessonPage, search: SearchIndex.Lesson, shard: Data, diagnostics: [Diagnostic])
        var rendered = workers.map(count * built.count) { job -> Swift.Result<Made?, ContentFailure> in
            let (index, language) = (job / built.count, built[job % built.count])
            defer { slots.done(index) }
            let lesson = slots[index]
            // A lesson all of whose translations failed to load has none to show (only in `check`).
            guard let (shown, translation) = lesson.translation(language, fallback: course.languages) else { return .success(nil) }
            // With a memo, a body made from the same inputs in the last build is taken again.
            let inputs = memo.flatMap { memo in
                memo.compile.inputs(slug: lesson.slug, language: shown).map {
                    BuildMemo.BodyInputs(compiled: $0, shown: shown, language: language, words: body.words[shown.code],
                                         unsafe: body.unsafe, quiz: quiz,
                                         tables: Dictionary(translation.simulations.values.compactMap { use in tables[use.key].map { (use.key, $0) } },
                                                            uniquingKeysWith: { first, _ in first }))
                }
            }
            if let inputs, let made = memo?.body(for: inputs) { return .success((made.page, made.search, made.shard, made.diagnostics)) }
            var diagnostics: [Diagnostic] = []
            do throws(ContentFailure) {
                let page = try body.page(lesson, translation, shownLanguage: shown, tables: tables, quiz: quiz,
                                         diagnostics: &diagnostics)
                let search = SearchIndex.lesson(slug: lesson.slug, title: translation.source.title,
                                                document: translation.document)
                var sections = search
                sections.sections = sections.sections.map { SearchIndex.Section(heading: $0.heading, id: $0.id, text: "", counts: $0.counts) }
                let shard = Data(SearchIndex.assignment(language: language.code, lesson: search))
                if let inputs {
                    memo?.store(BuildMemo.Body(inputs: inputs, page: page, search: sections, shard: shard, diagnostics: diagnostics))
                }
                return .success((page, sections, shard, diagnostics))
            } catch {
                return .failure(error)
            }
        }
        for language in built {
            introductions[language] = body.introduction(course.introductions[language]?.source.body ?? "", language: language.code)
            pages[language] = []
        }
        var searchLessons: [Language: [SearchIndex.Lesson]] = [:]
        var assignments: [Language: [Data]] = [:]
        for (offset, language) in built.enumerated() {
            for index in 0..<count {
                guard let made = try rendered[index * built.count + offset].get() else { continue }
                pages[language]!.append(made.page)
                searchLessons[language, default: []].append(made.search)
                assignments[language, default: []].append(made.shard)
                diagnostics += made.diagnostics
            }
        }
        rendered = []
        // The search scripts now, a language on each worker, so that the sections' text is freed before the pages
        // are rendered.
        let searchInputs = built.map { (searchLessons.removeValue(forKey: $0) ?? [], assignments.removeValue(forKey: $0) ?? []) }
        let searchParts = workers.map(built.count) { index -> (script: String, shards: [(path: String, script: Data)]) in
            let code = built[index].code
            let text = SearchIndex.shardFiles(language: code, assignments: searchInputs[index].1)
            return (SearchIndex(lessons: searchInputs[index].0).script(language: code, shards: text.numbers), text.files)
        }
        let assets = TemplateSet.readFiles(content.appendingPathComponent("assets"), displayRoot: "\(contentDisplay)/assets",
                                           diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ContentFailure(diagnostics) }
        var renderCourse = course
        renderCourse.config.languages = built
        var site = try SiteRenderer(templates: templateSet, baseURL: baseURL ?? course.config.baseURL, workers: workers)
            .render(renderCourse, pages: pages, introductions: introductions, assets: assets)
        for (language, part) in zip(built, searchParts) {
            site.add("static/search-\(language.code).js", part.script)
            for shard in part.shards { site.add(shard.path, shard.script) }
        }
        return Result(site: site, warnings: ThemeWords.summarizingUntranslated(diagnostics),
                      pages: site.paths.filter { $0.hasSuffix(".html") }.count,
                      languages: built.count, simulations: tables.count)
    }
}

/// The compiled lessons while their pages are made: each is let go (with its parsed documents) once the last of its
/// `uses` pages is done, so the documents of every lesson are never all held with every page.
private final class LessonSlots: Sendable {
    private struct State {
        var lessons: [CompiledLesson?]
        var remaining: [Int]
    }

    private let state: Mutex<State>

    init(_ lessons: [CompiledLesson], uses: Int) {
        state = Mutex(State(lessons: lessons, remaining: Array(repeating: uses, count: lessons.count)))
    }

    subscript(index: Int) -> CompiledLesson { state.withLock { $0.lessons[index]! } }

    func done(_ index: Int) {
        state.withLock { state in
            state.remaining[index] -= 1
            if state.remaining[index] == 0 { state.lessons[index] = nil }
        }
    }
}
