/// Tells Portuguese, German and English paragraphs apart by their function words and letters, for the
/// wrong-language warning of `gradus check`. Nothing is trained: the word lists are in `StopWords`.
///
/// Each word of the text (lowercased letters) that is one of a language's function words scores 1 for it, and
/// each letter only that language uses (ã õ ç for pt; ä ö ü ß for de) scores 1/2. Technical terms are not function
/// words, so "batch normalization" inside a Portuguese sentence adds nothing to English. Linear in the text.
public struct LanguageIdentifier: Sendable {
    /// The verdict on one text.
    public struct Guess: Sendable, Hashable {
        /// The language with the highest score.
        public var language: String
        /// Scores by language code.
        public var scores: [String: Double]
        /// How many words the text has.
        public var words: Int
    }

    public static let languages = ["pt", "de", "en"]

    public init() {}

    /// The most likely of `languages` for `text`; nil when no language scores (no function words at all).
    public func identify(_ text: String) -> Guess? {
        var scores: [String: Double] = [:]
        var words = 0
        for word in Self.words(text) {
            words += 1
            for language in Self.languages where StopWords.lists[language]!.contains(word) {
                scores[language, default: 0] += 1
            }
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "ã", "õ", "ç", "Ã", "Õ", "Ç": scores["pt", default: 0] += 0.5
            case "ä", "ö", "ü", "ß", "Ä", "Ö", "Ü": scores["de", default: 0] += 0.5
            default: break
            }
        }
        guard let best = Self.languages.max(by: { (scores[$0] ?? 0, $1) < (scores[$1] ?? 0, $0) }),
              (scores[best] ?? 0) > 0 else { return nil }
        return Guess(language: best, scores: scores, words: words)
    }

    /// The language `text` reads as, when it is clearly not `expected`: at least `minimumWords` words, and the
    /// other language scores at least 3 and more than twice `expected`'s score. Nil otherwise.
    public func foreignLanguage(of text: String, expected: String, minimumWords: Int = 12) -> String? {
        guard let guess = identify(text), guess.words >= minimumWords, guess.language != expected else { return nil }
        let other = guess.scores[guess.language] ?? 0
        let own = guess.scores[expected] ?? 0
        return other >= 3 && other > 2 * own ? guess.language : nil
    }

    /// The lowercased words of `text`: runs of letters (apostrophes kept inside, as in "don't").
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            if character.isLetter || (character == "'" && !current.isEmpty) {
                current.append(character)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }
}
