import Foundation

/// Loads content/: `course.yml`, `course.LANG.md`, `lessons/NN-slug.LANG.md` and `pools/NAME.LANG.md`.
/// `load()` throws a `ContentFailure` with every error found (not only the first), warnings travelling in
/// `Course.warnings`; `read()` returns whatever could be read with every diagnostic, for `gradus check`.
public struct ContentLoader: Sendable {
    public var root: URL
    /// How `root` is shown in diagnostics, e.g. `content`.
    public var displayRoot: String
    /// The threads that read and split the lesson files (results taken in the folder's order).
    public var workers: Workers

    public init(root: URL, displayRoot: String, workers: Workers = .machine) {
        self.root = root
        self.displayRoot = displayRoot
        self.workers = workers
    }

    static let lessonKeys: Set<String> = ["title", "summary", "weight", "tags", "source"]

    public func load() throws(ContentFailure) -> Course {
        let (course, diagnostics) = read()
        guard let course, !diagnostics.contains(where: { $0.severity == .error }) else { throw ContentFailure(diagnostics) }
        return course
    }

    /// The course as far as it could be read, and every diagnostic (errors included) in source order. The course
    /// is nil only when `course.yml` is unusable; files that failed are left out of it, and a translation that
    /// exists but failed is not reported again as missing.
    public func read() -> (course: Course?, diagnostics: [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let configPath = display("course.yml")
        let configText: String
        switch read("course.yml") {
        case .success(let text): configText = text
        case .failure(.missing):
            let folder = FileManager.default.fileExists(atPath: root.path) ? "'\(displayRoot)' has no course.yml" : "there is no folder '\(displayRoot)'"
            return (nil, [.error(at: SourceLocation(path: configPath, line: 1, column: 1),
                                 "\(folder); run gradus in the course's folder (the one holding content/), "
                                 + "or name the content folder with --content DIR")])
        case .failure(let failure): return (nil, [failure.diagnostic(path: configPath)])
        }
        let lines = configText.split(separator: "\n", omittingEmptySubsequences: false)
        let (matter, problems) = FrontMatterParser(path: configPath).parse(lines, firstLine: 1)
        diagnostics += problems
        guard let config = CourseConfig.read(matter, path: configPath, diagnostics: &diagnostics) else {
            return (nil, diagnostics.sorted { $0.location < $1.location })
        }
        var introductions: [Language: CourseIntroduction] = [:]
        for language in config.languages {
            let name = "course.\(language.code).md"
            let text: String
            switch read(name) {
            case .success(let found): text = found
            case .failure(.missing):
                diagnostics.append(.error(at: SourceLocation(path: display(name), line: 1, column: 1),
                                          "missing \(name); every course language needs its introduction"))
                continue
            case .failure(let failure):
                diagnostics.append(failure.diagnostic(path: display(name)))
                continue
            }
            let file = SourceFile.read(text, path: display(name), diagnostics: &diagnostics)
            let title = required("title", in: file, &diagnostics)
            introductions[language] = CourseIntroduction(
                title: title, description: file.frontMatter["description"]?.string ?? "", source: file)
        }
        let lessons = loadLessons(config, &diagnostics)
        var unreadablePools: Set<String> = []
        let pools = loadPools(config, &diagnostics, unreadable: &unreadablePools)
        let sorted = diagnostics.sorted { $0.location < $1.location }
        return (Course(config: config, introductions: introductions, lessons: lessons, pools: pools,
                       unreadablePools: unreadablePools, warnings: sorted.filter { $0.severity == .warning }), sorted)
    }

    // MARK: - Lessons

    private func loadLessons(_ config: CourseConfig, _ diagnostics: inout [Diagnostic]) -> [Lesson] {
        var bySlug: [String: Lesson] = [:]
        /// Each slug's number and first file, to find two lessons with one slug.
        var firstFile: [String: (number: Int, path: String)] = [:]
        /// Translations that exist but could not be read or whose front matter is broken: reported once, not again
        /// as missing.
        var unreadable: Set<String> = []
        let names = list("lessons", &diagnostics).filter { $0.hasSuffix(".md") }
        // Reading and splitting each file (the costly part) on the worker threads; the rest in the folder's order.
        let files = workers.map(names) { name -> Result<(SourceFile, [Diagnostic]), InputFiles.Failure>? in
            guard let parts = LessonFileName(name), config.languages.contains(Language(parts.language)) else { return nil }
            return read("lessons/\(name)").map { text in
                var diagnostics: [Diagnostic] = []
                let file = SourceFile.read(text, path: display("lessons/\(name)"), diagnostics: &diagnostics)
                return (file, diagnostics)
            }
        }
        for (name, loaded) in zip(names, files) {
            let path = display("lessons/\(name)")
            guard let parts = LessonFileName(name) else {
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                          "lesson file names are NN-slug.LANG.md (e.g. 01-backpropagation.pt.md), found '\(name)'"))
                continue
            }
            let language = Language(parts.language)
            guard config.languages.contains(language) else {
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                          "language '\(parts.language)' is not in course.yml's languages: "
                                          + config.languages.map(\.code).joined(separator: ", ")))
                continue
            }
            let file: SourceFile, found: [Diagnostic]
            switch loaded! {
            case .success(let split): (file, found) = split
            case .failure(let failure):
                // Listed a moment ago: a file missing now vanished while the build ran.
                diagnostics.append((failure == .missing ? .vanished : failure).diagnostic(path: path))
                unreadable.insert("\(parts.slug).\(parts.language)")
                continue
            }
            let errorsBefore = diagnostics.count(where: { $0.severity == .error })
            diagnostics += found
            for entry in file.frontMatter.entries where !Self.lessonKeys.contains(entry.key) {
                let hint = nearest(entry.key, in: Self.lessonKeys.sorted()).map { "did you mean '\($0)'? " } ?? ""
                diagnostics.append(.warning(at: entry.location, "unknown front matter key '\(entry.key)'; \(hint)known keys: "
                                            + Self.lessonKeys.sorted().joined(separator: ", ")))
            }
            let source = LessonSource(language: language, file: file,
                                      title: required("title", in: file, &diagnostics),
                                      summary: file.frontMatter["summary"]?.string ?? "",
                                      tags: file.frontMatter["tags"]?.list?.compactMap(\.string) ?? [])
            var weight = Double(parts.number)
            if let value = file.frontMatter["weight"] {
                if case .number(let n) = value { weight = n } else {
                    diagnostics.append(.error(at: file.frontMatter.location(of: "weight")!, "weight must be a number"))
                }
            }
            if let (number, first) = firstFile[parts.slug], number != parts.number {
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                          "two lessons have the slug '\(parts.slug)' (also \(first)); rename one"))
                continue
            }
            if firstFile[parts.slug] == nil { firstFile[parts.slug] = (parts.number, path) }
            // A file whose front matter is broken is reported and left out; the rest of the course is still checked.
            if diagnostics.count(where: { $0.severity == .error }) > errorsBefore {
                unreadable.insert("\(parts.slug).\(parts.language)")
                continue
            }
            if var lesson = bySlug[parts.slug] {
                if language == config.defaultLanguage { lesson.weight = weight }
                lesson.translations[language] = source
                bySlug[parts.slug] = lesson
            } else {
                bySlug[parts.slug] = Lesson(number: parts.number, slug: parts.slug, weight: weight,
                                            translations: [language: source])
            }
        }
        for lesson in bySlug.values {
            for language in config.languages
            where lesson.translations[language] == nil && !unreadable.contains("\(lesson.slug).\(language.code)") {
                let any = lesson.translations.values.sorted { $0.language < $1.language }.first!
                diagnostics.append(.warning(at: SourceLocation(path: any.file.path, line: 1, column: 1),
                                            "lesson '\(lesson.slug)' has no \(language.code) translation; "
                                            + "add lessons/\(String(format: "%02d", lesson.number))-\(lesson.slug).\(language.code).md"))
            }
        }
        return bySlug.values.sorted { ($0.weight, $0.number, $0.slug) < ($1.weight, $1.number, $1.slug) }
    }

    private func loadPools(_ config: CourseConfig, _ diagnostics: inout [Diagnostic],
                           unreadable: inout Set<String>) -> [String: [Language: SourceFile]] {
        var pools: [String: [Language: SourceFile]] = [:]
        for name in list("pools", &diagnostics) where name.hasSuffix(".md") {
            let parts = name.dropLast(3).split(separator: ".")
            let path = display("pools/\(name)")
            guard parts.count == 2, config.languages.contains(Language(String(parts[1]))) else {
                diagnostics.append(.error(at: SourceLocation(path: path, line: 1, column: 1),
                                          "pool file names are NAME.LANG.md with a course language, found '\(name)'"))
                continue
            }
            let text: String
            switch read("pools/\(name)") {
            case .success(let found): text = found
            case .failure(let failure):
                diagnostics.append((failure == .missing ? .vanished : failure).diagnostic(path: path))
                unreadable.insert(name)
                continue
            }
            let file = text.hasPrefix("---")
                ? SourceFile.read(text, path: path, diagnostics: &diagnostics)
                : SourceFile(path: path, frontMatter: FrontMatter(entries: []), body: text, bodyFirstLine: 1)
            pools[String(parts[0]), default: [:]][Language(String(parts[1]))] = file
        }
        return pools
    }

    // MARK: - Files

    private func required(_ key: String, in file: SourceFile, _ diagnostics: inout [Diagnostic]) -> String {
        if let value = file.frontMatter[key]?.string, !value.isEmpty { return value }
        diagnostics.append(.error(at: SourceLocation(path: file.path, line: 1, column: 1),
                                  "missing key '\(key)' in the front matter"))
        return ""
    }

    private func read(_ relative: String) -> Result<String, InputFiles.Failure> {
        InputFiles.text(root.appendingPathComponent(relative))
    }

    /// The names in a content folder; a folder that does not exist is empty, one that cannot be read an error.
    private func list(_ folder: String, _ diagnostics: inout [Diagnostic]) -> [String] {
        switch InputFiles.names(in: root.appendingPathComponent(folder)) {
        case .success(let names): return names
        case .failure(.missing): return []
        case .failure(let failure):
            diagnostics.append(failure.diagnostic(path: display(folder), what: "the folder"))
            return []
        }
    }

    private func display(_ relative: String) -> String {
        displayRoot.isEmpty ? relative : "\(displayRoot)/\(relative)"
    }
}

/// The parts of `NN-slug.LANG.md`.
struct LessonFileName {
    var number: Int
    var slug: String
    var language: String

    init?(_ name: String) {
        let parts = name.split(separator: ".")
        guard parts.count == 3, parts[2] == "md" else { return nil }
        let stem = parts[0]
        let digits = stem.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, let number = Int(digits), stem.dropFirst(digits.count).first == "-" else { return nil }
        let slug = stem.dropFirst(digits.count + 1)
        guard !slug.isEmpty, slug.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" }) else { return nil }
        self.number = number
        self.slug = String(slug)
        self.language = String(parts[1])
    }
}
