import Foundation
import Testing
import GradusQuiz
import GradusSimulation
import GradusTestSupport
@testable import GradusContent

/// What every lesson of this repository's course offers in every language: questions that make the reader
/// compute, one generated "not mentioned" question, exercises with solutions, and its sources in full.
@Suite("The course's own standard")
struct CourseStandardsTests {
    static let compiled: CompiledCourse? = {
        let content = TestEnvironment.packageRoot.appendingPathComponent("content")
        guard let course = try? ContentLoader(root: content, displayRoot: "content").load() else { return nil }
        return try? LessonCompiler(registry: .standard, words: InterfaceWords.all).compile(course)
    }()

    @Test("Every lesson in every language: ≥ 8 questions, ≥ 3 of them numeric or computed, one not-mentioned, ≥ 2 exercises with solutions")
    func questionsAndExercises() throws {
        let course = try #require(Self.compiled)
        #expect(course.lessons.count >= 14)
        for lesson in course.lessons {
            #expect(lesson.translations.count == 3, "\(lesson.slug)")
            for (language, translation) in lesson.translations {
                let place = "\(lesson.slug).\(language.code)"
                let questions = translation.questions.map(\.question)
                #expect(questions.count >= 8, "\(place): \(questions.count) questions")
                let computing = questions.filter { $0.kind == .numeric || $0.computed != nil }
                #expect(computing.count >= 3, "\(place): \(computing.count) numeric or computed")
                #expect(questions.filter { $0.kind == .notMentioned }.count == 1, "\(place)")
                #expect(translation.exercises.count >= 2, "\(place): \(translation.exercises.count) exercises")
                #expect(translation.exercises.allSatisfy { $0.solutionNode != nil }, "\(place): an exercise without solution")
            }
        }
    }

    @Test("Every lesson ends with its references: each entry names a year, and Hochreiter's 1991 thesis is cited")
    func references() throws {
        let course = try #require(Self.compiled)
        var citesHochreiter1991 = Set<String>()
        for lesson in course.lessons {
            for (language, translation) in lesson.translations {
                let place = "\(lesson.slug).\(language.code)"
                let sections = translation.outline.filter { $0.level == 2 }
                #expect(sections.last?.id == "references", "\(place): last section is \(sections.last?.id ?? "none")")
                let body = translation.source.file.body
                guard let start = body.range(of: "{#references}") else { continue }
                let entries = body[start.upperBound...].split(separator: "\n").filter { $0.hasPrefix("- ") }
                #expect(entries.count >= 1, "\(place)")
                for entry in entries {
                    #expect(entry.contains(/\((1[89]|20)\d\d[a-z]?\)/), "\(place): \(entry)")
                }
                if body[start.upperBound...].contains("Hochreiter, S. (1991)") { citesHochreiter1991.insert(language.code) }
            }
        }
        #expect(citesHochreiter1991 == ["pt", "de", "en"])
    }

    @Test("The figures the course draws are in its assets and shown with alt text in every language")
    func figures() throws {
        let course = try #require(Self.compiled)
        let figures = ["backpropagation": ["computation-graph.svg"], "lstm-gru": ["lstm-cell.svg", "gru-cell.svg"],
                       "residual-connections": ["residual-block.svg"]]
        let assets = TestEnvironment.packageRoot.appendingPathComponent("content/assets")
        for (slug, files) in figures {
            let lesson = try #require(course.lessons.first { $0.slug == slug })
            for file in files {
                let svg = try String(contentsOf: assets.appendingPathComponent(file), encoding: .utf8)
                #expect(svg.contains("prefers-color-scheme: dark"), "\(file) has a dark variant")
                for (language, translation) in lesson.translations {
                    let body = translation.source.file.body
                    let alts = body.matches(of: /!\[([^\]]+)\]\(assets\/([a-z-]+\.svg)\)/).filter { $0.output.2 == file }
                    #expect(alts.count == 1, "\(slug).\(language.code) shows \(file) once")
                    #expect((alts.first?.output.1.count ?? 0) >= 80, "\(slug).\(language.code): alt text of \(file) describes it")
                }
            }
        }
    }
}
