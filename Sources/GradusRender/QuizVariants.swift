import GradusQuiz

/// The numbers a page offers for a computed question: a fixed set of variants drawn from the course's seed, so
/// that two builds give the same bytes. Variant 0 is the one the compiler made; the page shows it, and without
/// JavaScript it is the only one. The others wait in an inert `<template>` for the "new numbers" button.
enum QuizVariants {
    static let count = 16
    /// Seeds tried for `count` different variants: a generator with few values to draw from repeats itself, and
    /// then the page ships fewer rather than show the same numbers twice.
    static let draws = 4 * count

    /// The question's variants, variant 0 first: those of seeds `Computed.variantSeed(…, index: 0, 1, 2…)` whose
    /// question reads differently from every earlier one. A question that is not computed is its only variant.
    static func draw(_ question: Question, seed: UInt64) -> [Question] {
        guard let redraw = question.computed?.redraw else { return [question] }
        var variants: [Question] = [], prompts: Set<String> = []
        for index in 0..<draws where variants.count < count {
            let variantSeed = Computed.variantSeed(id: question.id, seed: seed, index: index)
            let variant = index == 0 ? question : redraw.draw(variantSeed)
            guard prompts.insert(variant.prompt.html).inserted else { continue }
            // A generator lists the answer first; on the page it takes a place drawn with the variant.
            variants.append(variant.kind == .numeric ? variant : QuestionOrder.shuffledOptions(variant, seed: variantSeed))
        }
        return variants
    }

    /// The variants after the first, each with its key (`key`'s attributes), its prompt, its options' texts and
    /// the inside of its `<details>` (`answer`), which quiz.js swaps into the form.
    static func template(_ variants: ArraySlice<Question>, key: (Question) -> [(String, String)],
                         answer: (Question) -> String) -> String {
        var html = "<template class=\"quiz-variants\">\n"
        for variant in variants {
            html += "<div" + key(variant).map { " \($0.0)=\"\(escapeXML($0.1))\"" }.joined() + ">\n"
            html += "<div class=\"question\">\(variant.prompt.html)</div>\n"
            if variant.kind != .numeric {
                html += "<ol class=\"quiz-options\">\n" + variant.options.map { "<li>\($0.text.html)</li>\n" }.joined() + "</ol>\n"
            }
            html += "<div class=\"quiz-answer\">\n\(answer(variant))</div>\n</div>\n"
        }
        return html + "</template>\n"
    }
}
