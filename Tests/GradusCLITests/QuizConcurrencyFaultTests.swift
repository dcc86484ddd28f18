import Foundation
import Testing
import GradusTestSupport

/// Several real `gradus quiz` processes on one progress file, as a learner with two terminals (or a script) does:
/// every answer of every process must be in the file at the end. Processes 1 and 4 take the same lesson, so the
/// same questions are answered twice and their `seen` must count both.
@Suite("Quizzes sharing one progress file", .serialized)
struct QuizConcurrencyFaultTests {
    static let processes = 4
    static let runs = 20
    static let questions = 10
    /// The lesson of each process: the first and the last share one.
    static let lessons = ["l1", "l2", "l3", "l1"]

    /// Answers expected per question id after one run: one per process that took its lesson.
    static var expectedSeen: [String: Int] {
        var seen: [String: Int] = [:]
        for lesson in lessons {
            for index in 0..<questions { seen["\(lesson)/q\(String(format: "%02d", index))", default: 0] += 1 }
        }
        return seen
    }

    /// Compares the file with `expectedSeen`; returns the answers kept (the sum of `seen`).
    static func check(_ file: URL, run: Int) throws -> Int {
        let records = try QuizCourse.records(file)
        let seen = records.mapValues { $0["seen"] as? Int ?? 0 }
        #expect(seen == expectedSeen, "run \(run): answers lost or doubled")
        return seen.values.reduce(0, +)
    }

    @Test("4 processes answering in turn through pipes, 20 runs: every answer of every process is kept")
    func inTurn() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let root = try QuizCourse.make(lessons: 3, questions: Self.questions)
        var written = 0, kept = 0
        for run in 1...Self.runs {
            let file = root.appendingPathComponent("progress-\(run).json")
            let quizzes = try Self.lessons.map { lesson in
                try LiveProcess(binary, ["quiz", "--lesson", lesson, "--seed", "\(run)", "--attempts", "1",
                                         "--progress", file.path], in: root)
            }
            for quiz in quizzes { #expect(quiz.wait(for: "Question 1 of \(Self.questions)\n"), "\(quiz.stderr)") }
            // Question by question, each process in turn: each save comes after the others' saves of the round.
            for question in 1...Self.questions {
                for quiz in quizzes {
                    quiz.write(Data("a\n".utf8))
                    let next = question < Self.questions ? "Question \(question + 1) of \(Self.questions)\n" : "Score: "
                    #expect(quiz.wait(for: next), "run \(run), question \(question): \(quiz.stderr)")
                    written += 1
                }
            }
            for quiz in quizzes {
                #expect(quiz.finish() == 0)
                #expect(quiz.stderr.isEmpty)
            }
            kept += try Self.check(file, run: run)
        }
        #expect(kept == written)
        print("QuizConcurrencyFaultTests.inTurn: \(Self.processes) processes × \(Self.runs) runs: "
              + "\(written) answers written, \(kept) kept")
    }

    @Test("4 processes started at once with --answers, 20 runs: saves overlap and every answer is kept")
    func atOnce() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let root = try QuizCourse.make(lessons: 3, questions: Self.questions)
        let answers = Array(repeating: "a", count: Self.questions).joined(separator: ",")
        var written = 0, kept = 0
        for run in 1...Self.runs {
            let file = root.appendingPathComponent("progress-\(run).json")
            let quizzes = try Self.lessons.map { lesson in
                try LiveProcess(binary, ["quiz", "--lesson", lesson, "--answers", answers, "--progress", file.path],
                                in: root)
            }
            for quiz in quizzes {
                #expect(quiz.finish() == 0)
                #expect(quiz.stderr.isEmpty)
                written += Self.questions
            }
            kept += try Self.check(file, run: run)
            let folder = try FileManager.default.contentsOfDirectory(atPath: root.path)
            #expect(!folder.contains { $0.hasSuffix(".tmp") }, "run \(run): a temporary was left")
        }
        #expect(kept == written)
        print("QuizConcurrencyFaultTests.atOnce: \(Self.processes) processes × \(Self.runs) runs: "
              + "\(written) answers written, \(kept) kept")
    }
}
