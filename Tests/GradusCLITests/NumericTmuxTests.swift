import Foundation
import Testing
import GradusTestSupport

/// Numeric and computed questions as a learner meets them in a real terminal: the starter course of
/// `gradus init --lang pt`, which has one of each, answered with a decimal comma.
@Suite("Numeric questions in a terminal", .serialized)
struct NumericTmuxTests {
    static let binary = TestEnvironment.packageRoot.appendingPathComponent(".build/debug/gradus")

    @Test("A wrong form gets a hint, a decimal comma is read, and a missed computed question asks new numbers",
          .enabled(if: TestEnvironment.wants("tmux")))
    func session() throws {
        let tmux = try #require(TestEnvironment.tool("tmux"), "tmux is needed for this test")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-numeric-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let initRun = try runProcess(Self.binary, ["init", folder.appendingPathComponent("course").path, "--lang", "pt"])
        #expect(initRun.status == 0)
        let course = folder.appendingPathComponent("course")
        let command = "cd '\(course.path)' && env -u NO_COLOR TERM=xterm-256color '\(Self.binary.path)' quiz --lang pt --seed 5 "
            + "--progress '\(folder.path)/progress.json'; echo \"EXIT=$?\"; sleep 60"
        let pane = try TmuxPane(tmux: tmux, command: command, width: 100, height: 60)
        var sawHint = false, sawRedraw = false, answeredNumeric = 0
        for number in 1...6 {
            #expect(pane.wait(for: "Pergunta \(number) de 6", timeout: 20), "\(pane.screen())")
            #expect(pane.wait(for: "Sua resposta", timeout: 10))
            Thread.sleep(forTimeInterval: 0.2)
            let question = pane.screen().components(separatedBy: "Pergunta \(number) de 6").last ?? ""
            if question.contains("Quanto vale σ′(0)?") {
                pane.send("um quarto", literal: true)
                pane.send("Enter")
                #expect(pane.wait(for: "Digite um número, como 0,25, 1/4 ou 2,5e-1.", timeout: 10), "\(pane.screen())")
                sawHint = true
                pane.send("0,25", literal: true)
                pane.send("Enter")
                #expect(pane.wait(for: "Você acertou!", timeout: 10))
                answeredNumeric += 1
            } else if let s = Self.shownSigmoid(in: question) {
                pane.send("0,9", literal: true)
                pane.send("Enter")
                #expect(pane.wait(for: "Tente novamente", timeout: 10))
                Thread.sleep(forTimeInterval: 0.3)
                let again = pane.screen().components(separatedBy: "Tente novamente").last ?? ""
                let t = try #require(Self.shownSigmoid(in: again), "the question is asked again: \(pane.screen())")
                #expect(t != s, "new numbers after a miss")
                sawRedraw = true
                pane.send(Self.comma(t * (1 - t)), literal: true)
                pane.send("Enter")
                #expect(pane.wait(for: "Você acertou!", timeout: 10), "\(pane.screen())")
                answeredNumeric += 1
            } else {
                // Any option: a miss and a second miss end the question as well as a hit does.
                let next = number == 6 ? "EXIT=" : "Pergunta \(number + 1) de 6"
                pane.send("a", literal: true)
                pane.send("Enter")
                if !pane.wait(for: next, timeout: 3) {
                    pane.send("b", literal: true)
                    pane.send("Enter")
                }
            }
        }
        #expect(pane.wait(for: "EXIT=0", timeout: 20), "\(pane.screen())")
        #expect(sawHint && sawRedraw && answeredNumeric == 2)
        let progress = try Data(contentsOf: folder.appendingPathComponent("progress.json"))
        let text = String(decoding: progress, as: UTF8.self)
        #expect(text.contains("getting-started/slope-at-zero") && text.contains("getting-started/slope-at-z\""),
                "both are recorded as progress")
    }

    /// s in the last "Sabendo que σ(z) = s" on screen.
    static func shownSigmoid(in text: String) -> Double? {
        guard let range = text.range(of: "Sabendo que σ(", options: .backwards) else { return nil }
        let rest = text[range.upperBound...]
        guard let equals = rest.range(of: ") = ") else { return nil }
        // "0,475, quanto vale…": the number ends at the comma that a space follows.
        var value = String(rest[equals.upperBound...].prefix { $0.isNumber || $0 == "," })
        while value.hasSuffix(",") { value.removeLast() }
        return Double(value.replacingOccurrences(of: ",", with: "."))
    }

    static func comma(_ x: Double) -> String { String(format: "%.5f", x).replacingOccurrences(of: ".", with: ",") }
}
