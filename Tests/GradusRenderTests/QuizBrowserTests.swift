import Foundation
import Testing
import GradusTestSupport
@testable import GradusRender

/// The quiz fixture's page in a real browser (Chromium driven by Selenium from
/// Tests/GradusRenderTests/Browser/quiz_page.py): tries, marks, numbers, new numbers, memory, and the page without
/// JavaScript. The fixture's course allows three tries. Screenshots go to .build/screenshots/.
@Suite("Quizzes in a browser")
struct QuizBrowserTests {
    @Test("Tries and marks, numbers in every form, new numbers, a reload, and the page without JavaScript",
          .enabled(if: BrowserTests.available))
    func quizzes() throws {
        let python = try #require(TestEnvironment.tool("python3"))
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-quiz-browser-\(UUID().uuidString)")
        _ = try SiteWriter(output: site).write(QuizFixture.build().site)
        defer { try? FileManager.default.removeItem(at: site) }
        let script = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Browser/quiz_page.py")
        let shots = TestEnvironment.packageRoot.appendingPathComponent(".build/screenshots")
        let run = try runProcess(python, [script.path, site.path, shots.path])
        try #require(run.status == 0, "the browser script failed:\n\(run.stderrText)")
        let report = try #require(try JSONSerialization.jsonObject(with: run.stdout) as? [String: Any])

        #expect(report["actions_shown"] as? Bool == true)
        #expect(report["answer_hidden_at_start"] as? Bool == true)
        // A wrong try: the option is marked for the eye and the ear, tries left are counted, nothing is revealed.
        #expect(report["single_first"] as? String == "Not quite. Try again. (2 tries left)")
        #expect(report["single_first_names"] as? [String] == ["tanh Wrong", "the sigmoid", "ReLU"])
        #expect(report["single_first_answer_shown"] as? Bool == false)
        #expect(report["single_first_reasons_shown"] as? Int == 0)
        #expect(report["single_second"] as? String == "Not quite. Try again. (1 try left)")
        // The last try: the key and every option's reason.
        #expect(report["single_last"] as? String == "Not quite.")
        #expect(report["single_last_answer_shown"] as? Bool == true)
        #expect(report["single_last_reasons_shown"] as? Int == 3)
        #expect(report["single_last_names"] as? [String] == ["tanh Wrong", "the sigmoid Correct", "ReLU Wrong"])
        #expect(report["single_last_disabled"] as? Bool == true)
        #expect(report["cleared_feedback"] as? String == "")
        #expect(report["cleared_answer_shown"] as? Bool == false)
        #expect(report["cleared_names"] as? [String] == ["tanh", "the sigmoid", "ReLU"])
        // Right on the second try.
        #expect(report["single_right_second"] as? String == "Correct! Well done.")
        #expect(report["single_right_second_answer_shown"] as? Bool == true)
        #expect(report["single_right_second_names"] as? [String] == ["tanh", "the sigmoid Correct", "ReLU Wrong"])
        // Several answers: wrong, with no option marked.
        #expect(report["multiple_first"] as? String == "Not quite. Try again. (2 tries left)")
        #expect(report["multiple_marks"] as? Int == 0)
        #expect(report["multiple_answer_shown"] as? Bool == false)
        // Numbers.
        #expect(report["number_field"] as? [String] == ["text", "decimal", "Your answer (a number):"])
        #expect(report["number_wrong_form"] as? String == "Type a number, such as 0.25, 1/4 or 2.5e-1.")
        #expect(report["number_wrong_form_invalid"] as? String == "true")
        #expect(report["number_wrong"] as? String == "Not quite. Try again. (2 tries left)", "the wrong form cost no try")
        #expect(report["number_wrong_description"] as? String == "✗ Wrong: 0.3")
        #expect(report["number_wrong_answer_shown"] as? Bool == false)
        #expect(report["number_right"] as? String == "Correct! Well done.")
        #expect(report["number_key"] as? String == "Correct answer: 0.25 (± 0.001)")
        #expect(report["pt_on_bound"] as? String == "Você acertou! Parabéns.")
        // New numbers.
        #expect(report["computed_changed"] as? [Bool] == [true, true])
        #expect(report["computed_after_new_feedback"] as? String == "")
        #expect(report["computed_after_new_answer_shown"] as? Bool == false)
        #expect(report["computed_after_new_focus"] as? String == "quiz-product-reply")
        #expect(report["computed_keys_differ"] as? Bool == true)
        #expect(report["computed_old_key"] as? String == "Not quite. Try again. (2 tries left)")
        #expect(report["computed_new_key"] as? String == "Correct! Well done.")
        #expect(report["computed_new_key_shown"] as? Bool == true)
        #expect(report["computed_choice_changed"] as? Bool == true)
        #expect(report["computed_choice_right"] as? String == "Correct! Well done.")
        // Remembered after a reload.
        let remembered = try #require(report["remembered"] as? [String: [Any]])
        #expect(remembered["pick-one"]?[0] as? String == "Correct! Well done.")
        #expect(remembered["pick-one"]?[1] as? [String] == ["tanh", "the sigmoid Correct", "ReLU Wrong"])
        #expect(remembered["pick-one"]?[2] as? Bool == true)
        #expect(remembered["pick-two"]?[0] as? String == "Not quite. Try again. (2 tries left)")
        #expect(remembered["pick-two"]?[1] as? Bool == false)
        #expect(remembered["sigmoid-peak"]?.map { "\($0)" } == ["Correct! Well done.", "1/4"])
        #expect(remembered["product"]?[0] as? String == "Correct! Well done.")
        #expect(remembered["product"]?[1] as? Bool == true, "the numbers drawn last")
        #expect((report["console_errors"] as? [String])?.isEmpty == true, "\(report["console_errors"] ?? "")")
        // Without JavaScript.
        let plain = try #require(report["no_script"] as? [String: Any])
        #expect(plain["actions_shown"] as? Bool == false)
        #expect(plain["details_shown"] as? Bool == true)
        #expect(plain["details_open"] as? Bool == false)
        #expect(plain["question"] as? Bool == true, "variant 0")
        #expect(plain["legends"] as? Int == 1, "the other variants stay in their template")
        #expect(plain["key_after_opening"] as? String == plain["key_before"] as? String)
        for name in ["quiz-light-phone", "quiz-dark-phone"] {
            #expect(FileManager.default.fileExists(atPath: shots.appendingPathComponent("\(name).png").path))
        }
    }
}
