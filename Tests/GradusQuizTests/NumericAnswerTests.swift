import Testing
@testable import GradusQuiz

@Suite("Numeric answers")
struct NumericAnswerTests {
    @Test("The author's forms: V, V ± T, V ± P%, with +- and +/- for ±; bad forms say what to write")
    func authorForms() throws {
        #expect(try NumericAnswer.parse("0.25").get() == NumericAnswer(value: 0.25, tolerance: .relative(1e-9)))
        #expect(try NumericAnswer.parse("0.25 ± 0.001").get() == NumericAnswer(value: 0.25, tolerance: .absolute(0.001)))
        #expect(try NumericAnswer.parse("0.25 ± 1%").get() == NumericAnswer(value: 0.25, tolerance: .relative(0.01)))
        #expect(try NumericAnswer.parse("1/4 +- 0").get() == NumericAnswer(value: 0.25, tolerance: .absolute(0)))
        #expect(try NumericAnswer.parse("-2.5e-1 +/- 2.5%").get() == NumericAnswer(value: -0.25, tolerance: .relative(0.025)))
        #expect(NumericAnswer.parse("a quarter").failure == "answer 'a quarter' is not a number; write 'answer: 0.25', "
                + "'answer: 0.25 ± 0.001' or 'answer: 0.25 ± 1%'")
        #expect(NumericAnswer.parse("0.25 ± -1").failure == "the tolerance in answer '0.25 ± -1' is not a number ≥ 0; "
                + "write '± 0.001' (absolute) or '± 1%' (relative)")
        #expect(NumericAnswer.parse("0.25 ± 150%").failure == "a relative tolerance of 150% accepts any sign; use less than 100%")
    }

    @Test("A reply on the bound is right, one just past it wrong; the default tolerance forgives binary rounding only")
    func bounds() {
        let absolute = NumericAnswer(value: 0.25, tolerance: .absolute(0.001))
        #expect(absolute.accepts(0.251) && absolute.accepts(0.249))
        #expect(!absolute.accepts(0.2511) && !absolute.accepts(0.2489))
        let relative = NumericAnswer(value: 0.25, tolerance: .relative(0.01))
        #expect(relative.accepts(0.2525) && !relative.accepts(0.2526))
        let exact = NumericAnswer(value: 0.3)
        #expect(exact.accepts(0.1 + 0.2))
        #expect(!NumericAnswer(value: 1.0 / 3).accepts(0.3333))
        #expect(!exact.accepts(.nan) && !exact.accepts(.infinity))
        #expect(NumericAnswer(value: 0).accepts(0) && !NumericAnswer(value: 0).accepts(1e-300))
    }

    @Test("Replies: point everywhere, the comma where the language writes it, fractions, exponents, a true minus")
    func replies() {
        let cases: [(String, String, Double?)] = [
            ("0.25", ".", 0.25), ("0,25", ",", 0.25), ("0,25", ".", nil), ("1/4", ".", 0.25), (" 1 / 4 ", ".", 0.25),
            ("2.5e-1", ".", 0.25), ("2,5e-1", ",", 0.25), ("−0.5", ".", -0.5), ("+3", ".", 3), ("-1/-4", ".", 0.25),
            (".5", ".", 0.5), ("5.", ".", 5), ("1E3", ".", 1000), ("1/0", ".", nil), ("", ".", nil), ("abc", ".", nil),
            ("1e999", ".", nil), ("1,000", ".", nil), ("1.000,5", ",", nil), ("0.2.5", ".", nil), ("1/2/3", ".", nil),
            ("e5", ".", nil), ("1e", ".", nil), ("25%", ".", nil), ("٣", ".", nil), ("1 000", ".", nil),
        ]
        for (text, mark, expected) in cases {
            #expect(NumberReply.parse(text, decimalSeparator: mark).number == expected, "\(text) with '\(mark)'")
        }
    }

    @Test("Keys are shown in the learner's style: four significant digits for long values, the tolerance when it matters")
    func keys() {
        let pt = QuizStrings.theme("pt"), en = QuizStrings.theme("en")
        #expect(en.numericKey(NumericAnswer(value: 0.25, tolerance: .absolute(0.001))) == "0.25 (± 0.001)")
        #expect(pt.numericKey(NumericAnswer(value: 0.25, tolerance: .absolute(0.001))) == "0,25 (± 0,001)")
        #expect(en.numericKey(NumericAnswer(value: -0.012345678912)) == "−0.01235")
        #expect(en.numericKey(NumericAnswer(value: 2.5e-7)) == "2.5e-7")
        #expect(en.numericKey(NumericAnswer(value: 1234)) == "1234")
    }
}

extension Result where Failure == NumericAnswerError {
    var failure: String? {
        if case .failure(let error) = self { return error.description }
        return nil
    }
}
