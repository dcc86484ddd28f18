import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

@Suite("gradus build")
struct BuildCommandTests {
    /// A copy of the real course and templates in a fresh folder, so tests may break it.
    func workspace() throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-build-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["content", "templates"] {
            try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent(folder),
                                             to: root.appendingPathComponent(folder))
        }
        return root
    }

    @Test("The real course builds into _site: root, language indexes and the lesson in every language")
    func realCourse() throws {
        let root = try workspace()
        let run = CLIRun(["build"], in: root)
        #expect(run.status == 0, "\(run.err)")
        for path in ["index.html", "404.html", "en/404.html", "pt/index.html", "de/index.html", "en/index.html",
                     "pt/backpropagation/index.html", "de/backpropagation/index.html", "en/backpropagation/index.html",
                     "static/style.css"] {
            #expect(FileManager.default.fileExists(atPath: root.appendingPathComponent("_site/\(path)").path), "\(path)")
        }
        let lessons = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("content/lessons").path)
            .filter { $0.hasSuffix(".pt.md") }.count
        // Per language an index, every lesson and a 404 page, plus the root page and its 404.
        #expect(run.err.hasPrefix("Built \(3 * (lessons + 2) + 2) pages in 3 languages with "))
        let page = try String(contentsOf: root.appendingPathComponent("_site/pt/backpropagation/index.html"), encoding: .utf8)
        #expect(page.contains("<html lang=\"pt-BR\">"))
        #expect(page.contains("Retropropagação e a regra da cadeia"))
        #expect(page.contains("<th scope=\"col\">σ′(x)</th>"))
        #expect(page.contains("<td>0,25</td>"))
    }

    @Test("A content error writes nothing, keeps the previous site and exits 65 with path:line:column")
    func contentError() throws {
        let root = try workspace()
        #expect(CLIRun(["build"], in: root).status == 0)
        let page = root.appendingPathComponent("_site/en/backpropagation/index.html")
        let before = try Data(contentsOf: page)
        let lesson = root.appendingPathComponent("content/lessons/01-backpropagation.en.md")
        var text = try String(contentsOf: lesson, encoding: .utf8)
        text = text.replacingOccurrences(of: "::: simulation activation-derivatives", with: "::: simulation activation-derivative")
        try text.write(to: lesson, atomically: true, encoding: .utf8)
        let run = CLIRun(["build"], in: root)
        #expect(run.status == 65)
        let line = 1 + (text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0 == "::: simulation activation-derivative" } ?? -1)
        #expect(run.err.contains("content/lessons/01-backpropagation.en.md:\(line):1: error: unknown simulation 'activation-derivative'; did you mean 'activation-derivatives'?"))
        #expect(run.err.hasSuffix("gradus: 1 error; nothing was written\n"))
        #expect(try Data(contentsOf: page) == before)
    }

    @Test("Usage errors of build exit 64")
    func usage() throws {
        #expect(CLIRun(["build", "--base-url", "example.org"]).status == 64)
        #expect(CLIRun(["build", "--out"]).status == 64)
        #expect(CLIRun(["build", "--lang="]).status == 64)
    }
}
