import GradusMarkdown

/// The linters of `gradus check` over a loaded course: translations out of step with their original, stale
/// `source:` stamps, duplicate heading ids, images without alt text and paragraphs in another language (in the
/// languages `LanguageIdentifier` has a profile of; the others are named once, at course.yml).
/// Every finding is a warning, located in the file it is about. It parses each translation itself, so it runs
/// even when compilation found errors.
public struct CourseLinter: Sendable {
    /// Paragraphs with fewer words are not judged by the language identifier.
    public var minimumWords: Int

    /// Sentences that `gradus new lesson` writes for the author to replace (a paragraph that is one of them is
    /// reported: it is easy to publish, and too short for the language check to notice).
    public var placeholders: Set<String>

    public init(minimumWords: Int = 12, placeholders: Set<String> = []) {
        self.minimumWords = minimumWords
        self.placeholders = placeholders
    }

    /// Every warning for `course`, in the order of lessons, then languages, then position.
    public func lint(_ course: Course) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let codes = course.languages.map(\.code)
        let identifier = LanguageIdentifier(languages: codes)
        let skipped = codes.filter { !identifier.languages.contains($0) }
        if !skipped.isEmpty {
            let names = skipped.map { "'\($0)'" }.joined(separator: ", ")
            diagnostics.append(.warning(at: course.config.languagesLocation,
                                        "Gradus has no profile of the function words of \(names), so \(skipped.count == 1 ? "its" : "their") "
                                        + "lessons are not checked for paragraphs in another language (profiles: "
                                        + LanguageIdentifier.profiled.joined(separator: ", ") + ")"))
        }
        for lesson in course.lessons {
            var parsed: [Language: (LessonSource, MarkdownDocument)] = [:]
            for language in course.languages {
                guard let source = lesson.translations[language] else { continue }
                parsed[language] = (source, Markdown.parse(source.file.body, options: MarkdownOptions(dialect: .lesson)))
            }
            for language in course.languages {
                guard let (source, document) = parsed[language] else { continue }
                lintDocument(source, document, identifier: identifier, into: &diagnostics)
            }
            let original = course.config.defaultLanguage
            guard let (originalSource, originalDocument) = parsed[original] else { continue }
            let originalOutline = TranslationOutline(originalDocument, locate: Locator(file: originalSource.file))
            let stamp = SectionStamp(body: originalSource.file.body, document: originalDocument)
            for language in course.languages where language != original {
                guard let (source, document) = parsed[language] else { continue }
                let outline = TranslationOutline(document, locate: Locator(file: source.file))
                diagnostics += outline.differences(from: originalOutline, originalPath: originalSource.file.path,
                                                   originalLanguage: original.code)
                diagnostics += staleness(source, stamp: stamp, originalPath: originalSource.file.path)
            }
        }
        return diagnostics
    }

    // MARK: - One file

    private func lintDocument(_ source: LessonSource, _ document: MarkdownDocument, identifier: LanguageIdentifier,
                              into diagnostics: inout [Diagnostic]) {
        let locate = Locator(file: source.file)
        var seen: [String: SourceLocation] = [:]
        for node in document.allNodes {
            if node.kind == .paragraph || node.kind == .heading, placeholders.contains(node.plainText.trimmingSpaces) {
                diagnostics.append(.warning(at: locate(node.position), "'\(node.plainText.trimmingSpaces)' is the text "
                                            + "'gradus new lesson' wrote for you to replace; write the lesson's own here"))
            }
            switch node.kind {
            case .heading:
                guard let id = node.headingID else { break }
                let at = locate(node.position)
                if let first = seen[id] {
                    diagnostics.append(.warning(at: at, "duplicate heading id '\(id)' (also at line \(first.line)); "
                                                + "links to '#\(id)' reach only the first"))
                } else {
                    seen[id] = at
                }
            case .image:
                if node.plainText.trimmingSpaces.isEmpty {
                    diagnostics.append(.warning(at: locate(node.position),
                                                "image without alt text; describe it in the brackets: ![what it shows](…)"))
                }
            case .paragraph where identifier.languages.contains(source.language.code):
                let text = node.plainText
                if let other = identifier.foreignLanguage(of: text, expected: source.language.code, minimumWords: minimumWords) {
                    let words = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(6).joined(separator: " ")
                    diagnostics.append(.warning(at: locate(node.position),
                                                "this paragraph reads as \(Self.names[other] ?? other), not "
                                                + "\(Self.names[source.language.code] ?? source.language.code): '\(words) …'"))
                }
            default:
                break
            }
        }
    }

    private func staleness(_ source: LessonSource, stamp: SectionStamp, originalPath: String) -> [Diagnostic] {
        guard let value = source.file.frontMatter["source"] else {
            return [.warning(at: SourceLocation(path: source.file.path, line: 1, column: 1),
                             "no 'source:' stamp, so changes to \(originalPath) cannot be tracked; "
                             + "when this translation is up to date, run 'gradus check --update-stamps'")]
        }
        let at = source.file.frontMatter.location(of: "source")!
        guard let recorded = SectionStamp(value) else {
            return [.warning(at: at, "malformed 'source:' stamp; expected [name=hash, …] as written by 'gradus check --update-stamps'")]
        }
        let changed = stamp.changes(since: recorded)
        guard !changed.isEmpty else { return [] }
        return [.warning(at: at, "stale translation: \(originalPath) changed in section\(changed.count == 1 ? "" : "s") "
                         + changed.map { "'\($0)'" }.joined(separator: ", ")
                         + "; update \(changed.count == 1 ? "it" : "them") here, then run 'gradus check --update-stamps'")]
    }

    static let names = ["pt": "Portuguese", "de": "German", "en": "English", "es": "Spanish", "fr": "French", "it": "Italian"]
}
