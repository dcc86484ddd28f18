import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

/// What a user types, shown back safely and read within bounds: control characters in echoed arguments are
/// escaped, and a line longer than the limit is skipped without being held in memory.
@Suite("Quiz input faults")
struct QuizInputFaultTests {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("Fixtures/lesson-one/content").path

    /// Whether `text` holds a character that a terminal would act on (other than a line break).
    static func hasControls(_ text: String) -> Bool {
        text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F...0x9F).contains($0.value) }
    }

    @Test("Control characters, C1 controls and bidirectional overrides are escaped as \\u{…}; other text is kept",
          arguments: [
              ("a\u{1B}[2J", "a\\u{1B}[2J"), ("\u{0}\u{7}\u{7F}", "\\u{0}\\u{7}\\u{7F}"), ("x\u{9B}31m", "x\\u{9B}31m"),
              ("abc\u{202E}fdp.exe", "abc\\u{202E}fdp.exe"), ("tab\there\r\n", "tab\\u{9}here\\u{D}\\u{A}"),
              ("é 日本 👩‍💻 C:\\dir", "é 日本 👩‍💻 C:\\dir"),
          ])
    func escaping(_ raw: String, _ shown: String) {
        #expect(raw.escapingControls == shown)
        #expect(!Self.hasControls(raw.escapingControls))
    }

    @Test("An --answers entry with an escape sequence is echoed escaped in the error, never raw")
    func answersEcho() {
        let run = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "b,a\u{1B}]0;pwned\u{7}"])
        #expect(run.status == 64)
        #expect(run.err == "gradus: error: invalid answer 'a\\u{1B}]0;pwned\\u{7}' for question 2 "
                + "(expected one letter among a, b, c)\n")
    }

    @Test("A lesson, a seed and an option value with control characters are echoed escaped")
    func otherEchoes() throws {
        let progress = try makeScratchFolder("gradus-input").appendingPathComponent("p.json").path
        let lesson = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--lesson", "back\u{1B}[8m",
                             "--progress", progress])
        #expect(lesson.status == 64)
        #expect(lesson.err.hasPrefix("gradus: error: unknown lesson 'back\\u{1B}[8m' ("))
        let seed = CLIRun(["quiz", "--content", Self.content, "--seed", "1\u{8}2"])
        #expect(seed.err.hasPrefix("gradus: error: --seed expects a whole number from 0 to 18446744073709551615, found '1\\u{8}2'"))
        let format = CLIRun(["quiz", "--content", Self.content, "--format", "js\u{1B}on"])
        #expect(format.err.hasPrefix("gradus: error: invalid value 'js\\u{1B}on' for --format"))
        for run in [lesson, seed, format] { #expect(!Self.hasControls(run.err), "\(run.err)") }
    }

    @Test("A scripted transcript shows the chosen letters, not the entries as typed")
    func transcript() throws {
        let progress = try makeScratchFolder("gradus-input").appendingPathComponent("p.json").path
        let run = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "a\t,\tb",
                          "--progress", progress])
        #expect(run.status == 0, "\(run.err)")
        #expect(run.out.contains("\n> a\n") && run.out.contains("\n> b\n"))
        #expect(!Self.hasControls(run.out))
    }

    /// Feeds `input` to a pipe from another thread and reads it back through a `LineReader`.
    static func lines(_ input: Data, limit: Int = LineReader.defaultLimit) -> ([LineReader.Line], capacity: Int) {
        let pipe = Pipe()
        let writer = pipe.fileHandleForWriting
        Thread.detachNewThread {
            try? writer.write(contentsOf: input)
            try? writer.close()
        }
        let reader = LineReader(fd: pipe.fileHandleForReading.fileDescriptor, limit: limit)
        var lines: [LineReader.Line] = []
        var capacity = 0
        while true {
            let line = reader.next()
            capacity = max(capacity, reader.bufferCapacity)
            lines.append(line)
            if line == .end { return (lines, capacity) }
        }
    }

    @Test("A 5 MB line is skipped and reported by its length while the buffer stays under 64 kB; lines around it are read")
    func longLine() {
        let long = Data(repeating: UInt8(ascii: "x"), count: 5_000_000)
        let limit = String(repeating: "y", count: 4_096)
        let input = Data("short\n".utf8) + long + Data("\nafter\r\n\(limit)\n\(limit)z\n".utf8) + long
            + Data("\r\nlast".utf8)
        let (lines, capacity) = Self.lines(input)
        #expect(lines == [.text("short"), .tooLong(bytes: 5_000_000), .text("after"), .text(limit),
                          .tooLong(bytes: 4_097), .tooLong(bytes: 5_000_000), .text("last"), .end])
        #expect(capacity < 65_536, "the reader held \(capacity) bytes")
    }

    @Test("A too long last line without a line break is reported, then the end")
    func longLastLine() {
        let (lines, _) = Self.lines(Data(repeating: UInt8(ascii: "x"), count: 100_000), limit: 10)
        #expect(lines == [.tooLong(bytes: 100_000), .end])
    }

    @Test("A device or a FIFO as the progress file is refused at once and left as it is")
    func progressThatIsNoFile() throws {
        let folder = try makeScratchFolder("gradus-progress-device")
        let fifo = folder.appendingPathComponent("fifo").path
        try #require(mkfifo(fifo, 0o600) == 0)
        for path in ["/dev/null", "/dev/zero", fifo] {
            let run = CLIRun(["quiz", "--content", Self.content, "--lang", "en", "--answers", "a,a", "--progress", path])
            #expect(run.status == 1, "\(path): \(run.err)")
            #expect(run.err.contains("not a regular file"), "\(path): \(run.err)")
        }
        var info = stat()
        #expect(lstat("/dev/null", &info) == 0 && (info.st_mode & S_IFMT) == S_IFCHR, "/dev/null is still a device")
        #expect(lstat(fifo, &info) == 0 && (info.st_mode & S_IFMT) == S_IFIFO)
    }

    @Test("Control characters in a course's question, options and lesson title reach the terminal escaped")
    func controlsFromTheCourse() throws {
        let root = try FaultMessagesTests.workspace()
        let lesson = "---\ntitle: \"Title \u{1B}]0;owned\u{7}\"\n---\n::: quiz\n### Pick \u{1B}[5mBLINK one\n\n- [x] yes\u{1B}[8m\n- [ ] no\n:::\n"
        try lesson.write(to: root.appendingPathComponent("content/lessons/09-x.en.md"), atomically: true, encoding: .utf8)
        let run = CLIRun(["quiz", "--lesson", "x", "--lang", "en", "--answers", "a", "--progress",
                          root.appendingPathComponent("p.json").path], in: root)
        #expect(run.status == 0, "\(run.err)")
        #expect(!run.out.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\u{7}" }, "\(run.out.debugDescription)")
        #expect(run.out.contains("Pick \\u{1B}[5mBLINK one"), "\(run.out)")
        #expect(run.out.contains("Title \\u{1B}]0;owned\\u{7}"), "\(run.out)")
    }
}
