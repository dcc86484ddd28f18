import Foundation
import Testing
import GradusMarkdown
@testable import GradusRender

@Suite("Search index")
struct SearchIndexTests {
    /// The value a script assigns (`… = VALUE;` on its second line onwards), read as JSON.
    static func assigned(_ script: String) throws -> Any {
        let start = try #require(script.range(of: "] = ")?.upperBound)
        let body = script[start...].dropLast(2)
        return try JSONSerialization.jsonObject(with: Data(body.utf8))
    }

    /// Decodes postings as the browser does: base-32 digits, the higher ones from the second 32 digits; each
    /// number gives a section and whether the word is frequent there (1) or not (0).
    static func decode(_ code: String) -> [[Int]] {
        let digits = Array("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_$")
        var out: [[Int]] = []
        var value = 0, section = -1
        for character in code {
            let digit = digits.firstIndex(of: character)!
            value = value * 32 + (digit >= 32 ? digit - 32 : digit)
            if digit >= 32 { continue }
            section += value / 2 + 1
            out.append([section, value % 2])
            value = 0
        }
        return out
    }

    /// Decodes the front-coded dictionary as the browser does, counting in UTF-16 code units.
    static func words(_ code: String) -> [String] {
        let marks = Array("!#$%'()*+,-./:;=".utf16)
        var out: [[UTF16.CodeUnit]] = []
        var previous: [UTF16.CodeUnit] = []
        for unit in code.utf16 {
            if let keep = marks.firstIndex(of: unit) {
                previous = Array(previous.prefix(keep))
                out.append(previous)
            } else {
                previous.append(unit)
                out[out.count - 1] = previous
            }
        }
        return out.map { String(decoding: $0, as: UTF16.self) }
    }

    @Test("One section per heading, quizzes left out, and no text can close the script or break the string")
    func sections() throws {
        var index = SearchIndex()
        let markdown = "Intro & \"quotes\".\n\n## Größe {#size}\n\nText über Größe.\n\n::: quiz\n### Q\n- [x] a\n- [ ] b\n:::\n"
        index.add(lesson: "l", title: "A <title></script>\u{2028}", document: Markdown.parse(markdown))
        #expect(index.lessons.map(\.sections) == [[
            SearchIndex.Section(heading: "", id: "", text: "Intro & \"quotes\".", counts: ["intro": 1, "quotes": 1]),
            SearchIndex.Section(heading: "Größe", id: "size", text: "Text über Größe.",
                                counts: ["text": 1, "uber": 1, "grosse": 1]),
        ]])
        let script = index.script(language: "de")
        let shards = index.shards(language: "de")
        #expect(shards.map(\.path) == ["static/search/de/1.js"])
        for text in [script, shards[0].script] {
            #expect(!text.contains("</script"))
            #expect(!text.contains("<title>"))
            #expect(!text.contains("\u{2028}"))
        }
        let proper = try #require(try Self.assigned(script) as? [String: Any])
        #expect(proper["lessons"] as? [String] == ["l", "A <title></script>\u{2028}"])
        #expect((proper["sections"] as? [Any])?.map { "\($0)" } == ["0", "", "", "0", "size", "Größe"])
        #expect(proper["words"] as? String == "!grosse!intro!quotes!text!uber")
        #expect(try Self.assigned(shards[0].script) as? [String] == ["Intro & \"quotes\".", "Text über Größe."])
        #expect(shards[0].script.hasPrefix("window.GRADUS_SEARCH_TEXT = window.GRADUS_SEARCH_TEXT || {};\nwindow.GRADUS_SEARCH_TEXT[\"de/l\"] = ["))
        #expect(proper["shards"] as? [Int] == [1])
    }

    @Test("Lessons share a text shard in their order until it holds 32 kB; the index names each lesson's shard")
    func shardGroups() throws {
        #expect(SearchIndex.shardNumbers(sizes: [10_000, 10_000, 10_000, 10_000, 40_000, 1, 0]) == [1, 1, 1, 2, 3, 4, 4])
        #expect(SearchIndex.shardNumbers(sizes: []) == [])
        var index = SearchIndex()
        let long = String(repeating: "word ", count: 2_800)  // 14 kB: two lessons fill a shard
        for slug in ["a", "b", "c", "d", "e"] {
            index.add(lesson: slug, title: slug.uppercased(), document: Markdown.parse("## S {#s}\n\n\(slug) \(long)\n"))
        }
        let shards = index.shards(language: "en")
        #expect(shards.map(\.path) == ["static/search/en/1.js", "static/search/en/2.js", "static/search/en/3.js"])
        let holders = ["a", "b", "c", "d", "e"].map { slug in shards.filter { $0.script.contains("[\"en/\(slug)\"]") }.map(\.path) }
        #expect(holders == [["static/search/en/1.js"], ["static/search/en/1.js"], ["static/search/en/2.js"],
                            ["static/search/en/2.js"], ["static/search/en/3.js"]])
        let proper = try #require(try Self.assigned(index.script(language: "en")) as? [String: Any])
        #expect(proper["shards"] as? [Int] == [1, 1, 2, 2, 3])
    }

    @Test("A JavaScript string literal reads back as the text (as JSON too) and holds no raw <, >, &, line separators or controls")
    func jsStrings() throws {
        var samples = ["", "plain", "</script><!-- & \"quoted\" \\ back", "line\nbreak\r\ttab\u{0}\u{1F}", "sep\u{2028}and\u{2029}",
                       "â€¨ not a separator: \u{E2}\u{80}", "Größe ∂L/∂w 😀"]
        samples.append(String(repeating: "a<b", count: 500) + "\u{2028}")
        for text in samples {
            let literal = SearchIndex.jsString(text)
            let decoded = try JSONSerialization.jsonObject(with: Data(literal.utf8), options: .fragmentsAllowed) as? String
            #expect(decoded == text, "\(literal)")
            #expect(!literal.dropFirst().dropLast().contains { "<>&\u{2028}\u{2029}".contains($0) || ($0.asciiValue ?? 0x20) < 0x20 })
        }
    }

    @Test("Counting words by their bytes gives the counts of the folded words, over many distinct words and accents")
    func counts() {
        // Enough distinct words to grow the table several times; accented forms fold together with plain ones.
        var text = "Größe GRÖSSE grosse função Funcao ß "
        for i in 0..<2_000 { text += "w\(i % 700) Ä\(i % 13) x\(i)y " }
        var expected: [String: Int] = [:]
        for word in SearchIndex.words(text) { expected[word, default: 0] += 1 }
        #expect(SearchIndex.wordCounts(text) == expected)
        #expect(expected["grosse"] == 3 && expected["funcao"] == 2 && expected["ss"] == 1 && expected["w5"] == 3)
        #expect(SearchIndex.wordCounts("") == [:])
    }

    @Test("Words are folded as the browser folds them, and each word's postings give its sections and counts")
    func postings() throws {
        #expect(SearchIndex.words("Função de ativação: Größe, x₁² und 3.5") == ["funcao", "de", "ativacao", "grosse", "x₁²", "und", "3", "5"])
        #expect(SearchIndex.words("ReLU's ÉCOLE-Régime x2Ä A1b") == ["relu", "s", "ecole", "regime", "x2a", "a1b"])
        var index = SearchIndex()
        let first = "b a a\n\n## Two {#two}\n\na\n\n## Three {#three}\n\nc c c c c c c c c c\n"
        index.add(lesson: "one", title: "One", document: Markdown.parse(first))
        // 40 sections, so that a gap needs two digits.
        index.add(lesson: "many", title: "Many", document: Markdown.parse((1...40).map { "## S\($0)\n\nx\($0)" }.joined(separator: "\n\n") + "\n\na\n"))
        let proper = try #require(try Self.assigned(index.script(language: "en")) as? [String: Any])
        let words = Self.words(try #require(proper["words"] as? String))
        let postings = try #require(proper["postings"] as? String).split(separator: " ").map(String.init)
        try #require(words.count == postings.count)
        let table = Dictionary(uniqueKeysWithValues: zip(words, postings.map(Self.decode)))
        #expect(table["a"] == [[0, 0], [1, 0], [42, 0]], "the first two sections, then the last of lesson two's")
        #expect(table["b"] == [[0, 0]])
        #expect(table["c"] == [[2, 1]], "ten times: frequent")
        #expect(table["x1"] == [[3, 0]])
        #expect(table["x40"] == [[42, 0]])
        #expect(postings[words.firstIndex(of: "a")!] == "00" + SearchIndex.number(40 * 2))
        #expect(words == words.sorted(), "sorted, so builds are byte-identical")
        #expect([0, 31, 32, 1023, 1024].map(SearchIndex.number) == ["0", "v", "x0", "$v", "xw0"])
    }

    @Test("The dictionary keeps what a word shares with the one before, up to 15 UTF-16 code units, never half a character")
    func dictionary() {
        let words = ["gradient", "gradiente", "gradientes", "x", "𝒩", "𝒰", "𝒰a", "abcdefghijklmnopq", "abcdefghijklmnopqr"]
        let code = SearchIndex.dictionary(words)
        #expect(code == "!gradient+e,s!x!𝒩!𝒰$a!abcdefghijklmnopq=pqr")
        #expect(Self.words(code) == words)
    }

    @Test("Math is indexed as a reader sees it, in Unicode, never as TeX")
    func math() throws {
        var index = SearchIndex()
        let markdown = "## The chain rule {#chain}\n\nThen $\\frac{\\partial L}{\\partial w} = \\sigma'(z^{(l)})$ and\n\n$$\nx_i^2\n$$\n"
        index.add(lesson: "l", title: "T", document: Markdown.parse(markdown, options: MarkdownOptions(dialect: .lesson)))
        let script = index.script(language: "en")
        let shard = try #require(index.shards(language: "en").first).script
        for text in [script, shard] { #expect(!text.contains("\\\\"), "no backslash reaches the index: \(text)") }
        #expect(shard.contains("∂L/∂w = σ′(z⁽ˡ⁾)"), "\(shard)")
        #expect(shard.contains("xᵢ²"))
        let proper = try #require(try Self.assigned(script) as? [String: Any])
        #expect(Self.words(try #require(proper["words"] as? String)).contains("xᵢ²"))
    }
}
