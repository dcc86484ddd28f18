import Foundation

/// The generated "which of these is NOT mentioned in the lesson?" question: N−1 items of one of the lesson's
/// lists and one item of a distractor pool that the lesson's text never mentions, chosen by a generator seeded
/// with the question's id, so the site and the terminal show the same options.
public enum NotMentioned {
    /// Why no question can be generated; `message` is written for the author.
    public enum Failure: Error, Equatable, Sendable {
        /// The list has fewer than `choices − 1` items.
        case listTooShort(items: Int, needed: Int)
        /// Every pool item occurs in the lesson's text (or the pool is empty).
        case noUnmentionedItem(pool: String, items: Int)
        /// Fewer than two choices were asked for.
        case tooFewChoices(Int)

        public var message: String {
            switch self {
            case .listTooShort(let items, let needed):
                return "the list has \(items) item\(items == 1 ? "" : "s") but \(needed) are needed (choices − 1); "
                    + "lower 'choices' or name a longer list"
            case .noUnmentionedItem(let pool, let items):
                return items == 0
                    ? "the pool '\(pool)' has no items; write them as a Markdown list"
                    : "every item of the pool '\(pool)' (\(items)) is mentioned in the lesson; "
                        + "add an item the lesson does not mention to the pool"
            case .tooFewChoices(let n):
                return "choices must be at least 2, found \(n)"
            }
        }
    }

    /// The question with id `id`: `choices − 1` of `listItems` (kept in the list's order) and one of the pool
    /// items whose folded plain text does not occur in the folded `lessonText`, placed by the same generator.
    /// The pool item is the correct option; the question (when the author gives none), its explanation and the
    /// emphasised negation are in the words of `strings`.
    public static func generate(id: String, prompt: QuizText?, listItems: [QuizText], pool: [QuizText],
                                poolName: String, lessonText: String, choices: Int, strings: QuizStrings,
                                origin: String) -> Result<Question, Failure> {
        generate(id: id, prompt: prompt, listItems: listItems, unmentioned: LessonMentions(lessonText).unmentioned(pool),
                 poolName: poolName, poolSize: pool.count, choices: choices, strings: strings, origin: origin)
    }

    /// The same question from the pool's items that the lesson does not mention (see `LessonMentions`), already
    /// chosen; `poolSize` is the whole pool's item count, for the error when none is left.
    public static func generate(id: String, prompt: QuizText?, listItems: [QuizText], unmentioned: [QuizText],
                                poolName: String, poolSize: Int, choices: Int, strings: QuizStrings,
                                origin: String) -> Result<Question, Failure> {
        guard choices >= 2 else { return .failure(.tooFewChoices(choices)) }
        guard listItems.count >= choices - 1 else {
            return .failure(.listTooShort(items: listItems.count, needed: choices - 1))
        }
        guard !unmentioned.isEmpty else { return .failure(.noUnmentionedItem(pool: poolName, items: poolSize)) }
        var random = SeededRandom(key: "not-mentioned:" + id)
        var indices = Array(listItems.indices)
        random.shuffle(&indices)
        let chosen = indices.prefix(choices - 1).sorted().map { listItems[$0] }
        let outsider = unmentioned[random.below(unmentioned.count)]
        let place = random.below(choices)
        var options = chosen.map { Question.Option(text: $0, isCorrect: false) }
        options.insert(Question.Option(text: outsider, isCorrect: true), at: place)
        let explanation = strings.notMentionedExplanation(chosen.map(\.plain), outsider.plain)
        return .success(Question(id: id, kind: .notMentioned,
                                 prompt: emphasizingNegation(prompt ?? QuizText(stringLiteral: strings.notMentionedQuestion),
                                                             words: strings.negations),
                                 options: options, explanation: QuizText(stringLiteral: explanation), origin: origin))
    }

    /// Lowercased, accents removed (canonical decomposition without combining marks) and runs of white space
    /// as one space: "Função  ReLU" → "funcao relu". Independent of the locale. Linear in the text: the result
    /// grows in one byte buffer.
    public static func fold(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .enclosingMark, .spacingMark: continue
            default: break
            }
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
                continue
            }
            if space { out.append(0x20); space = false }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            } else {
                out.append(contentsOf: String(scalar).lowercased().utf8)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` with the first whole-word occurrence of a negation (case-insensitive unless `exactCase`) turned into
    /// strong text, so that "NOT" stands out on the site and in the terminal.
    public static func emphasizingNegation(_ text: QuizText, words: [String], exactCase: Bool = false) -> QuizText {
        var runs: [QuizText.Run] = []
        var done = false
        for run in text.runs {
            guard !done, case .text(let s) = run,
                  let range = negationRange(in: s, words: words, exactCase: exactCase) else {
                runs.append(run)
                continue
            }
            if range.lowerBound > s.startIndex { runs.append(.text(String(s[..<range.lowerBound]))) }
            runs.append(.strong(String(s[range])))
            if range.upperBound < s.endIndex { runs.append(.text(String(s[range.upperBound...]))) }
            done = true
        }
        guard done else { return text }
        let html = runs.map { run -> String in
            switch run {
            case .strong(let s): return "<strong>\(QuizText.escape(s))</strong>"
            case .text(let s): return QuizText.escape(s)
            default: return ""
            }
        }
        // Author texts keep their own HTML unless they were plain text runs only.
        let plainOnly = text.runs.allSatisfy { if case .text = $0 { return true } else { return false } }
        return QuizText(runs: runs, html: plainOnly ? html.joined() : text.html)
    }

    // MARK: - Helpers

    private static func negationRange(in text: String, words: [String], exactCase: Bool) -> Range<String.Index>? {
        for word in words {
            var start = text.startIndex
            while let range = text.range(of: word, options: exactCase ? [] : [.caseInsensitive],
                                                  range: start..<text.endIndex) {
                let before = range.lowerBound == text.startIndex || !text[text.index(before: range.lowerBound)].isLetter
                let after = range.upperBound == text.endIndex || !text[range.upperBound].isLetter
                if before && after { return range }
                start = range.upperBound
            }
        }
        return nil
    }
}
