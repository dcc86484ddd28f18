import GradusQuiz

/// A question as a form: options as native radio buttons or checkboxes, and the answer with every option's
/// reason and the explanation in a `<details>` that works without JavaScript.
enum QuizHTML {
    static func render(_ question: Question, words: (String) -> String) -> String {
        let id = "quiz-" + question.id.map { $0.isLetter || $0.isNumber || $0 == "-" ? String($0) : "-" }.joined()
        let type = question.kind == .multiple ? "checkbox" : "radio"
        let correct = question.correctIndices.map(String.init).joined(separator: ",")
        var html = "<form class=\"quiz\" id=\"\(escapeXML(id))\" data-question=\"\(escapeXML(question.id))\""
            + " data-correct=\"\(correct)\" data-right=\"\(escapeXML(words("correct")))\" data-wrong=\"\(escapeXML(words("wrong")))\">\n"
        html += "<fieldset>\n<legend class=\"question\">\(question.prompt.html)</legend>\n<ol>\n"
        for (index, option) in question.options.enumerated() {
            let optionID = "\(id)-\(index)"
            html += "<li><input type=\"\(type)\" name=\"\(escapeXML(id))\" id=\"\(escapeXML(optionID))\" value=\"\(index)\">"
            html += " <label for=\"\(escapeXML(optionID))\">\(option.text.html)</label></li>\n"
        }
        html += "</ol>\n</fieldset>\n"
        // Shown by quiz.js; without a script, the answer stays reachable in the details below.
        html += "<p class=\"quiz-actions\" hidden><button type=\"submit\">\(escapeXML(words("check_answer")))</button>"
            + " <button type=\"button\" class=\"quiz-reset\">\(escapeXML(words("reset_answer")))</button></p>\n"
        html += "<p class=\"quiz-feedback\" role=\"status\" aria-live=\"polite\"></p>\n"
        html += "<details>\n<summary>\(escapeXML(words("show_answer")))</summary>\n<ol>\n"
        for option in question.options {
            let verdict = option.isCorrect ? "<span class=\"right\">\(escapeXML(words("correct_option")))</span>"
                : "<span class=\"wrong\">\(escapeXML(words("wrong_option")))</span>"
            html += "<li>\(verdict): \(option.text.html)"
            if let why = option.why { html += "<div class=\"why\">\(why.html)</div>" }
            html += "</li>\n"
        }
        html += "</ol>\n"
        if !question.explanation.isEmpty {
            html += "<p><strong>\(escapeXML(words("explanation"))):</strong></p>\n\(question.explanation.html)\n"
        }
        html += "</details>\n</form>\n"
        return html
    }
}
