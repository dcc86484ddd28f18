/// A short text in each language Gradus speaks (pt, de, en); other codes fall back to English.
public struct Localized: Hashable, Sendable, Codable, ExpressibleByStringLiteral {
    public var pt: String
    public var de: String
    public var en: String

    public init(pt: String, de: String, en: String) {
        self.pt = pt
        self.de = de
        self.en = en
    }

    /// The same text in every language: symbols and formulas such as `σ(x)`.
    public init(stringLiteral value: String) { self.init(pt: value, de: value, en: value) }

    public func text(_ code: String) -> String {
        switch code {
        case "pt": return pt
        case "de": return de
        default: return en
        }
    }
}
