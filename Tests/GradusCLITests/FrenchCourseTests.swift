import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

/// A course in a language Gradus has no words for: the mini course in French, with its author's words file
/// (`Fixtures/french/templates/i18n/fr.json`). Every command speaks French without a change to Gradus.
@Suite("A course in French")
struct FrenchCourseTests {
    /// The mini course's assets with the French lessons, pool, course.yml (`languages: [fr]`) and words.
    static func course() throws -> URL {
        let root = try makeScratchFolder("gradus-french")
        let fileManager = FileManager.default
        let mini = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Fixtures/mini/content")
        try fileManager.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try fileManager.copyItem(at: mini.appendingPathComponent("assets"), to: root.appendingPathComponent("content/assets"))
        let french = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/french")
        for path in try fileManager.subpathsOfDirectory(atPath: french.path).sorted() {
            let source = french.appendingPathComponent(path), target = root.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if fileManager.fileExists(atPath: source.path, isDirectory: &isFolder), isFolder.boolValue {
                try fileManager.createDirectory(at: target, withIntermediateDirectories: true)
            } else {
                try fileManager.copyItem(at: source, to: target)
            }
        }
        return root
    }

    @Test("The site builds without a warning; its pages show the French true/false words and decimal commas")
    func site() throws {
        let root = try Self.course()
        let run = CLIRun(["build"], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.hasPrefix("Built ") && !run.err.contains("warning"), "\(run.err)")
        let page = try String(contentsOf: root.appendingPathComponent("_site/fr/first/index.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"fr\""))
        #expect(page.contains("<label for=\"quiz-first-sigmoid-0\">Vrai</label>"))
        #expect(page.contains("<label for=\"quiz-first-sigmoid-1\">Faux</label>"))
        #expect(page.contains("<td>0,25</td>"), "σ′(0) = 1/4 with the decimal comma of fr.json")
        let second = try String(contentsOf: root.appendingPathComponent("_site/fr/second/index.html"), encoding: .utf8)
        #expect(second.contains("Lequel de ces éléments n’est <strong>PAS</strong> mentionné dans la leçon\u{202F}?"))
        #expect(second.contains("«\u{A0}Arrêt précoce\u{A0}» n’en fait pas partie."))
    }

    @Test("gradus quiz --answers speaks French: options, feedback and score")
    func quiz() throws {
        let root = try Self.course()
        let progress = root.appendingPathComponent("p.json").path
        let run = CLIRun(["quiz", "--answers", "a,a", "--progress", progress], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.isEmpty, "\(run.err)")
        #expect(run.out.contains("Question 1 sur 2"))
        #expect(run.out.contains(") Vrai\n") && run.out.contains(") Faux\n"))
        #expect(run.out.contains("Score\u{A0}: "))
        #expect(!run.out.contains("True") && !run.out.contains("False") && !run.out.contains("Question 1 of"))
        let list = CLIRun(["quiz", "--list", "--progress", progress], in: root)
        #expect(list.out.hasPrefix("Leçons\u{A0}:\n  first   Première leçon  (2 questions, 2 répondues, "))
        #expect(list.out.contains("  second  Deuxième leçon  (1 question, 0 répondue"))
    }

    @Test("gradus export-quiz writes the French options and the generated explanation")
    func export() throws {
        let root = try Self.course()
        let run = CLIRun(["export-quiz", "--format", "json"], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("\"plain\": \"Vrai\"") && run.out.contains("\"plain\": \"Faux\""))
        #expect(run.out.contains("n’en fait pas partie."))
    }

    @Test("gradus simulate --lang fr uses the course's words; outside a course it names the languages that have some")
    func simulate() throws {
        let root = try Self.course()
        let inside = CLIRun(["simulate", "activation-derivatives", "--set", "steps=2", "--lang", "fr", "--format", "markdown"],
                            in: root.appendingPathComponent("content/lessons"))
        #expect(inside.status == 0, "\(inside.err)")
        #expect(inside.out.contains("| 0,25 |"))
        let outside = CLIRun(["simulate", "activation-derivatives", "--lang", "fr"], in: try makeScratchFolder("gradus-nowhere"))
        #expect(outside.status == 64)
        #expect(outside.err == "gradus: error: no interface words for 'fr' (languages with words: de, en, pt; "
                + "a course adds one with templates/i18n/fr.json)\n")
    }
}
