import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

@Suite("gradus quiz")
struct QuizCommandTests {
    /// A frozen one-lesson course (a copy of lesson 01), so the expectations do not move as the real course grows.
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lesson-one/content").path

    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-quiz-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func json(_ run: CLIRun) throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(run.out.utf8)) as? [String: Any])
    }

    /// The right answers as the lesson marks them (content/lessons/01-backpropagation.en.md).
    static let rightTexts = [
        "backpropagation/chain-rule-product": "The local derivatives along the path from w to the loss.",
        "backpropagation/sigmoid-bound": "1/4, at z = 0.",
    ]

    @Test("JSON result: options as shown, the correct letters point at the lesson's right answers, seed and score")
    func jsonResult() throws {
        let progress = Self.temporaryFolder().appendingPathComponent("p.json").path
        let run = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "a,a", "--format", "json",
                          "--progress", progress])
        #expect(run.status == 0, "\(run.err)")
        let object = try json(run)
        #expect(object["seed"] as? Int == 1, "a scripted run uses the course's seed")
        let questions = try #require(object["questions"] as? [[String: Any]])
        #expect(Set(questions.compactMap { $0["id"] as? String }) == Set(Self.rightTexts.keys))
        var firstTry = 0
        for question in questions {
            let options = try #require(question["options"] as? [String])
            let correct = try #require(question["correct"] as? [String])
            let letter = try #require(correct.first)
            let index = Int(letter.unicodeScalars.first!.value) - 97
            #expect(options[index] == Self.rightTexts[question["id"] as! String])
            #expect(question["chosen"] as? [[String]] == [["a"]])
            if letter == "a" { firstTry += 1 }
            #expect(question["first_try"] as? Bool == (letter == "a"))
        }
        let score = try #require(object["score"] as? [String: Any])
        #expect(score["first_try"] as? Int == firstTry)
        #expect(score["total"] as? Int == 2)
    }

    @Test("Right answers pass the mark; wrong ones fail it with exit code 1")
    func passMark() throws {
        let folder = Self.temporaryFolder()
        let probe = try json(CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "a,a", "--format",
                                     "json", "--progress", folder.appendingPathComponent("a.json").path]))
        let letters = (probe["questions"] as! [[String: Any]]).map { ($0["correct"] as! [String])[0] }
        let wrong = letters.map { $0 == "a" ? "b" : "a" }
        let pass = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", letters.joined(separator: ","),
                           "--pass-mark", "100", "--progress", folder.appendingPathComponent("b.json").path])
        #expect(pass.status == 0)
        #expect(pass.out.contains("Score: 2 of 2 on the first try, 2 of 2 in all."))
        let fail = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", wrong.joined(separator: ","),
                           "--pass-mark", "50", "--progress", folder.appendingPathComponent("c.json").path])
        #expect(fail.status == 1)
        #expect(fail.out.contains("Question 1:") && fail.out.contains("Question 2:"), "both missed ones are reviewed")
    }

    @Test("The same seed replays the same order; other seeds give other orders")
    func seeds() {
        let progress = Self.temporaryFolder().appendingPathComponent("p.json").path
        func order(_ seed: Int) -> String {
            CLIRun(["quiz", "--content", Self.content, "--lang", "pt", "--answers", "a,a", "--format", "json",
                    "--seed", "\(seed)", "--progress", progress]).out
                .replacingOccurrences(of: "\"seed\": \(seed)", with: "")
        }
        #expect(order(5) == order(5))
        #expect(Set((1...8).map(order)).count > 1)
    }

    @Test("Piped text output has no escape codes; an interactive run shows the drawn seed in Portuguese")
    func plainOutput() {
        let run = CLIRun(["quiz", "--content", Self.content, "--lang", "pt", "--progress",
                          Self.temporaryFolder().appendingPathComponent("p.json").path],
                         environment: ["TERM": "xterm-256color"], input: ["x", "a"])
        #expect(run.status == 0)
        #expect(!run.out.contains("\u{1B}"))
        #expect(run.out.hasPrefix("Retropropagação e a regra da cadeia\n(semente "))
        #expect(run.out.contains("Resposta inválida; digite uma das letras a, b, c ou o número da opção."))
        #expect(run.out.contains("Sessão encerrada."), "end of input ends the session with a summary")
    }

    @Test("Progress is recorded per question, listed, and reset only after confirmation")
    func progress() throws {
        let folder = Self.temporaryFolder()
        let environment = ["XDG_DATA_HOME": folder.path, "LANG": "en_US.UTF-8"]
        let first = CLIRun(["quiz", "--content", Self.content, "--answers", "a,a"], environment: environment)
        #expect(first.status == 0, "\(first.err)")
        // One course, one progress file, under the course's id.
        let courses = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("gradus/courses").path)
        #expect(courses.count == 1)
        let file = folder.appendingPathComponent("gradus/courses/\(courses[0])/progress.json")
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        #expect(stored["version"] as? Int == 1)
        let records = try #require(stored["questions"] as? [String: [String: Any]])
        #expect(Set(records.keys) == Set(Self.rightTexts.keys))
        #expect(records.values.allSatisfy { $0["seen"] as? Int == 1 && $0["lesson"] as? String == "backpropagation" })
        let list = CLIRun(["quiz", "--content", Self.content, "--list"], environment: environment)
        #expect(list.out.hasPrefix("Lessons:\n  backpropagation  Backpropagation and the chain rule  (2 questions, 2 answered, "))
        let kept = CLIRun(["quiz", "--content", Self.content, "--reset"], environment: environment, input: ["n"])
        #expect(kept.out.hasSuffix("Nothing was deleted.\n"))
        #expect(FileManager.default.fileExists(atPath: file.path))
        let reset = CLIRun(["quiz", "--content", Self.content, "--reset"], environment: environment, input: ["y"])
        #expect(reset.out == "Delete all progress in \(file.path)? [y/N] Progress deleted.\n")
        #expect(!FileManager.default.fileExists(atPath: file.path))
    }

    @Test("The list of the course's lessons starts every title in one column, after slugs of any length")
    func listAligned() throws {
        let environment = ["XDG_DATA_HOME": Self.temporaryFolder().path, "LANG": "en_US.UTF-8"]
        let content = TestEnvironment.packageRoot.appendingPathComponent("content").path
        let list = CLIRun(["quiz", "--content", content, "--list", "--lang", "en"], environment: environment)
        #expect(list.status == 0, "\(list.err)")
        let lines = list.out.split(separator: "\n").dropFirst().map(String.init)
        let slugs = lines.map { $0.dropFirst(2).prefix { $0 != " " } }
        #expect(lines.count >= 14 && Set(slugs.map(\.count)).count > 1, "slugs of several lengths: \(list.out)")
        let column = 2 + slugs.map(\.count).max()! + 2
        for line in lines {
            let scalars = Array(line.unicodeScalars)
            #expect(scalars.count > column && scalars[column - 1] == " " && scalars[column] != " ", "\(line)")
        }
    }

    @Test("A review asks the missed question first; with nothing due it says so")
    func review() throws {
        let progress = Self.temporaryFolder().appendingPathComponent("p.json").path
        let probe = try json(CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "a,a",
                                     "--format", "json", "--progress", progress]))
        let questions = probe["questions"] as! [[String: Any]]
        let missed = questions.filter { ($0["first_try"] as! Bool) == false }.map { $0["id"] as! String }
        let review = try json(CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--review", "--format", "json",
                                      "--progress", progress], input: ["a", "b", "c", "a", "b", "c"]))
        let asked = (review["questions"] as! [[String: Any]]).map { $0["id"] as! String }
        #expect(Array(asked.prefix(missed.count)) == missed, "missed questions are due at once")
    }

    @Test("A corrupt progress file is kept aside with a warning and the quiz still runs")
    func corruptProgress() throws {
        let folder = Self.temporaryFolder()
        let file = folder.appendingPathComponent("p.json")
        try Data("not json".utf8).write(to: file)
        let run = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "a,a", "--progress", file.path])
        #expect(run.status == 0)
        #expect(run.err.hasPrefix("gradus: warning: \(file.path) could not be read; it was kept as \(file.path).corrupt-"))
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(names.count == 3 && names[0] == ".p.json.lock" && names[1] == "p.json" && names[2].hasPrefix("p.json.corrupt-"))
    }

    @Test("Answers that do not fit the quiz are usage errors")
    func badAnswers() {
        let wrongCount = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "b"])
        #expect(wrongCount.status == 64)
        #expect(wrongCount.err == "gradus: error: --answers has 1 entry but the quiz has 2 questions (give one entry per question, separated by commas)\n")
        let badLetter = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "b,q"])
        #expect(badLetter.status == 64)
        #expect(badLetter.err == "gradus: error: invalid answer 'q' for question 2 (expected one letter among a, b, c)\n")
    }

    @Test("course.yml's quiz_attempts is the default number of tries; --attempts overrides it")
    func courseAttempts() throws {
        let root = try QuizCourse.make(lessons: 1, questions: 1)
        let config = root.appendingPathComponent("content/course.yml")
        try (String(contentsOf: config, encoding: .utf8) + "quiz_attempts: 3\n").write(to: config, atomically: true, encoding: .utf8)
        let content = root.appendingPathComponent("content").path
        let progress = Self.temporaryFolder().appendingPathComponent("p.json").path
        let probe = try json(CLIRun(["quiz", "--content", content, "--answers", "a", "--format", "json", "--progress", progress]))
        let right = try #require(((probe["questions"] as? [[String: Any]])?.first?["correct"] as? [String])?.first)
        let wrong = right == "a" ? "b" : "a"
        // Answered from standard input, one line per try: three wrong tries before the question ends.
        let course = try json(CLIRun(["quiz", "--content", content, "--format", "json", "--progress", progress],
                                     input: [wrong, wrong, wrong, right]))
        #expect(course["attempts"] as? Int == 3)
        #expect((course["questions"] as? [[String: Any]])?.first?["chosen"] as? [[String]] == [[wrong], [wrong], [wrong]])
        let given = try json(CLIRun(["quiz", "--content", content, "--format", "json", "--attempts", "1", "--progress", progress],
                                    input: [wrong, right]))
        #expect(given["attempts"] as? Int == 1)
        #expect((given["questions"] as? [[String: Any]])?.first?["chosen"] as? [[String]] == [[wrong]])
    }

    @Test("An unknown lesson names the nearest one")
    func unknownLesson() {
        let run = CLIRun(["quiz", "--content", Self.content, "--lesson", "backprop"])
        #expect(run.status == 64)
        #expect(run.err.contains("unknown lesson 'backprop'"))
    }
}
