/// Tells paragraphs of the languages it compares apart by their function words and letters, for the
/// wrong-language warning of `gradus check`. Nothing is trained: the profiles are in `StopWords`.
///
/// Each word of the text (lowercased letters) that is one of a language's function words scores 1 for it, and
/// each letter only that language uses (ã õ ç for pt; ä ö ü ß for de) scores 1/2. A word or letter that two of the
/// compared languages share scores for neither. Technical terms are not function words, so "batch normalization"
/// inside a Portuguese sentence adds nothing to English. Linear in the text.
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

    /// The languages Gradus has a profile of.
    public static let profiled = StopWords.lists.keys.sorted()
    /// The languages a leftover paragraph is most often in, compared whatever the course's languages.
    public static let alwaysCompared = ["pt", "de", "en"]

    /// The languages compared, in order of preference when two score the same.
    public let languages: [String]
    private let words: [String: Set<String>]
    /// Elided forms (`l'`) that start a word, by language.
    private let elisions: [String: [String]]
    private let letters: [String: Set<Character>]

    /// Compares `languages` (those without a profile are left out) and, always, pt, de and en.
    public init(languages: [String] = []) {
        var compared = Self.alwaysCompared
        for code in languages where Self.profiled.contains(code) && !compared.contains(code) { compared.append(code) }
        self.languages = compared
        func unshared<T: Hashable>(_ profile: [String: Set<T>]) -> [String: Set<T>] {
            var counts: [T: Int] = [:]
            for code in compared { for item in profile[code] ?? [] { counts[item, default: 0] += 1 } }
            return Dictionary(uniqueKeysWithValues: compared.map { code in (code, (profile[code] ?? []).filter { counts[$0] == 1 }) })
        }
        let all = unshared(StopWords.lists)
        words = all.mapValues { $0.filter { !$0.hasSuffix("'") } }
        elisions = all.mapValues { $0.filter { $0.hasSuffix("'") }.sorted() }
        letters = unshared(StopWords.letters)
    }

    /// The most likely of `languages` for `text`; nil when no language scores (no function words at all).
    public func identify(_ text: String) -> Guess? {
        var scores: [String: Double] = [:]
        var count = 0
        for word in Self.words(text) {
            count += 1
            for language in languages
            where words[language]!.contains(word)
                || elisions[language]!.contains(where: { word.hasPrefix($0) && word.count > $0.count }) {
                scores[language, default: 0] += 1
            }
        }
        for character in text.lowercased() {
            for language in languages where letters[language]!.contains(character) { scores[language, default: 0] += 0.5 }
        }
        guard let best = languages.max(by: { (scores[$0] ?? 0, $1) < (scores[$1] ?? 0, $0) }),
              (scores[best] ?? 0) > 0 else { return nil }
        return Guess(language: best, scores: scores, words: count)
    }

    /// The language `text` reads as, when it is clearly not `expected`: at least `minimumWords` words, and the
    /// other language scores at least 3 and more than twice `expected`'s score. Nil otherwise.
    public func foreignLanguage(of text: String, expected: String, minimumWords: Int = 12) -> String? {
        guard let guess = identify(text), guess.words >= minimumWords, guess.language != expected else { return nil }
        let other = guess.scores[guess.language] ?? 0
        let own = guess.scores[expected] ?? 0
        return other >= 3 && other > 2 * own ? guess.language : nil
    }

    /// The lowercased words of `text`: runs of letters (apostrophes kept inside, as in "don't" and "l'idée"; a
    /// typographic apostrophe reads as a straight one).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text.lowercased() {
            let character: Character = character == "\u{2019}" ? "'" : character
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
