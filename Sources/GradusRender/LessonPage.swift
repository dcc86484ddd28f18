/// One lesson page's content, ready for the templates: the body already rendered to HTML.
public struct LessonPage: Sendable {
    public struct Heading: Sendable, Hashable {
        public var level: Int
        public var id: String
        public var text: String

        public init(level: Int, id: String, text: String) {
            self.level = level
            self.id = id
            self.text = text
        }
    }

    public var slug: String
    public var number: Int
    public var title: String
    public var summary: String
    /// The language the text is in: the page's own, or the fallback's when the translation is missing.
    public var textLanguage: String
    public var bodyHTML: String
    public var outline: [Heading]

    public init(slug: String, number: Int, title: String, summary: String, textLanguage: String, bodyHTML: String,
                outline: [Heading]) {
        self.slug = slug
        self.number = number
        self.title = title
        self.summary = summary
        self.textLanguage = textLanguage
        self.bodyHTML = bodyHTML
        self.outline = outline
    }
}
