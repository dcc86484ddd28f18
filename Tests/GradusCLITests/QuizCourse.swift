import Foundation
import GradusTestSupport

/// Courses of true-false statements written into a scratch folder, for tests that run many real quizzes: lesson
/// `lN` has questions `lN/q00`…, each true, so that `a` is not always right (options shuffle by the seed) but
/// every answer finishes its question with `--attempts 1`.
enum QuizCourse {
    /// A course of `lessons` lessons of `questions` statements each; returns the folder holding `content/`.
    static func make(lessons: Int, questions: Int) throws -> URL {
        let root = try makeScratchFolder("gradus-quiz-course")
        let folder = root.appendingPathComponent("content/lessons")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try "languages: [en]\ndefault: en\n".write(to: root.appendingPathComponent("content/course.yml"),
                                                   atomically: true, encoding: .utf8)
        try "---\ntitle: Q\ndescription: Many quizzes.\n---\nHi.\n"
            .write(to: root.appendingPathComponent("content/course.en.md"), atomically: true, encoding: .utf8)
        for lesson in 1...lessons {
            var text = "---\ntitle: Lesson \(lesson)\n---\n## Start {#start}\n\nText.\n\n"
            for index in 0..<questions {
                text += "::: quiz true-false\nid: l\(lesson)/q\(String(format: "%02d", index))\nanswer: true\n"
                    + "### Statement \(lesson).\(index) holds.\n:::\n\n"
            }
            try text.write(to: folder.appendingPathComponent(String(format: "%02d-l%d.en.md", lesson, lesson)),
                           atomically: true, encoding: .utf8)
        }
        return root
    }

    /// The question records of a progress file, read by Foundation's JSON parser (not Gradus' own).
    static func records(_ url: URL) throws -> [String: [String: Any]] {
        guard let object = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any],
              object["format"] as? String == "gradus-progress",
              let questions = object["questions"] as? [String: [String: Any]] else {
            throw QuizCourseFailure(description: "\(url.path) is not a progress file")
        }
        return questions
    }
}

struct QuizCourseFailure: Error, CustomStringConvertible {
    var description: String
}
