import Foundation

/// The words of the quiz in one language, read from the theme's `i18n/LANG.json` (keys prefixed `quiz_`, plus the
/// page's `correct` and `wrong`), so that a course in any language can speak it without a change to Gradus.
///
/// Values may hold `{placeholders}` (`{count}`, `{number}`, `{total}`…), filled in one pass, so a name or a
/// learner's text that contains braces is never filled in again. A count has two keys, `_one` (for 1) and
/// `_other`. Lists (`quiz_negations`, `quiz_reset_yes`) are comma-separated. A missing key shows as its own name:
/// the theme loader has already warned about it, and the name says what to add.
public struct QuizStrings: Sendable {
    /// The words by key, as the theme gives them.
    public var words: [String: String]

    public init(words: [String: String]) { self.words = words }

    /// Every key the quiz reads, for tests and for a words file to check against.
    public static let keys = [
        "correct", "wrong", "quiz_true", "quiz_false", "quiz_question_of", "quiz_prompt", "quiz_prompt_multiple",
        "quiz_wrong_final", "quiz_invalid", "quiz_attempts_left_one", "quiz_attempts_left_other", "quiz_correct_answer",
        "quiz_explanation", "quiz_why", "quiz_right_mark", "quiz_wrong_mark", "quiz_score", "quiz_review",
        "quiz_review_line", "quiz_no_questions", "quiz_ended", "quiz_seed", "quiz_lessons", "quiz_lesson_line",
        "quiz_questions_one", "quiz_questions_other", "quiz_answered_one", "quiz_answered_other", "quiz_due_one",
        "quiz_due_other", "quiz_review_title", "quiz_nothing_due", "quiz_reset_confirm", "quiz_reset_yes",
        "quiz_reset_done", "quiz_reset_kept", "quiz_not_mentioned_question", "quiz_not_mentioned_explanation",
        "quiz_negations", "quiz_quote_open", "quiz_quote_close", "quiz_list_and", "quiz_prompt_number",
        "quiz_number_expected", "quiz_key_tolerance", "decimal_separator",
    ]

    // MARK: - Session

    public func questionOf(_ number: Int, _ total: Int) -> String {
        text("quiz_question_of", ["number": "\(number)", "total": "\(total)"])
    }

    /// The prompt, ending in a space so that the answer starts apart from it.
    public var prompt: String { text("quiz_prompt") + " " }
    public var promptMultiple: String { text("quiz_prompt_multiple") + " " }
    public var correct: String { text("correct") }
    public var wrong: String { text("wrong") }
    public var wrongFinal: String { text("quiz_wrong_final") }
    /// The hint after input that is no answer; `letters` lists the options' letters.
    public func invalid(_ letters: String) -> String { text("quiz_invalid", ["letters": letters]) }
    public var correctAnswer: String { text("quiz_correct_answer") }
    /// The prompt of a numeric question, ending in a space.
    public var promptNumber: String { text("quiz_prompt_number") + " " }
    /// The hint after a reply to a numeric question that is no number in an accepted form.
    public var numberExpected: String { text("quiz_number_expected", ["example": number(0.25)]) }
    /// The language's decimal mark (a point when the words do not say).
    public var decimalSeparator: String { words["decimal_separator"] ?? "." }
    /// A number in the language's style.
    public func number(_ x: Double) -> String { QuizNumber.text(x, decimalSeparator: decimalSeparator) }

    /// The key of a numeric question: its value, with the tolerance when it is wider than rounding.
    public func numericKey(_ key: NumericAnswer) -> String {
        if key.allowance <= 1e-9 * abs(key.value) { return number(key.value) }
        return text("quiz_key_tolerance", ["value": number(key.value), "tolerance": number(key.allowance)])
    }
    public var explanation: String { text("quiz_explanation") }
    public func score(firstTry: Int, correct: Int, total: Int) -> String {
        text("quiz_score", ["first_try": "\(firstTry)", "correct": "\(correct)", "total": "\(total)"])
    }
    public func attemptsLeft(_ count: Int) -> String { counted("quiz_attempts_left", count) }
    public var noQuestions: String { text("quiz_no_questions") }
    public func seedShown(_ seed: UInt64) -> String { text("quiz_seed", ["seed": "\(seed)"]) }
    public var whyHeading: String { text("quiz_why") }
    public var review: String { text("quiz_review") }
    public func reviewLine(_ number: Int, _ question: String) -> String {
        text("quiz_review_line", ["number": "\(number)", "question": question])
    }
    public var ended: String { text("quiz_ended") }
    /// The marks of an option in the review of reasons.
    public var right: String { text("quiz_right_mark") }
    public var wrongMark: String { text("quiz_wrong_mark") }

    // MARK: - Lists, review and reset

    public var listHeading: String { text("quiz_lessons") }
    /// The title of a `--review` session.
    public var reviewTitle: String { text("quiz_review_title") }
    /// One lesson of `--list`: its slug, title, questions, how many are answered and how many are due.
    public func listLine(slug: String, title: String, questions: Int, answered: Int, due: Int) -> String {
        text("quiz_lesson_line", ["slug": slug, "title": title, "questions": counted("quiz_questions", questions),
                                  "answered": counted("quiz_answered", answered), "due": counted("quiz_due", due)])
    }
    public var nothingDue: String { text("quiz_nothing_due") }
    /// The question before `--reset`, ending in a space for the answer.
    public func resetConfirm(_ path: String) -> String { text("quiz_reset_confirm", ["path": path]) + " " }
    /// Answers that confirm, lowercased.
    public var yes: [String] { list("quiz_reset_yes").map { $0.lowercased() } }
    public var resetDone: String { text("quiz_reset_done") }
    public var resetKept: String { text("quiz_reset_kept") }

    // MARK: - Generated questions

    public var trueWord: String { text("quiz_true") }
    public var falseWord: String { text("quiz_false") }
    /// The generated question when the author gives none.
    public var notMentionedQuestion: String { text("quiz_not_mentioned_question") }
    /// Words of negation emphasised in "NOT" questions, longest first.
    public var negations: [String] { list("quiz_negations").sorted { $0.count > $1.count } }

    /// The generated explanation: the lesson's items, then the one that is not among them, each in the language's
    /// quotation marks (they are names, written as the list writes them, capitals included).
    public func notMentionedExplanation(_ items: [String], _ other: String) -> String {
        let names = items.map(quoted)
        let joined = names.count > 1
            ? names.dropLast().joined(separator: ", ") + " " + text("quiz_list_and") + " " + names[names.count - 1]
            : names.first ?? ""
        return text("quiz_not_mentioned_explanation", ["items": joined, "other": quoted(other)])
    }

    // MARK: - Helpers

    private func quoted(_ item: String) -> String { text("quiz_quote_open") + item + text("quiz_quote_close") }

    private func counted(_ key: String, _ count: Int) -> String {
        text(key + (count == 1 ? "_one" : "_other"), ["count": "\(count)"])
    }

    private func list(_ key: String) -> [String] {
        text(key).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The word for `key` with each `{name}` of `values` filled in, in one pass over the template.
    func text(_ key: String, _ values: [String: String] = [:]) -> String {
        guard let template = words[key] else { return key }
        guard !values.isEmpty, template.contains("{") else { return template }
        var out = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            out += rest[..<open]
            guard let close = rest[open...].firstIndex(of: "}"),
                  let value = values[String(rest[rest.index(after: open)..<close])] else {
                out.append("{")
                rest = rest[rest.index(after: open)...]
                continue
            }
            out += value
            rest = rest[rest.index(after: close)...]
        }
        return out + rest
    }
}
