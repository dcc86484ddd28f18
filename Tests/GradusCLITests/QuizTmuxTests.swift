import Foundation
import Testing
import GradusTestSupport

/// The real binary in a real terminal (tmux): what a person sees, colours, wrapping at 80 columns, Ctrl-C. On the
/// frozen one-lesson fixture (two questions), not the course that authors keep changing.
@Suite("gradus quiz in a terminal", .serialized)
struct QuizTmuxTests {
    static let root = TestEnvironment.packageRoot
    static let binary = root.appendingPathComponent(".build/debug/gradus")

    func start(_ arguments: String, environment: String = "") throws -> (TmuxPane, URL) {
        let tmux = try #require(TestEnvironment.tool("tmux"), "tmux is needed for this test")
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the debug binary first")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-tmux-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let progress = folder.appendingPathComponent("progress.json")
        // The shell outlives a Ctrl-C (a trap with a command is reset to the default in the child) to print the code.
        let command = "trap 'true' INT; cd '\(Self.root.path)' && env -u NO_COLOR TERM=xterm-256color \(environment) '\(Self.binary.path)' quiz "
            + "--content Tests/GradusCLITests/Fixtures/lesson-one/content --progress '\(progress.path)' \(arguments); echo \"EXIT=$?\"; sleep 60"
        return (try TmuxPane(tmux: tmux, command: command), progress)
    }

    @Test("A learner sees the title, lettered options, styled feedback and the score", .enabled(if: TestEnvironment.wants("tmux")))
    func session() throws {
        let (pane, _) = try start("--lang en --seed 3")
        #expect(pane.wait(for: "Your answer (letter or number): "), "\(pane.screen())")
        let first = pane.screen()
        #expect(first.hasPrefix("Backpropagation and the chain rule\n\nQuestion 1 of 2\n"))
        #expect(first.contains("  a) ") && first.contains("  b) ") && first.contains("  c) "))
        #expect(pane.screen(escapes: true).hasPrefix("\u{1B}[1mBackpropagation"), "bold on a TTY")
        pane.send("q", literal: true)
        pane.send("Enter")
        #expect(pane.wait(for: "Invalid answer; type one of the letters a, b, c"))
        for _ in 0..<4 {
            pane.send("a", literal: true)
            pane.send("Enter")
            Thread.sleep(forTimeInterval: 0.2)
        }
        #expect(pane.wait(for: "EXIT=0"), "\(pane.screen())")
        let end = pane.screen()
        #expect(end.contains("Score: "))
        #expect(end.split(separator: "\n").allSatisfy { $0.count <= 80 })
    }

    @Test("NO_COLOR turns styling off even on a terminal", .enabled(if: TestEnvironment.wants("tmux")))
    func noColor() throws {
        let (pane, _) = try start("--lang de --seed 1", environment: "NO_COLOR=1")
        #expect(pane.wait(for: "Deine Antwort"))
        #expect(!pane.screen(escapes: true).contains("\u{1B}[1m"))
    }

    @Test("Ctrl-C ends with the summary and exit code 130, keeping the answers recorded so far",
          .enabled(if: TestEnvironment.wants("tmux")))
    func interrupt() throws {
        let (pane, progress) = try start("--lang pt --seed 2")
        #expect(pane.wait(for: "Sua resposta"))
        pane.send("a", literal: true)
        pane.send("Enter")
        if !pane.wait(for: "Pergunta 2 de 2", timeout: 2) {
            pane.send("b", literal: true)
            pane.send("Enter")
        }
        #expect(pane.wait(for: "Pergunta 2 de 2"))
        pane.send("C-c")
        #expect(pane.wait(for: "EXIT=130"), "\(pane.screen())")
        #expect(pane.screen().contains("Pontuação: "))
        let stored = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: progress)) as? [String: Any])
        #expect((stored["questions"] as? [String: Any])?.count == 1, "the first question's result was kept")
    }

    @Test("Ctrl-D ends the session with a summary", .enabled(if: TestEnvironment.wants("tmux")))
    func endOfInput() throws {
        let (pane, _) = try start("--lang en --seed 2")
        #expect(pane.wait(for: "Your answer"))
        pane.send("C-d")
        #expect(pane.wait(for: "EXIT=0"), "\(pane.screen())")
        #expect(pane.screen().contains("Session ended.\n\nScore: 0 of 2 on the first try, 0 of 2 in all."))
    }
}
