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
/// - text shards, `static/search/<lang>/<n>.js`, each holding the text of the sections of a few consecutive
///   lessons (about 32 kB, before compression), loaded only when a result from one of its lessons is shown; the
///   passages and highlights are made from them. A shard of a few lessons rather than one a lesson keeps a large
///   course's file count, and so its build time, near its page count.
///
/// Math is written as Unicode text (`∂L/∂w`, `σ′(z)`), as a reader sees it, never as TeX. The browser stems the
/// dictionary's words itself (templates/static/search.js), so the index holds each folded word once.
struct SearchIndex {
    struct Section: Equatable, Sendable {
        var heading: String
        /// The heading's id (`chain-rule`); empty for the text before the first heading.
        var id: String
        var text: String
        /// The folded words of `text` and how often each occurs (made with the section, on a build's workers).
        var counts: [String: Int] = [:]
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
        for i in lesson.sections.indices { lesson.sections[i].counts = wordCounts(lesson.sections[i].text) }
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

    /// The folded words of a text, as the browser finds them (`/[\p{L}\p{N}]+/u`, then `fold`). Words of ASCII
    /// letters and digits (most of any text) are folded by lowercasing their bytes; the others go through `fold`.
    static func words(_ text: String) -> [String] {
        var out: [String] = []
        forEachWord(in: text) { word, ascii in
            let found = String(decoding: word, as: UTF8.self)
            out.append(ascii ? found : fold(found))
        }
        return out
    }

    /// How often each folded word occurs in a text. The words are counted by their bytes first (no string per
    /// occurrence), and each distinct word is made a string and folded once.
    static func wordCounts(_ text: String) -> [String: Int] {
        var table = WordTable()
        forEachWord(in: text) { word, ascii in table.add(word, ascii: ascii) }
        var counts: [String: Int] = [:]
        counts.reserveCapacity(table.entries.count)
        table.forEach { word, ascii, count in
            let found = String(decoding: word, as: UTF8.self)
            counts[ascii ? found : fold(found), default: 0] += count
        }
        return counts
    }

    /// Calls `body` with each word's bytes (ASCII letters already lowercased) and whether they are all ASCII.
    /// The text is copied once with its ASCII letters lowercased, and each word is a slice of that copy.
    private static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>, Bool) -> Void) {
        var lowered = Array(text.utf8)
        lowered.withUnsafeMutableBufferPointer { bytes in
            for i in bytes.indices where bytes[i] &- UInt8(ascii: "A") < 26 { bytes[i] |= 0x20 }
            let n = bytes.count
            var start = 0, i = 0
            var ascii = true
            func finish() {
                if i > start { body(UnsafeBufferPointer(rebasing: bytes[start..<i]), ascii) }
                ascii = true
            }
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte &- UInt8(ascii: "a") < 26 || byte &- UInt8(ascii: "0") < 10 {
                        i += 1
                    } else {
                        finish()
                        i += 1
                        start = i
                    }
                    continue
                }
                // A String's bytes are valid UTF-8: the lead byte gives the length.
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                for k in 1..<length { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                if let scalar = Unicode.Scalar(value), isWordScalar(scalar) {
                    ascii = false
                    i += length
                } else {
                    finish()
                    i += length
                    start = i
                }
            }
            finish()
        }
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
        let lower = String(bare).lowercased()
        return lower.contains("ß") ? lower.replacingOccurrences(of: "ß", with: "ss") : lower
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
    ///     "postings": "for each word, its sections, separated by spaces",
    ///     "shards": [the number of each lesson's text shard, …]};
    ///
    /// Sections are numbered from 0 in the order of `sections`, lesson by lesson; a lesson is its number in
    /// `lessons`. A word's postings are one number per section it occurs in: `(gap − 1) × 2 + frequent`, where
    /// the gap is the section's number minus the previous one's (the first's plus one) and `frequent` is 1 when
    /// the word occurs at least 4 times in the section's text.
    func script(language: String, shards: [Int]? = nil) -> String {
        let shards = shards ?? Self.shardNumbers(sizes: lessons.map { Self.assignment(language: language, lesson: $0).count })
        var postings: [String: [(section: Int, count: Int)]] = [:]
        var lessonList: [String] = []
        var sectionList: [String] = []
        var section = 0
        for (number, lesson) in lessons.enumerated() {
            lessonList += [Self.jsString(lesson.slug), Self.jsString(lesson.title)]
            for entry in lesson.sections {
                sectionList += [String(number), Self.jsString(entry.id), Self.jsString(entry.heading)]
                for (word, count) in entry.counts { postings[word, default: []].append((section, count)) }
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
            + "\"postings\": \(Self.jsString(lists.joined(separator: " "))),\n"
            + "\"shards\": [\(shards.map(String.init).joined(separator: ","))]};\n"
    }

    /// Each lesson's text shard, by its path in the site:
    ///
    ///     window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};
    ///     window.GRADUS_SEARCH_TEXT["pt/backpropagation"] = [text of section 1, …];
    func shards(language: String) -> [(path: String, script: String)] {
        Self.shardFiles(language: language, assignments: lessons.map { Data(Self.assignment(language: language, lesson: $0)) })
            .files.map { ($0.path, String(decoding: $0.script, as: UTF8.self)) }
    }

    /// One lesson's line of a text shard, `window.GRADUS_SEARCH_TEXT["pt/slug"] = [text of section 1, …];` (a build
    /// makes these on its worker threads).
    static func assignment(language: String, lesson: Lesson) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(lesson.sections.reduce(64) { $0 + $1.text.utf8.count + 8 })
        out += "window.GRADUS_SEARCH_TEXT[".utf8
        appendJSString(language + "/" + lesson.slug, to: &out)
        out += "] = [\n".utf8
        for (i, section) in lesson.sections.enumerated() {
            if i > 0 { out += ",\n".utf8 }
            appendJSString(section.text, to: &out)
        }
        out += "];\n".utf8
        return out
    }

    /// The text a shard holds before the next lesson starts a new one.
    static let shardSize = 32 * 1024

    /// The shard of each lesson (numbered from 1), lessons in order, a shard closed once it holds `shardSize` bytes.
    static func shardNumbers(sizes: [Int]) -> [Int] {
        var numbers: [Int] = []
        var shard = 1, filled = 0
        for size in sizes {
            if filled > 0 && filled + size > shardSize {
                shard += 1
                filled = 0
            }
            numbers.append(shard)
            filled += size
        }
        return numbers
    }

    /// The shard files of lessons' assignments in the course's order, and each lesson's shard number.
    static func shardFiles(language: String, assignments: [Data]) -> (numbers: [Int], files: [(path: String, script: Data)]) {
        let numbers = shardNumbers(sizes: assignments.map(\.count))
        var files: [(path: String, script: Data)] = []
        for (i, assignment) in assignments.enumerated() {
            if files.count < numbers[i] {
                files.append(("static/search/\(language)/\(numbers[i]).js",
                              Data("window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};\n".utf8)))
            }
            files[files.count - 1].script.append(contentsOf: assignment)
        }
        return (numbers, files)
    }

    /// A JavaScript string literal that is also safe inside HTML (no `</script>` can close anything).
    static func jsString(_ text: String) -> String {
        var out: [UInt8] = []
        appendJSString(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends a JavaScript string literal that is also safe inside HTML: a JSON string (quotes, backslashes and
    /// control characters escaped, as `JSONText.string`) with `<`, `>`, `&` and the two JavaScript line
    /// separators escaped as well. One pass over the UTF-8 bytes: runs that need no escape are copied whole.
    /// The bytes `appendJSString` must look at: those it escapes, and 0xE2, which starts U+2028 and U+2029.
    private static let jsSpecial: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0xE2 || "\"\\<>&".utf8.contains(UInt8(byte))
    }

    static func appendJSString(_ text: String, to out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var start = 0, i = 0
            let n = bytes.count
            while i < n {
                // Most bytes need nothing: skipped with one table look-up each.
                while i < n && !Self.jsSpecial[Int(bytes[i])] { i += 1 }
                guard i < n else { break }
                let byte = bytes[i]
                let escape: StaticString
                var width = 1
                switch byte {
                case UInt8(ascii: "\""): escape = "\\\""
                case UInt8(ascii: "\\"): escape = "\\\\"
                case UInt8(ascii: "\n"): escape = "\\n"
                case UInt8(ascii: "\r"): escape = "\\r"
                case UInt8(ascii: "\t"): escape = "\\t"
                case UInt8(ascii: "<"): escape = "\\u003c"
                case UInt8(ascii: ">"): escape = "\\u003e"
                case UInt8(ascii: "&"): escape = "\\u0026"
                case 0xE2 where i + 2 < n && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                    escape = bytes[i + 2] == 0xA8 ? "\\u2028" : "\\u2029"
                    width = 3
                case 0..<0x20:
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                    out += "\\u00".utf8
                    out.append(Self.hexDigits[Int(byte >> 4)])
                    out.append(Self.hexDigits[Int(byte & 15)])
                    i += 1
                    start = i
                    continue
                default:
                    i += 1
                    continue
                }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<i]))
                escape.withUTF8Buffer { out.append(contentsOf: $0) }
                i += width
                start = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<n]))
        }
        out.append(UInt8(ascii: "\""))
    }
}
