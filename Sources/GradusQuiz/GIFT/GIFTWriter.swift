import Foundation
/// Writes questions in Moodle's GIFT import format: one question per paragraph, named by its stable id, texts
/// as `[html]` with math as `\(…\)` for Moodle's MathJax filter, per-option feedback after `#` and the
/// explanation as general feedback after `####`. Every field escapes `~ = # { } :` and `\` with a backslash
/// and line breaks as `\n`, so no text can end a field early.
public enum GIFTWriter {
    /// A GIFT file for the quizzes, each lesson under its own `$CATEGORY:`.
    /// A computed question becomes its variants (`ID-v1`, `ID-v2`…) in a category of its own under the lesson's,
    /// from which a Moodle quiz can draw one at random, as it does for its own calculated questions. `seed` is
    /// the course's: the variants are those the site ships.
    public static func write(_ quizzes: [Quiz], courseTitle: String, seed: UInt64 = 1) -> String {
        var out = "// " + oneLine(courseTitle) + " — exported by Gradus for Moodle (GIFT format)\n"
        for quiz in quizzes where !quiz.questions.isEmpty {
            let category = "$course$/" + escape(quiz.lessonSlug)
            out += "\n$CATEGORY: " + category + "\n\n"
            out += "// " + oneLine(quiz.lessonTitle) + " (" + quiz.language + ")\n\n"
            var inSubcategory = false
            for question in quiz.questions {
                guard question.computed?.redraw != nil else {
                    if inSubcategory { out += "$CATEGORY: " + category + "\n\n" }
                    inSubcategory = false
                    out += write(question) + "\n\n"
                    continue
                }
                out += "$CATEGORY: " + category + "/" + escape(question.id.replacingOccurrences(of: "/", with: "-")) + "\n\n"
                inSubcategory = true
                for (index, variant) in question.variants(seed: seed).enumerated() {
                    var named = variant
                    named.id = question.id + "-v\(index + 1)"
                    out += write(named) + "\n\n"
                }
            }
        }
        return out
    }

    /// One question, without the blank line that ends it.
    public static func write(_ question: Question) -> String {
        var out = "::" + escape(question.id) + "::[html]" + field(question.prompt) + " {"
        switch question.kind {
        case .trueFalse:
            let answer = question.options.first { $0.isCorrect }.map { $0.text.plain == question.options.first?.text.plain }
            out += (answer ?? true) ? "TRUE" : "FALSE"
        case .single, .notMentioned:
            for option in question.options {
                out += "\n" + (option.isCorrect ? "=" : "~") + field(option.text) + feedback(option.why)
            }
        case .multiple:
            let right = question.options.filter(\.isCorrect).count
            let weight = percent(100 / Double(max(right, 1)))
            for option in question.options {
                out += "\n~%" + (option.isCorrect ? weight : "-100") + "%" + field(option.text) + feedback(option.why)
            }
        case .numeric:
            // GIFT's numerical answer takes an absolute tolerance: a relative one is turned into its width here.
            let answer = question.numeric ?? NumericAnswer(value: .nan)
            out += "#" + number(answer.value) + ":" + tolerance(answer.allowance)
        }
        if !question.explanation.isEmpty { out += "\n####" + field(question.explanation) }
        return out + "\n}"
    }

    /// Backslash before each of GIFT's special characters `~ = # { } :` and before `\`; line breaks as `\n`.
    public static func escape(_ text: String) -> String {
        var out = ""
        // By scalar, not Character: a combining mark after '}' (or "\r\n") is one Character but two scalars.
        // A line break of any kind ("\r\n", "\r", "\n") becomes GIFT's "\n", so nothing that follows it (a combining
        // mark) can attach itself to an escaped character once the break is gone.
        let scalars = Array(text.unicodeScalars)
        for (index, c) in scalars.enumerated() {
            switch c {
            case "~", "=", "#", "{", "}", ":", "\\": out += "\\" + String(c)
            case "\n": out += "\\n"
            case "\r": if index + 1 >= scalars.count || scalars[index + 1] != "\n" { out += "\\n" }
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    // MARK: - Helpers

    private static func feedback(_ why: QuizText?) -> String {
        guard let why, !why.isEmpty else { return "" }
        return "#" + field(why)
    }

    private static func field(_ text: QuizText) -> String { escape(html(text)) }

    /// HTML made from the runs (the compiled HTML may hold MathML, which Moodle's editor would not keep).
    static func html(_ text: QuizText) -> String {
        var out = "", open = false
        for run in text.runs {
            switch run {
            case .text(let s): out += QuizText.escape(s)
            case .strong(let s): out += "<strong>" + QuizText.escape(s) + "</strong>"
            case .emphasis(let s): out += "<em>" + QuizText.escape(s) + "</em>"
            case .code(let s): out += "<code>" + QuizText.escape(s) + "</code>"
            case .math(let tex): out += "\\(" + QuizText.escape(tex) + "\\)"
            case .paragraphBreak: out += open ? "</p><p>" : "<br><br>"; open = false
            }
        }
        return out
    }

    /// A number as Moodle reads it: a point, the shortest digits that read back as the same value.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// A tolerance to twelve significant digits: a width computed from a percentage (`2.019 × 1 %`) reads
    /// `0.02019`, not its binary neighbour `0.020190000000000003`.
    static func tolerance(_ value: Double) -> String {
        number(Double(String(format: "%.12g", value)) ?? value)
    }

    /// Moodle's grade percentages with at most five decimals: 50, 33.33333, 12.5.
    static func percent(_ value: Double) -> String {
        var text = String(Int((value * 100_000).rounded()))
        while text.count < 6 { text = "0" + text }
        let whole = String(text.dropLast(5)), fraction = String(text.suffix(5))
        let trimmed = fraction.reversed().drop { $0 == "0" }.reversed()
        return trimmed.isEmpty ? whole : whole + "." + String(trimmed)
    }

    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).joined(separator: " ")
    }
}
