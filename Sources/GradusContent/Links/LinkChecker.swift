import GradusMarkdown

/// Checks every link of every compiled translation: lessons exist, headings exist on the target page, assets exist.
/// Each error is located at the link's `[` (an image's `!`).
struct LinkChecker {
    var lessons: [CompiledLesson]
    var languages: [Language]
    /// The threads that check the lessons (each lesson's diagnostics in order, lessons in the course's order).
    var workers: Workers = .one

    func check(_ diagnostics: inout [Diagnostic]) {
        let slugs = lessons.map(\.slug)
        // A link names its lesson by slug: the first lesson with that slug, found in one lookup.
        var bySlug: [String: Int] = [:]
        for (index, slug) in slugs.enumerated() where bySlug[slug] == nil { bySlug[slug] = index }
        // Each translation's heading ids, gathered once for its own links and for every link that points at it.
        let headingIDs = workers.map(lessons) { lesson in
            lesson.translations.mapValues { Set($0.document.allNodes.compactMap(\.headingID)) }
        }
        let found = workers.map(lessons.count) { index in
            check(index, bySlug: bySlug, slugs: slugs, headingIDs: headingIDs)
        }
        for lessonDiagnostics in found { diagnostics += lessonDiagnostics }
    }

    private func check(_ index: Int, bySlug: [String: Int], slugs: [String],
                       headingIDs: [[Language: Set<String>]]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let lesson = lessons[index]
        for language in languages {
            guard let translation = lesson.translations[language] else { continue }
            let locate = Locator(file: translation.source.file)
            let ownIDs = headingIDs[index][language]!
            for node in translation.document.allNodes where node.kind == .link || node.kind == .image {
                guard let destination = node.destination else { continue }
                let at = locate(node.position)
                switch LessonLink.classify(destination) {
                case .fragment(let id):
                    if !ownIDs.contains(id) {
                        diagnostics.append(.error(at: at, "broken link '\(destination)': no heading with id '\(id)' on this page"
                                                  + suggestion(id, ownIDs)))
                    }
                case .lesson(let slug, let fragment):
                    guard let target = bySlug[slug] else {
                        diagnostics.append(.error(at: at, "broken link '\(destination)': no lesson '\(slug)'"
                                                  + suggestion(slug, Set(slugs))))
                        continue
                    }
                    if let fragment, let (shown, _) = lessons[target].translation(language, fallback: languages) {
                        let ids = headingIDs[target][shown]!
                        if !ids.contains(fragment) {
                            diagnostics.append(.error(at: at, "broken link '\(destination)': lesson '\(slug)' has no heading with id '\(fragment)'"
                                                      + suggestion(fragment, ids)))
                        }
                    }
                case .other:
                    if let slug = LessonLink.bareLessonName(destination), let target = bySlug[slug] {
                        let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
                        let file = String(format: "%02d", lessons[target].number) + "-" + slug + ".md" + fragment
                        diagnostics.append(.error(at: at, "link '\(destination)' names lesson '\(slug)' without its file; "
                                                  + "write '\(file)' so it reaches the page in every language"))
                    }
                case .asset:
                    break
                }
            }
        }
        return diagnostics
    }

    private func suggestion(_ word: String, _ candidates: Set<String>) -> String {
        nearest(word, in: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }
}
