import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

/// The real binary under faults: killed at each system call that saves progress (strace injects SIGKILL), fed a
/// line of many megabytes, and stopped with Ctrl-\ in a terminal (tmux).
@Suite("gradus quiz under faults", .serialized)
struct QuizFaultTests {
    static let root = TestEnvironment.packageRoot
    static let lessonOne = root.appendingPathComponent("Tests/GradusCLITests/Fixtures/lesson-one/content").path
    static let questions = 12

    /// A progress file with 50 records of another lesson, which every kill must leave in place.
    static func oldProgress() throws -> Data {
        var records: [String: Any] = [:]
        for index in 0..<50 {
            records["old/q\(index)"] = ["box": 1, "due": "2026-01-02T00:00:00Z", "first_try_right": 0,
                                         "last": "2026-01-01T00:00:00Z", "lesson": "old", "seen": 1]
        }
        return try JSONSerialization.data(withJSONObject: ["format": "gradus-progress", "version": 1, "questions": records])
    }

    /// Answers saved before the kill at the `n`th call of a save's system calls: each save makes one rename
    /// (after the temporary's fsync) and two fsyncs (the temporary, then the folder after the rename).
    static func savedBefore(_ syscall: String, _ n: Int) -> Int { syscall.hasPrefix("rename") ? n - 1 : n / 2 }

    @Test("SIGKILL at every rename and fsync of a save keeps every earlier answer; the next run removes the temporary",
          .enabled(if: TestEnvironment.wants("strace")))
    func killAtEachSave() throws {
        let strace = try #require(TestEnvironment.tool("strace"), "strace is needed for this test")
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let course = try QuizCourse.make(lessons: 1, questions: Self.questions)
        let progress = course.appendingPathComponent("progress.json")
        let old = try Self.oldProgress()
        let answers = Array(repeating: "a", count: Self.questions).joined(separator: ",")
        var previousTemporaries: [String] = []
        var kills = 0
        for (syscalls, calls) in [("rename,renameat,renameat2", Self.questions), ("fsync,fdatasync", 2 * Self.questions)] {
            for n in 1...calls {
                try old.write(to: progress)
                let run = try runProcess(strace, ["-f", "-o", "/dev/null", "-e", "trace=\(syscalls)",
                                                  "-e", "inject=\(syscalls):signal=KILL:when=\(n)", binary.path,
                                                  "quiz", "--lesson", "l1", "--attempts", "1", "--answers", answers,
                                                  "--progress", progress.path], in: course)
                // strace ends by the signal that ended its tracee; Foundation reports the signal's number.
                #expect(run.status == SIGKILL, "\(syscalls) #\(n): \(run.stderrText)")
                let records = try QuizCourse.records(progress)
                let new = records.filter { !$0.key.hasPrefix("old/") }
                #expect(records.count - new.count == 50, "\(syscalls) #\(n): old records lost")
                #expect(new.count == Self.savedBefore(syscalls, n), "\(syscalls) #\(n): \(new.count) answers kept")
                #expect(new.values.allSatisfy { $0["seen"] as? Int == 1 })
                let names = try FileManager.default.contentsOfDirectory(atPath: course.path)
                #expect(previousTemporaries.allSatisfy { !names.contains($0) }, "\(syscalls) #\(n): an old temporary survived")
                previousTemporaries = names.filter { $0.hasSuffix(".tmp") }
                kills += 1
            }
        }
        let final = try runProcess(binary, ["quiz", "--lesson", "l1", "--answers", answers, "--progress", progress.path],
                                   in: course)
        #expect(final.status == 0 && final.stderrText.isEmpty, "\(final.stderrText)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.path).filter { $0.hasSuffix(".tmp") }.isEmpty)
        #expect(try QuizCourse.records(progress).count == 50 + Self.questions)
        print("QuizFaultTests: \(kills) kills at renames and fsyncs, each keeping every answer saved before it")
    }

    /// The peak resident memory of process `pid` in bytes (`VmHWM` of /proc/PID/status).
    static func peakMemory(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) }) else { return nil }
        return kilobytes * 1024
    }

    @Test("A 64 MB input line is refused with a warning, without holding it in memory, and the quiz goes on")
    func longLine() throws {
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let folder = try makeScratchFolder("gradus-long-line")
        let quiz = try LiveProcess(binary, ["quiz", "--content", Self.lessonOne, "--lang", "en", "--seed", "1",
                                            "--attempts", "1", "--progress", folder.appendingPathComponent("p.json").path])
        #expect(quiz.wait(for: "Your answer"))
        let before = try #require(Self.peakMemory(quiz.pid))
        let size = 64 << 20
        quiz.write(Data(repeating: UInt8(ascii: "x"), count: size) + Data("\n".utf8))
        let warning = "gradus: warning: ignored an input line of \(size) bytes; lines are limited to 4096 bytes\n"
        #expect(quiz.wait(for: warning, inErrors: true), "\(quiz.stderr)")
        let after = try #require(Self.peakMemory(quiz.pid))
        #expect(after - before < 8 << 20, "peak memory grew by \(after - before) bytes reading the line")
        quiz.write(Data("a\na\n".utf8))
        #expect(quiz.finish() == 0)
        #expect(quiz.stderr == warning)
        #expect(quiz.stdout.contains("Question 2 of 2") && quiz.stdout.contains("Score: "))
        #expect(!quiz.stdout.contains("Session ended"))
    }

    @Test("Ctrl-\\ ends the quiz like Ctrl-C: summary, exit 130, answers kept, terminal mode unchanged, no crash report",
          .enabled(if: TestEnvironment.wants("tmux")))
    func quitKey() throws {
        let tmux = try #require(TestEnvironment.tool("tmux"), "tmux is needed for this test")
        let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
        let progress = try makeScratchFolder("gradus-quit").appendingPathComponent("progress.json")
        // The shell outlives the signal (a trap with a command is reset to the default in the child) to print the
        // exit code and whether the terminal's settings changed.
        let command = "trap 'true' INT QUIT; cd '\(Self.root.path)'; before=$(stty -g); "
            + "env -u NO_COLOR TERM=xterm-256color '\(binary.path)' quiz --content '\(Self.lessonOne)' --lang en --seed 2 "
            + "--attempts 1 --progress '\(progress.path)'; code=$?; echo \"EXIT=$code\"; "
            + "if [ \"$before\" = \"$(stty -g)\" ]; then echo MODE=KEPT; else echo MODE=CHANGED; fi; sleep 60"
        let pane = try TmuxPane(tmux: tmux, command: command)
        #expect(pane.wait(for: "Your answer"), "\(pane.screen())")
        pane.send("a", literal: true)
        pane.send("Enter")
        #expect(pane.wait(for: "Question 2 of 2"))
        pane.send("C-\\")
        #expect(pane.wait(for: "MODE="), "\(pane.screen())")
        let screen = pane.screen()
        #expect(screen.contains("EXIT=130"), "\(screen)")
        #expect(screen.contains("MODE=KEPT"))
        #expect(screen.contains("Score: "), "the summary is printed")
        for crash in ["Quit", "core dumped", "crashed", "Backtrace", "💣"] { #expect(!screen.contains(crash), "\(screen)") }
        #expect(try QuizCourse.records(progress).count == 1, "the first answer was kept")
    }
}

extension QuizFaultTests {
    @Test("Saves that fail warn once, and the answers left unsaved are counted at the end; the quiz still finishes")
    func unsaved() throws {
        let folder = try makeScratchFolder("gradus-unsaved")
        // A file where the progress file's folder should be: that folder can never be created.
        try Data().write(to: folder.appendingPathComponent("d"))
        let file = folder.appendingPathComponent("d/sub/p.json").path
        let run = CLIRun(["quiz", "--content", Self.lessonOne, "--lang", "en", "--answers", "a,b", "--progress", file])
        #expect(run.status == 0)
        #expect(run.err == "gradus: warning: progress not saved: cannot write \(file): cannot create \(folder.path)/d/sub\n"
                + "gradus: warning: 2 answers of this session could not be saved to \(file)\n")
        #expect(run.out.contains("Score: "))
    }
}
