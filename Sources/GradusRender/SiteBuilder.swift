import Foundation
import GradusContent
import GradusMarkdown
import GradusSimulation

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
        let course = try ContentLoader(root: content, displayRoot: contentDisplay).load()
        try checkLanguages(course)
        let templateSet = try TemplateSet.load(from: templates, displayRoot: templatesDisplay, languages: course.languages)
        let body = LessonBodyRenderer(unsafe: unsafe, words: templateSet.words)
        let compiled = try LessonCompiler(registry: registry, generators: generators, unsafe: unsafe,
                                          words: templateSet.themeWords.texts,
                                          inlineHTML: { body.inlineHTML($0, fill: $1) }).compile(course)
        return try render(compiled, templateSet: templateSet, body: body, diagnostics: compiled.warnings + templateSet.warnings)
    }

    /// Every problem of the course, for `gradus check`: each stage runs on whatever the earlier ones could read, so
    /// a broken file or template hides nothing else. Also returns the course as far as it loaded (nil when
    /// `course.yml` is unusable), for the linters.
    public func check() -> (course: Course?, diagnostics: [Diagnostic]) {
        let (loaded, loadDiagnostics) = ContentLoader(root: content, displayRoot: contentDisplay).read()
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
                                      inlineHTML: { body.inlineHTML($0, fill: $1) })
            .compileReporting(course)
        diagnostics += compiled.warnings
        if let templateSet {
            do {
                // The theme's own warnings go in whole: `check` lists each word still to translate.
                diagnostics += templateSet.warnings
                diagnostics += try render(compiled, templateSet: templateSet, body: body, diagnostics: []).warnings
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

    /// Runs the simulations and renders every page, asset and search index of the compiled course.
    private func render(_ compiled: CompiledCourse, templateSet: TemplateSet, body: LessonBodyRenderer,
                        diagnostics: [Diagnostic]) throws(ContentFailure) -> Result {
        let course = compiled.course
        var diagnostics = diagnostics
        let tables = SimulationRunner(registry: registry, cache: cache).run(compiled)
        let quiz = QuizHTML.Settings(attempts: course.config.quizAttempts, seed: course.config.seed)
        var pages: [Language: [LessonPage]] = [:]
        var introductions: [Language: String] = [:]
        let built = course.languages.filter { languages?.contains($0.code) ?? true }
        for language in built {
            introductions[language] = body.introduction(course.introductions[language]?.source.body ?? "", language: language.code)
            var list: [LessonPage] = []
            for lesson in compiled.lessons {
                // A lesson all of whose translations failed to load has none to show (only in `check`).
                guard let (shown, translation) = lesson.translation(language, fallback: course.languages) else { continue }
                list.append(try body.page(lesson, translation, shownLanguage: shown, tables: tables, quiz: quiz,
                                          diagnostics: &diagnostics))
            }
            pages[language] = list
        }
        let assets = TemplateSet.readFiles(content.appendingPathComponent("assets"), displayRoot: "\(contentDisplay)/assets",
                                           diagnostics: &diagnostics)
        if diagnostics.contains(where: { $0.severity == .error }) { throw ContentFailure(diagnostics) }
        var renderCourse = course
        renderCourse.config.languages = built
        var site = try SiteRenderer(templates: templateSet, baseURL: baseURL ?? course.config.baseURL)
            .render(renderCourse, pages: pages, introductions: introductions, assets: assets)
        for language in built {
            var index = SearchIndex()
            for lesson in compiled.lessons {
                guard let (_, translation) = lesson.translation(language, fallback: course.languages) else { continue }
                index.add(lesson: lesson.slug, title: translation.source.title, document: translation.document)
            }
            site.add("static/search-\(language.code).js", index.script(language: language.code))
            for shard in index.shards(language: language.code) { site.add(shard.path, shard.script) }
        }
        return Result(site: site, warnings: ThemeWords.summarizingUntranslated(diagnostics),
                      pages: site.paths.filter { $0.hasSuffix(".html") }.count,
                      languages: built.count, simulations: tables.count)
    }
}
