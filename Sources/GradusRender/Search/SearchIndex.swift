import Foundation
import GradusContent
import GradusMarkdown
import GradusMath
import GradusQuiz

/// The per-language search data, in two parts, each a script that registers itself (so search works from
/// `file://` too):
///
/// - the index proper, `static/search-<lang>.js`, loaded on the first search: every lesson's slug and title,
///   every section's lesson, id and heading, and the words of the sections' text as a dictionary of folded words
///   (lowercase, accents and `ß` folded) with, for each word, the sections it occurs in (and whether often);
/// - one text shard per lesson, `static/search/<lang>/<slug>.js`, loaded only when a result from that lesson is
///   shown: the text of each of its sections, from which the result's passage and highlights are made.
///
/// Math is written as Unicode text (`∂L/∂w`, `σ′(z)`), as a reader sees it, never as TeX. The browser stems the
/// dictionary's words itself (templates/static/search.js), so the index holds each folded word once.
struct SearchIndex {
    struct Section: Equatable, Sendable {
        var heading: String
        /// The heading's id (`chain-rule`); empty for the text before the first heading.
        var id: String
        var text: String
    }

    struct Lesson: Sendable {
        var slug: String
        var title: String
        var sections: [Section] = []
    }

    var lessons: [Lesson] = []

    /// Adds the sections of one lesson page.
    mutating func add(lesson slug: String, title: String, document: MarkdownDocument) {
        lessons.append(Self.lesson(slug: slug, title: title, document: document))
    }

    /// The sections of one lesson page; quizzes and simulation tables are left out. (A build makes these on its
    /// worker threads, lesson by lesson, and gathers them in the course's order.)
    static func lesson(slug: String, title: String, document: MarkdownDocument) -> Lesson {
        var lesson = Lesson(slug: slug, title: title)
        var current = Section(heading: "", id: "", text: "")
        for block in document.children {
            switch block.kind {
            case .heading where (block.headingLevel ?? 0) <= 3:
                if !current.text.isEmpty || !current.heading.isEmpty { lesson.sections.append(current) }
                current = Section(heading: Self.text(of: block), id: block.headingID ?? "", text: "")
            case .directive, .htmlBlock, .thematicBreak:
                continue
            default:
                let words = Self.text(of: block)
                if !words.isEmpty { current.text += (current.text.isEmpty ? "" : " ") + words }
            }
        }
        if !current.text.isEmpty || !current.heading.isEmpty { lesson.sections.append(current) }
        return lesson
    }

    /// The text of a block as a reader sees it: its inlines' text, math in Unicode (`\\frac{a}{b}` → `a/b`),
    /// breaks as spaces and a line feed between leaf blocks; raw HTML left out. Walks without recursion.
    static func text(of block: MarkdownNode) -> String {
        var out = ""
        var node = block
        var entering = true
        while true {
            if entering {
                switch node.kind {
                case .text, .code, .codeBlock:
                    out += node.literal ?? ""
                case .inlineMath, .mathBlock:
                    let tex = node.tex ?? ""
                    let math = (try? UnicodeMath.render(tex: tex)) ?? tex
                    out += math.split(whereSeparator: \.isNewline).joined(separator: " ")
                case .softBreak, .hardBreak:
                    out += " "
                default:
                    break
                }
                if node.kind != .htmlBlock, node.kind != .inlineHTML, let first = node.firstChild {
                    node = first
                    continue
                }
            }
            if node.kind.isBlock, node != block, !out.isEmpty, out.last != "\n" { out += "\n" }
            if node == block { break }
            if let next = node.nextSibling {
                node = next
                entering = true
            } else if let parent = node.parent {
                node = parent
                entering = false
            } else {
                break
            }
        }
        while out.last == "\n" { out.removeLast() }
        return out
    }

    // MARK: Words

    /// The folded words of a text, as the browser finds them (`/[\p{L}\p{N}]+/u`, then `fold`).
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        var word = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                word.append(scalar)
            } else if !word.isEmpty {
                out.append(fold(String(word)))
                word = String.UnicodeScalarView()
            }
        }
        if !word.isEmpty { out.append(fold(String(word))) }
        return out
    }

    /// Letters and numbers (`\p{L}`, `\p{N}`).
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// A word as search compares it: decomposed, its combining accents (U+0300–U+036F) dropped, lowercase,
    /// `ß` as `ss` (`Größe` → `grosse`, `função` → `funcao`).
    static func fold(_ word: String) -> String {
        var bare = String.UnicodeScalarView()
        for scalar in word.decomposedStringWithCanonicalMapping.unicodeScalars where !(0x300...0x36F).contains(scalar.value) {
            bare.append(scalar)
        }
        return String(bare).lowercased().replacingOccurrences(of: "ß", with: "ss")
    }

    // MARK: Scripts

    /// The 64 digits of the postings: `0`–`9`, `a`–`z`, `A`–`Z`, `_`, `$`. The first 32 end a number, the other
    /// 32 carry its higher 5-bit groups, most significant first.
    private static let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")

    /// A number in postings digits: 5 bits a digit, every digit but the last from the upper half.
    static func number(_ value: Int) -> String {
        precondition(value >= 0)
        var groups = [value & 31]
        var rest = value >> 5
        while rest > 0 {
            groups.append(rest & 31)
            rest >>= 5
        }
        var out = ""
        for (i, group) in groups.enumerated().reversed() { out.append(digits[i == 0 ? group : group + 32]) }
        return out
    }

    /// From how many occurrences a word counts as frequent in a section (search ranks such sections higher).
    static let frequent = 4

    /// The 16 marks of the dictionary, each the number of characters (UTF-16 code units, at most 15) a word
    /// shares with the one before it; none can occur in a word.
    private static let marks = Array("!#$%'()*+,-./:;=")

    /// The words, sorted, front-coded: each is a mark (how much of the previous word it keeps) and the rest of it.
    static func dictionary(_ words: [String]) -> String {
        var out = ""
        var previous: [Unicode.Scalar] = []
        for word in words {
            let scalars = Array(word.unicodeScalars)
            var shared = 0, units = 0
            while shared < min(scalars.count, previous.count), scalars[shared] == previous[shared],
                  units + scalars[shared].utf16.count <= 15 {
                units += scalars[shared].utf16.count
                shared += 1
            }
            out.append(marks[units])
            out.unicodeScalars.append(contentsOf: scalars[shared...])
            previous = scalars
        }
        return out
    }

    /// The index proper:
    ///
    ///     window.GRADUS_SEARCH["pt"] = {
    ///     "lessons": [slug, title, …],
    ///     "sections": [lesson, id, heading, …],
    ///     "words": "the folded words of the text, sorted and front-coded (`dictionary`)",
    ///     "postings": "for each word, its sections, separated by spaces"};
    ///
    /// Sections are numbered from 0 in the order of `sections`, lesson by lesson; a lesson is its number in
    /// `lessons`. A word's postings are one number per section it occurs in: `(gap − 1) × 2 + frequent`, where
    /// the gap is the section's number minus the previous one's (the first's plus one) and `frequent` is 1 when
    /// the word occurs at least 4 times in the section's text.
    func script(language: String) -> String {
        var postings: [String: [(section: Int, count: Int)]] = [:]
        var lessonList: [String] = []
        var sectionList: [String] = []
        var section = 0
        for (number, lesson) in lessons.enumerated() {
            lessonList += [Self.jsString(lesson.slug), Self.jsString(lesson.title)]
            for entry in lesson.sections {
                sectionList += [String(number), Self.jsString(entry.id), Self.jsString(entry.heading)]
                var counts: [String: Int] = [:]
                for word in Self.words(entry.text) { counts[word, default: 0] += 1 }
                for (word, count) in counts { postings[word, default: []].append((section, count)) }
                section += 1
            }
        }
        let words = postings.keys.sorted { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }
        let lists = words.map { word in
            var previous = -1
            var out = ""
            for (section, count) in postings[word]! {
                out += Self.number((section - previous - 1) * 2 + (count >= Self.frequent ? 1 : 0))
                previous = section
            }
            return out
        }
        return "window.GRADUS_SEARCH = window.GRADUS_SEARCH || {};\nwindow.GRADUS_SEARCH[\(Self.jsString(language))] = {\n"
            + "\"lessons\": [\(lessonList.joined(separator: ","))],\n"
            + "\"sections\": [\(sectionList.joined(separator: ","))],\n"
            + "\"words\": \(Self.jsString(Self.dictionary(words))),\n"
            + "\"postings\": \(Self.jsString(lists.joined(separator: " ")))};\n"
    }

    /// Each lesson's text shard, by its path in the site:
    ///
    ///     window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};
    ///     window.GRADUS_SEARCH_TEXT["pt/backpropagation"] = [text of section 1, …];
    func shards(language: String) -> [(path: String, script: String)] {
        lessons.map { lesson in
            let texts = lesson.sections.map { Self.jsString($0.text) }.joined(separator: ",\n")
            return ("static/search/\(language)/\(lesson.slug).js",
                    "window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};\n"
                    + "window.GRADUS_SEARCH_TEXT[\(Self.jsString(language + "/" + lesson.slug))] = [\n\(texts)];\n")
        }
    }

    /// A JavaScript string literal that is also safe inside HTML (no `</script>` can close anything): a JSON
    /// string with `<`, `>`, `&` and the two JavaScript line separators escaped as well.
    static func jsString(_ text: String) -> String {
        var out = ""
        for scalar in JSONText.string(text).unicodeScalars {
            switch scalar {
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
