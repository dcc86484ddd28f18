/// Seeded random documents that mix CommonMark's constructs (blocks nested up to three deep, inlines of
/// every kind), for differential tests against cmark. SplitMix64 keeps them reproducible per seed.
struct RandomMarkdown {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 1 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func pick<T>(_ xs: [T]) -> T { xs[int(xs.count)] }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }

    /// A document of 3–10 blocks.
    mutating func document() -> String {
        var out = ""
        for _ in 0..<(3 + int(8)) { out += block(depth: 0) + (chance(0.8) ? "\n" : "") }
        if chance(0.5) { out += "\n[ref]: /ref-url \"Ref\"\n[Other Ref]: <other url>\n" }
        return out
    }

    mutating func block(depth: Int) -> String {
        let choice = int(depth < 3 ? 14 : 9)
        switch choice {
        case 0: return String(repeating: "#", count: 1 + int(6)) + pick([" ", "  ", "\t"]) + inlines() + pick(["", " #", " ##  "]) + "\n"
        case 1: return inlines() + "\n" + pick(["===", "---", "  ==  ", "-"]) + "\n"
        case 2: return pick(["***", "---", "___", " - - -", "* * *\t"]) + "\n"
        case 3:
            let fence = pick(["```", "~~~", "````"])
            return fence + pick(["", "python", " js extra"]) + "\n" + pick(["x = 1\n", "  a < b && c\n\n  d\n", ""]) + fence + "\n"
        case 4: return pick(["    ", "\t", "     "]) + pick(["code *no emph*", "a\tb", "<b>"]) + "\n"
        case 5: return pick(["<div>\n", "<div class=\"a\">\n*x*\n", "<pre>\n  p\n</pre>\n", "<?pi ?>\n", "<a href=\"u\">\n", "</span>\n"])
        case 6: return pick(["[ref]: /u", "[Ref Two]: <a b> 'T'", "[x]:\n/y\n\"z\""]) + "\n"
        case 7, 8: return paragraph()
        case 9, 10:
            // Block quote around one or two blocks, sometimes with lazy lines.
            var inner = block(depth: depth + 1)
            if chance(0.3) { inner += "\n" + block(depth: depth + 1) }
            var out = ""
            for (i, line) in inner.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
                out += (i > 0 && chance(0.15) ? "" : pick(["> ", ">", "   > "])) + line + "\n"
            }
            return out
        default:
            // A list of 1–4 items, each one or two blocks indented under the marker.
            let ordered = chance(0.4)
            let marker = ordered ? pick(["1.", "2)", "10."]) : pick(["-", "*", "+"])
            var out = ""
            for _ in 0..<(1 + int(4)) {
                var item = block(depth: depth + 1)
                if chance(0.3) { item += (chance(0.5) ? "\n" : "") + block(depth: depth + 1) }
                let pad = String(repeating: " ", count: marker.count + 1)
                for (i, line) in item.split(separator: "\n", omittingEmptySubsequences: false).dropLast().enumerated() {
                    out += (i == 0 ? marker + " " : (line.isEmpty ? "" : pad)) + line + "\n"
                }
                if chance(0.2) { out += "\n" }
            }
            return out
        }
    }

    mutating func paragraph() -> String {
        var out = ""
        for _ in 0..<(1 + int(3)) { out += inlines() + pick(["\n", "  \n", "\\\n", " \n"]) }
        return out
    }

    mutating func inlines() -> String {
        var out = pick(["word", "Start", "x", "é"])
        for _ in 0..<(2 + int(10)) {
            out += pick([" ", "", " ", "  "]) + inline()
        }
        return out
    }

    mutating func inline() -> String {
        switch int(12) {
        case 0: return pick(["*", "**", "_", "__", "***"]) + pick(["a", "foo bar", " x", "ñ", "(p)"]) + pick(["*", "**", "_", "__", "***", ""])
        case 1: return pick(["`code`", "`` a`b ``", "` x `", "`  `"])
        case 2: return pick(["[", "]", "![", "(", ")", "[]", "[x]"])
        case 3: return "[" + pick(["text", "*em*", "`c`", "a [b] c"]) + "](" + pick(["/u", "<a b>", "/u \"t\"", "", "x(y)z", "u 'q'"]) + ")"
        case 4: return pick(["[ref]", "[Ref][]", "[t][other ref]", "![ref]", "[nope][]"])
        case 5: return pick(["<http://e.x/a?b>", "<a@b.cd>", "<span>", "</em>", "<b x=\"1\">", "<a/>", "< a>"])
        case 6: return pick(["&amp;", "&copy;", "&#42;", "&#x2A;", "&bogus;", "&", "&#;"])
        case 7: return pick(["\\*", "\\_", "\\[", "\\\\", "\\a", "\\`"])
        case 8: return pick(["!", "\"", "#", "%", "'", ",", ".", ":", ";", "?", "@", "^", "|", "~"])
        default: return pick(["gradient", "vanishing", "layer", "σ′", "ü", "naïve", "a_b_c", "2*3*4", "x**y", "foo", "bar"])
        }
    }
}
