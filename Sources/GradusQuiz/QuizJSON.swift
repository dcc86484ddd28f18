/// The JSON documents of the quiz: a session's result (`gradus quiz --format json`) and the quiz model
/// (`gradus export-quiz --format json`). Shapes in docs/quiz.md.
public enum QuizJSON {
    /// One line: lesson, language, seed, attempts, per question (id, kind, options shown, correct letters, each
    /// attempt's letters, attempts, right on the first try, right in the end), the score and the pass mark.
    public static func result(_ result: QuizResult, quiz: Quiz, seed: UInt64, attempts: Int, passMark: Double?) -> String {
        let letters = { (indices: [Int]) in JSONText.array(indices.map { JSONText.string(AnswerParser.letter($0)) }) }
        let questions = result.outcomes.map { outcome in
            JSONText.object([
                ("id", JSONText.string(outcome.questionID)),
                ("kind", JSONText.string(outcome.kind.rawValue)),
                ("options", JSONText.array(outcome.options.map(JSONText.string))),
                ("correct", letters(outcome.correct)),
                ("chosen", JSONText.array(outcome.attempts.map(letters))),
                ("attempts", String(outcome.attempts.count)),
                ("first_try", outcome.correctOnFirstTry ? "true" : "false"),
                ("right", outcome.correctInTheEnd ? "true" : "false"),
                ("asked", JSONText.array(outcome.asked.map(attempt))),
            ])
        }
        var score: [(String, String)] = [
            ("first_try", String(result.firstTry)),
            ("correct", String(result.correct)),
            ("total", String(result.total)),
            ("first_try_percent", number(result.firstTryPercent)),
        ]
        if let passMark {
            score.append(("pass_mark", number(passMark)))
            score.append(("passed", result.firstTryPercent >= passMark ? "true" : "false"))
        }
        return JSONText.object([
            ("lesson", JSONText.string(quiz.lessonSlug)),
            ("language", JSONText.string(quiz.language)),
            ("seed", String(seed)),
            ("attempts", String(attempts)),
            ("ended", result.ended ? "true" : "false"),
            ("questions", JSONText.array(questions)),
            ("score", JSONText.object(score)),
        ]) + "\n"
    }

    /// The quiz model of every lesson: texts as plain text (math as TeX) and as HTML, options with their
    /// correctness, reasons and pins, in the author's order.
    /// A computed question lists the variants the site ships (`seed` is the course's); exercises follow the
    /// questions.
    public static func model(_ quizzes: [Quiz], language: String, seed: UInt64 = 1) -> String {
        let lessons = quizzes.map { quiz in
            JSONText.object([
                ("slug", JSONText.string(quiz.lessonSlug)),
                ("title", JSONText.string(quiz.lessonTitle)),
                ("language", JSONText.string(quiz.language)),
                ("questions", JSONText.array(quiz.questions.map { question($0, seed: seed) })),
                ("exercises", JSONText.array(quiz.exercises.map(exercise))),
            ])
        }
        return JSONText.object([("language", JSONText.string(language)), ("lessons", JSONText.array(lessons))]) + "\n"
    }

    // MARK: - Helpers

    /// One attempt: the values shown, the reply, and for a numeric question the key and the widest miss allowed.
    private static func attempt(_ a: QuestionOutcome.Attempt) -> String {
        JSONText.object([
            ("values", values(a.values)),
            ("reply", JSONText.string(a.reply)),
            ("expected", a.expected.map(exact) ?? "null"),
            ("tolerance", a.allowance.map(exact) ?? "null"),
            ("right", a.right ? "true" : "false"),
        ])
    }

    private static func values(_ values: [Computed.Value]) -> String {
        JSONText.object(values.map { ($0.name, JSONText.string($0.text)) })
    }

    /// A number exactly (the shortest text that reads back as the same Double); non-finite ones as null.
    public static func exact(_ x: Double) -> String {
        guard x.isFinite else { return "null" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A numeric key: the value, the tolerance as the author gave it, and the widest miss it allows.
    private static func key(_ key: NumericAnswer) -> String {
        let tolerance: String
        switch key.tolerance {
        case .absolute(let t): tolerance = JSONText.object([("absolute", exact(t))])
        case .relative(let p): tolerance = JSONText.object([("relative", exact(p))])
        }
        return JSONText.object([("value", exact(key.value)), ("tolerance", tolerance), ("allowance", exact(key.allowance))])
    }

    /// Block content (paragraphs, lists, code, display math): the plain words and the page's HTML (MathML).
    private static func blocks(_ t: QuizText) -> String {
        JSONText.object([("plain", JSONText.string(t.plain)), ("html", JSONText.string(t.html))])
    }

    private static func exercise(_ e: Exercise) -> String {
        JSONText.object([
            ("id", JSONText.string(e.id)),
            ("number", String(e.number)),
            ("title", JSONText.string(e.title)),
            ("statement", blocks(e.statement)),
            ("solution", e.solution.map(blocks) ?? "null"),
            ("origin", JSONText.string(e.origin)),
        ])
    }

    /// A question, and for a computed one each shipped variant (as a question without variants of its own).
    static func question(_ q: Question, seed: UInt64) -> String {
        var fields = questionFields(q)
        if q.computed?.redraw != nil {
            fields.insert(("variants", JSONText.array(q.variants(seed: seed).map { JSONText.object(questionFields($0)) })),
                          at: fields.count - 1)
        }
        return JSONText.object(fields)
    }

    static func questionFields(_ q: Question) -> [(String, String)] {
        [
            ("id", JSONText.string(q.id)),
            ("kind", JSONText.string(q.kind.rawValue)),
            ("prompt", text(q.prompt)),
            ("options", JSONText.array(q.options.map { option in
                JSONText.object([
                    ("text", text(option.text)),
                    ("correct", option.isCorrect ? "true" : "false"),
                    ("why", option.why.map(text) ?? "null"),
                    ("pinned", option.isPinned ? "true" : "false"),
                ])
            })),
            ("explanation", text(q.explanation)),
            ("answer", q.numeric.map(key) ?? "null"),
            ("generator", q.computed.map { JSONText.string($0.generator) } ?? "null"),
            ("values", q.computed.map { values($0.values) } ?? "null"),
            ("origin", JSONText.string(q.origin)),
        ]
    }

    private static func text(_ t: QuizText) -> String {
        JSONText.object([("plain", JSONText.string(t.plain)), ("html", JSONText.string(GIFTWriter.html(t)))])
    }

    /// A JSON number with a dot and at most two decimals (50, 66.67).
    static func number(_ value: Double) -> String {
        let hundredths = Int((value * 100).rounded())
        let whole = hundredths / 100, fraction = abs(hundredths % 100)
        if fraction == 0 { return String(whole) }
        return String(whole) + "." + (fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction))
    }
}
