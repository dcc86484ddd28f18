import Foundation
import GradusQuiz
import GradusSimulation

/// The `{name}` placeholders of a computed question and the texts that fill them, in prose and in math.
///
/// In prose any `{word}` is a placeholder (an unknown one is an error). In math, braces are also TeX's groups,
/// so `{word}` is a placeholder only where a group would make no sense: not right after a command (`\mathrm{d}`),
/// `^` or `_`. Filling is one pass, so a value is never filled in again.
struct Placeholders: Sendable {
    /// Name → text in prose and in TeX.
    var prose: [String: String]
    var tex: [String: String]

    /// The values of a draw (and its `answer`), in the language's number style.
    init(_ draw: QuestionGenerator.Draw, answer: Double, separators: NumberFormat.Separators) {
        var prose: [String: String] = [:], tex: [String: String] = [:]
        for shown in draw.shown {
            prose[shown.name] = Self.prose(shown.value, decimals: shown.decimals, separators)
            tex[shown.name] = Self.tex(shown.value, decimals: shown.decimals, separators)
        }
        prose["answer"] = Self.prose(answer, decimals: nil, separators)
        tex["answer"] = Self.tex(answer, decimals: nil, separators)
        self.prose = prose
        self.tex = tex
    }

    func fill(_ runs: [QuizText.Run]) -> [QuizText.Run] {
        runs.map { run in
            switch run {
            case .text(let s): return .text(Self.fill(s, prose, inMath: false))
            case .strong(let s): return .strong(Self.fill(s, prose, inMath: false))
            case .emphasis(let s): return .emphasis(Self.fill(s, prose, inMath: false))
            case .code(let s): return .code(Self.fill(s, prose, inMath: false))
            case .math(let s): return .math(Self.fill(s, tex, inMath: true))
            case .paragraphBreak: return .paragraphBreak
            }
        }
    }

    /// The placeholder names used in `runs`, in order of appearance, with duplicates.
    static func names(in runs: [QuizText.Run]) -> [String] {
        var names: [String] = []
        for run in runs {
            switch run {
            case .text(let s), .strong(let s), .emphasis(let s), .code(let s):
                names += scan(s, inMath: false).map(\.name)
            case .math(let s):
                names += scan(s, inMath: true).map(\.name)
            case .paragraphBreak:
                break
            }
        }
        return names
    }

    // MARK: - Scanning and filling

    static func fill(_ text: String, _ values: [String: String], inMath: Bool) -> String {
        let found = scan(text, inMath: inMath)
        guard !found.isEmpty else { return text }
        var out = "", last = text.startIndex
        for (name, range) in found {
            guard let value = values[name] else { continue }
            out += text[last..<range.lowerBound]
            out += value
            last = range.upperBound
        }
        return out + text[last...]
    }

    /// Each `{name}` (a letter, then letters, digits or `_`) with its range.
    static func scan(_ text: String, inMath: Bool) -> [(name: String, range: Range<String.Index>)] {
        var found: [(String, Range<String.Index>)] = []
        var index = text.startIndex
        while let open = text[index...].firstIndex(of: "{") {
            index = text.index(after: open)
            guard let close = text[index...].firstIndex(of: "}") else { break }
            let name = text[index..<close]
            guard let first = name.first, first.isASCII, first.isLetter,
                  name.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else { continue }
            if inMath && open > text.startIndex {
                // After `^`, `_` or a command the braces are TeX's own.
                let before = text[..<open]
                if let previous = before.last, previous == "^" || previous == "_" || previous == "}" { continue }
                if before.last?.isLetter == true,
                   let slash = before.lastIndex(where: { !$0.isLetter }), before[slash] == "\\" { continue }
            }
            found.append((String(name), open..<text.index(after: close)))
            index = text.index(after: close)
        }
        return found
    }

    // MARK: - Number texts

    /// `decimals` places when given, else four significant digits, with the language's marks.
    static func prose(_ x: Double, decimals: Int?, _ separators: NumberFormat.Separators) -> String {
        guard let decimals else { return NumberFormat.display(x, separators: separators) }
        var text = String(format: "%.\(decimals)f", x)
        if text.hasPrefix("-") { text = "−" + text.dropFirst() }
        return text.replacingOccurrences(of: ".", with: separators.decimal)
    }

    /// The same number as TeX: a decimal comma as `{,}` (no space after it), a power of ten as `\cdot 10^{-6}`.
    static func tex(_ x: Double, decimals: Int?, _ separators: NumberFormat.Separators) -> String {
        let mark = separators.decimal == "," ? "{,}" : separators.decimal
        let plain = NumberFormat.Separators(decimal: ".", thousands: "")
        var text = decimals.map { String(format: "%.\($0)f", x) } ?? NumberFormat.display(x, separators: plain)
        text = text.replacingOccurrences(of: "−", with: "-")
        if let dot = text.range(of: "·10") {
            let exponent = text[dot.upperBound...].map { c -> Character in
                let digits = "⁰¹²³⁴⁵⁶⁷⁸⁹"
                if let i = digits.firstIndex(of: c) { return Character(String(digits.distance(from: digits.startIndex, to: i))) }
                return c == "⁻" ? "-" : c
            }
            text = String(text[..<dot.lowerBound]) + " \\cdot 10^{" + String(exponent) + "}"
        }
        return text.replacingOccurrences(of: ".", with: mark)
    }
}

/// How the HTML hook fills a computed question's placeholders: in prose after rendering, in math before.
public struct QuizFill: Sendable {
    public var prose: @Sendable (String) -> String
    public var tex: @Sendable (String) -> String

    public init(prose: @escaping @Sendable (String) -> String, tex: @escaping @Sendable (String) -> String) {
        self.prose = prose
        self.tex = tex
    }

    /// Leaves every text as it is.
    public static let none = QuizFill(prose: { $0 }, tex: { $0 })

    /// For HTML: prose values are escaped (a course's decimal mark is its author's text).
    init(_ placeholders: Placeholders) {
        let escaped = placeholders.prose.mapValues { QuizText(stringLiteral: $0).html }
        self.init(prose: { Placeholders.fill($0, escaped, inMath: false) },
                  tex: { Placeholders.fill($0, placeholders.tex, inMath: true) })
    }
}
