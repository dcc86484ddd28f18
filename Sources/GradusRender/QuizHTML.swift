import GradusQuiz

/// A question as a form: options as native radio buttons or checkboxes, or a text field for a number; the answer
/// with every option's reason and the explanation in a `<details>` that works without JavaScript. quiz.js grades in
/// the page from the `data-` attributes, allows the course's number of tries, and hides the `<details>` until the
/// last one. A computed question carries its other variants in a `<template>` (see `QuizVariants`).
enum QuizHTML {
    /// What the course decides for every question of its pages.
    struct Settings: Equatable, Sendable {
        /// Tries before the answer is shown (`quiz_attempts:` in course.yml).
        var attempts: Int
        /// The course's seed: the variants of computed questions are drawn from it, so builds stay identical.
        var seed: UInt64
    }

    static func render(_ question: Question, words: (String) -> String, settings: Settings) -> String {
        let id = "quiz-" + question.id.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "-" }.joined()
        // A word the theme lacks is left out, so the quiz's strings fall back as they do in the terminal.
        let strings = QuizStrings(words: Dictionary(uniqueKeysWithValues: QuizStrings.keys.map { ($0, words($0)) }.filter { !$0.1.isEmpty }))
        let variants = QuizVariants.draw(question, seed: settings.seed)
        let shown = variants[0]
        var attributes: [(String, String)] = [("id", id), ("data-question", question.id),
                                              ("data-kind", question.kind.rawValue), ("data-attempts", String(settings.attempts))]
        attributes += key(of: shown)
        if shown.kind == .numeric {
            attributes += [("data-decimal", strings.decimalSeparator), ("data-expected", strings.numberExpected)]
        }
        attributes += [("data-right", words("correct")), ("data-wrong", words("wrong")), ("data-final", words("quiz_wrong_final")),
                       ("data-left-one", words("quiz_attempts_left_one")), ("data-left-other", words("quiz_attempts_left_other")),
                       ("data-mark-right", words("correct_option")), ("data-mark-wrong", words("wrong_option"))]
        var html = "<form class=\"quiz\"" + attributes.map { " \($0.0)=\"\(escapeXML($0.1))\"" }.joined() + ">\n"
        html += "<fieldset>\n<legend class=\"question\">\(shown.prompt.html)</legend>\n"
        if shown.kind == .numeric {
            // Text, not type=number: a learner may type 1/4, 2,5 or −0.5, which a number field rejects.
            html += "<p class=\"quiz-number\"><label for=\"\(escapeXML(id))-reply\">\(escapeXML(words("quiz_prompt_number")))</label>"
                + " <input type=\"text\" inputmode=\"decimal\" id=\"\(escapeXML(id))-reply\" name=\"\(escapeXML(id))\""
                + " autocomplete=\"off\" spellcheck=\"false\"></p>\n"
        } else {
            let type = shown.kind == .multiple ? "checkbox" : "radio"
            html += "<ol>\n"
            for (index, option) in shown.options.enumerated() {
                let optionID = "\(id)-\(index)"
                html += "<li><input type=\"\(type)\" name=\"\(escapeXML(id))\" id=\"\(escapeXML(optionID))\" value=\"\(index)\">"
                html += " <label for=\"\(escapeXML(optionID))\">\(option.text.html)</label></li>\n"
            }
            html += "</ol>\n"
        }
        html += "</fieldset>\n"
        // Shown by quiz.js; without a script, the answer stays reachable in the details below.
        html += "<p class=\"quiz-actions\" hidden><button type=\"submit\">\(escapeXML(words("check_answer")))</button>"
        if variants.count > 1 {
            html += " <button type=\"button\" class=\"quiz-new\">\(escapeXML(words("quiz_new_numbers")))</button>"
        }
        html += " <button type=\"button\" class=\"quiz-reset\">\(escapeXML(words("reset_answer")))</button></p>\n"
        html += "<p class=\"quiz-feedback\" role=\"status\" aria-live=\"polite\"></p>\n"
        html += "<details>\n<summary>\(escapeXML(words("show_answer")))</summary>\n"
        html += "<div class=\"quiz-answer\">\n" + answer(shown, words: words, strings: strings) + "</div>\n</details>\n"
        if variants.count > 1 {
            html += QuizVariants.template(variants.dropFirst(), key: key(of:), answer: { answer($0, words: words, strings: strings) })
        }
        html += "</form>\n"
        return html
    }

    /// What quiz.js grades against: the right options' indices, or a number and its tolerance (read back exactly:
    /// Swift writes the shortest decimal that round-trips, which JavaScript parses to the same double).
    static func key(of question: Question) -> [(String, String)] {
        guard question.kind == .numeric, let numeric = question.numeric else {
            return [("data-correct", question.correctIndices.map(String.init).joined(separator: ","))]
        }
        switch numeric.tolerance {
        case .absolute(let t): return [("data-answer", script(numeric.value)), ("data-absolute", script(t))]
        case .relative(let p): return [("data-answer", script(numeric.value)), ("data-relative", script(p))]
        }
    }

    /// A double as JavaScript's `Number()` reads it back bit for bit (Swift's `inf` and `nan` it would not).
    static func script(_ x: Double) -> String {
        if x.isNaN { return "NaN" }
        if x.isInfinite { return x > 0 ? "Infinity" : "-Infinity" }
        return "\(x)"
    }

    /// The inside of the `<details>`: the key (a numeric question's value, or each option with its verdict and
    /// reason), then the explanation.
    static func answer(_ question: Question, words: (String) -> String, strings: QuizStrings) -> String {
        var html = ""
        if question.kind == .numeric, let numeric = question.numeric {
            html += "<p><strong>\(escapeXML(words("quiz_correct_answer")))</strong> \(escapeXML(strings.numericKey(numeric)))</p>\n"
        } else {
            html += "<ol>\n"
            for option in question.options {
                let verdict = option.isCorrect ? "<span class=\"right\">\(escapeXML(words("correct_option")))</span>"
                    : "<span class=\"wrong\">\(escapeXML(words("wrong_option")))</span>"
                html += "<li>\(verdict): \(option.text.html)"
                if let why = option.why { html += "<div class=\"why\">\(why.html)</div>" }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        if !question.explanation.isEmpty {
            html += "<p><strong>\(escapeXML(words("explanation"))):</strong></p>\n\(question.explanation.html)\n"
        }
        return html
    }
}
