import GradusMarkdown

/// Checks every link of every compiled translation: lessons exist, headings exist on the target page, assets exist.
/// Each error is located at the link's `[` (an image's `!`).
struct LinkChecker {
    var lessons: [CompiledLesson]
    var languages: [Language]

    func check(_ diagnostics: inout [Diagnostic]) {
        let slugs = lessons.map(\.slug)
        for lesson in lessons {
            for language in languages {
                guard let translation = lesson.translations[language] else { continue }
                let locate = Locator(file: translation.source.file)
                let ownIDs = Set(translation.document.allNodes.compactMap(\.headingID))
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
                        guard let target = lessons.first(where: { $0.slug == slug }) else {
                            diagnostics.append(.error(at: at, "broken link '\(destination)': no lesson '\(slug)'"
                                                      + suggestion(slug, Set(slugs))))
                            continue
                        }
                        if let fragment, let (_, page) = target.translation(language, fallback: languages) {
                            let ids = Set(page.document.allNodes.compactMap(\.headingID))
                            if !ids.contains(fragment) {
                                diagnostics.append(.error(at: at, "broken link '\(destination)': lesson '\(slug)' has no heading with id '\(fragment)'"
                                                          + suggestion(fragment, ids)))
                            }
                        }
                    case .other:
                        if let slug = LessonLink.bareLessonName(destination), let target = lessons.first(where: { $0.slug == slug }) {
                            let fragment = destination.firstIndex(of: "#").map { String(destination[$0...]) } ?? ""
                            let file = String(format: "%02d", target.number) + "-" + slug + ".md" + fragment
                            diagnostics.append(.error(at: at, "link '\(destination)' names lesson '\(slug)' without its file; "
                                                      + "write '\(file)' so it reaches the page in every language"))
                        }
                    case .asset:
                        break
                    }
                }
            }
        }
    }

    private func suggestion(_ word: String, _ candidates: Set<String>) -> String {
        nearest(word, in: candidates.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    }
}
