import Foundation
import GradusContent

/// Renders the whole site in memory from the course, its lesson pages and the templates.
///
/// Pages: `index.html` (every language; a one-language course's contents), `LANG/index.html` (contents), `LANG/SLUG/index.html` (each lesson, with a
/// language switcher that lands on the same lesson, `hreflang` alternates and previous/next links), `404.html`
/// (and `LANG/404.html` in each language of a course with several),
/// `sitemap.xml` when a base URL is known, the templates' `static/` files and the content's `assets/`.
public struct SiteRenderer: Sendable {
    public var templates: TemplateSet
    public var baseURL: String?
    /// The threads that render lesson pages (the pages come out the same whatever the count).
    public var workers: Workers

    public init(templates: TemplateSet, baseURL: String?, workers: Workers = .machine) {
        self.templates = templates
        self.workers = workers
        self.baseURL = baseURL.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    }

    /// `pages[language][i]` is the page of `course.lessons[i]` in `language` (its text possibly in a fallback).
    public func render(_ course: Course, pages: [Language: [LessonPage]], introductions: [Language: String],
                       assets: [String: Data] = [:]) throws(ContentFailure) -> Site {
        var site = Site()
        do throws(MustacheError) {
            for (path, data) in templates.staticFiles { site.add("static/\(path)", data) }
            for (path, data) in assets where Site.isSafe(path) { site.add("assets/\(path)", data) }
            if course.languages.count == 1, let language = course.languages.first {
                // One language needs no chooser: the root page is the course's contents.
                site.add("index.html", try renderIndex(course, language: language, lessons: pages[language] ?? [],
                                                       introduction: introductions[language] ?? "", at: "index.html"))
            } else {
                site.add("index.html", try renderRoot(course))
            }
            // The lesson pages on the worker threads, then added in order (the first error in page order is thrown).
            let jobs = course.languages.flatMap { language in (pages[language] ?? []).indices.map { (language, $0) } }
            let rendered = workers.map(jobs) { (language, index) -> Result<Data, MustacheError> in
                Result { () throws(MustacheError) in
                    try renderLesson(course, language: language, lessons: pages[language]!, index: index)
                }
            }
            var next = 0
            for language in course.languages {
                let lessons = pages[language] ?? []
                site.add(PagePaths.languageIndex(language.code),
                         try renderIndex(course, language: language, lessons: lessons,
                                         introduction: introductions[language] ?? ""))
                for page in lessons {
                    site.add(PagePaths.lesson(language.code, page.slug), try rendered[next].get())
                    next += 1
                }
            }
            site.add("404.html", try renderNotFound(course, language: course.config.defaultLanguage))
            if course.languages.count > 1 {
                // One per language, for servers that answer a missing page under `/LANG/` in that language.
                for language in course.languages {
                    site.add(PagePaths.notFound(language.code), try renderNotFound(course, language: language))
                }
            }
        } catch {
            throw ContentFailure([templates.diagnostic(error)])
        }
        if let baseURL { site.add("sitemap.xml", sitemap(site, baseURL: baseURL, course: course)) }
        return site
    }

    // MARK: - Pages

    private func renderRoot(_ course: Course) throws(MustacheError) -> String {
        let path = "index.html"
        let entries: [MustacheValue] = course.languages.enumerated().map { index, language in
            let words = words(language)
            return .object([
                "code": .string(language.code),
                "html_lang": words["html_lang"] ?? .string(language.code),
                "language_name": words["language_name"] ?? .string(language.code),
                "choose_language": words["choose_language"] ?? .string(""),
                "title": .string(course.introductions[language]?.title ?? ""),
                "description": .string(course.introductions[language]?.description ?? ""),
                "url": .string(PagePaths.languageIndex(language.code)),
                "last": .bool(index == course.languages.count - 1),
            ])
        }
        let language = course.config.defaultLanguage
        var data = common(course, language: language, path: path, title: course.introductions[language]?.title ?? "",
                          switcher: { .string(PagePaths.languageIndex($0.code)) })
        data["entries"] = .list(entries)
        data["course"] = .null
        // The root page belongs to no one language: its search finds lessons in all of them.
        data["search_all"] = .bool(true)
        data["is_home"] = .bool(true)
        return try page("root", data, path: path)
    }

    /// The contents page of `language`, at its own path or at `at` (the root page of a one-language course).
    private func renderIndex(_ course: Course, language: Language, lessons: [LessonPage],
                             introduction: String, at place: String? = nil) throws(MustacheError) -> String {
        let path = place ?? PagePaths.languageIndex(language.code)
        var data = common(course, language: language, path: path, title: course.introductions[language]?.title ?? "",
                          switcher: { .string(PagePaths.link(from: path, to: PagePaths.languageIndex($0.code))) })
        data["description"] = .string(course.introductions[language]?.description ?? "")
        // The contents page's title is the course's own: the layout adds no " · course" to it.
        data["is_home"] = .bool(true)
        data["introduction"] = .string(introduction)
        data["lessons"] = .list(lessons.map { lesson in
            let fallback = lesson.textLanguage != language.code
            return .object([
                "title": .string(lesson.title), "summary": .string(lesson.summary), "number": .number(Double(lesson.number)),
                "url": .string(PagePaths.link(from: path, to: PagePaths.lesson(language.code, lesson.slug))),
                "fallback": .bool(fallback),
                "html_lang": words(Language(lesson.textLanguage))["html_lang"] ?? .string(lesson.textLanguage),
                "language_name": words(Language(lesson.textLanguage))["language_name"] ?? .string(lesson.textLanguage),
            ])
        })
        return try page("index", data, path: path)
    }

    private func renderLesson(_ course: Course, language: Language, lessons: [LessonPage],
                              index: Int) throws(MustacheError) -> Data {
        let lesson = lessons[index]
        let path = PagePaths.lesson(language.code, lesson.slug)
        var data = common(course, language: language, path: path, title: lesson.title,
                          switcher: { .string(PagePaths.link(from: path, to: PagePaths.lesson($0.code, lesson.slug))) })
        data["description"] = .string(lesson.summary)
        data["lesson"] = .object([
            "slug": .string(lesson.slug), "number": .number(Double(lesson.number)),
            "title": .string(lesson.title), "body": .string(lesson.bodyHTML),
        ])
        data["has_outline"] = .bool(!lesson.outline.isEmpty)
        data["outline"] = .list(lesson.outline.map {
            .object(["level": .number(Double($0.level)), "id": .string($0.id), "text": .string($0.text)])
        })
        if lesson.textLanguage != language.code {
            let shown = Language(lesson.textLanguage)
            let notice = (words(language)["fallback_notice"]?.text ?? "")
                .replacingOccurrences(of: "{language}", with: words(language)["language_name"]?.text ?? language.code)
                .replacingOccurrences(of: "{fallback}", with: words(shown)["language_name"]?.text ?? shown.code)
            data["fallback"] = .object(["notice": .string(notice),
                                        "html_lang": words(shown)["html_lang"] ?? .string(shown.code)])
        }
        func neighbour(_ other: Int) -> MustacheValue {
            guard lessons.indices.contains(other) else { return .null }
            return .object(["title": .string(lessons[other].title),
                            "url": .string(PagePaths.link(from: path, to: PagePaths.lesson(language.code, lessons[other].slug)))])
        }
        data["previous"] = neighbour(index - 1)
        data["next"] = neighbour(index + 1)
        return try pageData("lesson", data)
    }

    private func renderNotFound(_ course: Course, language: Language) throws(MustacheError) -> String {
        // Served for any missing URL, so its links start from the site's root, not from its own folder.
        var data = common(course, language: language, path: "404.html", title: words(language)["not_found_title"]?.text ?? "",
                          switcher: { .string((baseURL ?? "/") + PagePaths.languageIndex($0.code)) })
        data["root"] = .string(baseURL ?? "/")
        data["alternates"] = .list([])
        return try page("404", data, path: "404.html")
    }

    // MARK: - Shared data

    /// What every page's layout needs: language, words, course, root prefix, language switcher and alternates.
    private func common(_ course: Course, language: Language, path: String, title: String,
                        switcher: (Language) -> MustacheValue) -> MustacheObject {
        let words = words(language)
        let languages: [MustacheValue] = course.languages.map { other in
            let otherWords = self.words(other)
            return .object([
                "code": .string(other.code),
                "name": otherWords["language_name"] ?? .string(other.code),
                "html_lang": otherWords["html_lang"] ?? .string(other.code),
                "url": switcher(other),
                "current": .bool(other == language),
            ])
        }
        let alternates: [MustacheValue] = baseURL == nil ? [] : course.languages.map { other in
            var target = switcher(other).text
            while target.hasPrefix("../") { target.removeFirst(3) }
            return .object(["html_lang": self.words(other)["html_lang"] ?? .string(other.code),
                            "url": .string(baseURL! + target)])
        }
        return [
            "lang": .object(["code": .string(language.code),
                             "html_lang": words["html_lang"] ?? .string(language.code),
                             "name": words["language_name"] ?? .string(language.code)]),
            "t": .object(words),
            "root": .string(PagePaths.root(from: path)),
            "title": .string(title),
            "course": .object(["title": .string(course.introductions[language]?.title ?? ""),
                               "description": .string(course.introductions[language]?.description ?? "")]),
            "languages": .list(languages),
            "alternates": .list(alternates),
        ]
    }

    private func words(_ language: Language) -> MustacheObject { templates.words[language.code] ?? MustacheObject() }

    /// Renders a page template, then the layout around it.
    private func page(_ name: String, _ data: MustacheObject, path: String) throws(MustacheError) -> String {
        var data = data
        data["body"] = .string(try templates.library.render(name, .object(data)))
        return try templates.library.render("layout", .object(data))
    }

    /// `page`, the layout written straight into the file's bytes (no String made of the whole page).
    private func pageData(_ name: String, _ data: MustacheObject) throws(MustacheError) -> Data {
        var data = data
        let body = try templates.library.render(name, .object(data))
        data["body"] = .string(body)
        guard let layout = templates.library["layout"] else {
            return Data(try templates.library.render("layout", .object(data)).utf8)  // throws: there is no layout
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(layout.text.count * 2 + body.utf8.count)
        try templates.library.render(layout, .object(data), into: &bytes)
        return Data(bytes)
    }

    private func sitemap(_ site: Site, baseURL: String, course: Course) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in site.paths where path.hasSuffix("index.html") {
            xml += "  <url><loc>\(escapeXML(baseURL + path))</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}

func escapeXML(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
        switch c {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        case "'": out += "&#39;"
        default: out.unicodeScalars.append(c)
        }
    }
    return out
}
