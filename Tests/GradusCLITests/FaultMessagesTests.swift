import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI
import GradusContent

/// docs/errors.md, the table of every diagnostic with an example input, checked against the real program so that
/// it never goes stale: each row runs in-process and must print its message and end with its exit code.
@Suite("docs/errors.md")
struct FaultMessagesTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var command: [String]
        var file: String?
        var input: String?
        var exit: Int32
        var message: String
        var testDescription: String { "\(command.joined(separator: " ")) \(file ?? "")" }
    }

    static let document = (try? String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("docs/errors.md"),
                                       encoding: .utf8)) ?? ""

    /// The table's cells, split at unescaped '|', unescaped, and stripped of their code backticks.
    static func cells(_ line: String) -> [String] {
        var cells: [String] = [], current = "", escaped = false
        for character in line.dropFirst() {
            if escaped {
                if character != "|" { current.append("\\") }
                current.append(character)
                escaped = false
                continue
            }
            switch character {
            case "\\": escaped = true
            case "|": cells.append(current); current = ""
            default: current.append(character)
            }
        }
        return cells.map { cell in
            var text = cell.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("`") && text.hasSuffix("`") && text.count >= 2 { text = String(text.dropFirst().dropLast()) }
            return text
        }
    }

    static var rows: [Row] {
        document.split(separator: "\n").filter { $0.hasPrefix("| `gradus") }.map { line in
            let cells = cells(String(line))
            return Row(command: Array(cells[0].split(separator: " ").dropFirst().map {
                           $0.replacingOccurrences(of: "␛", with: "\u{1B}") }),
                       file: cells[1] == "—" ? nil : cells[1],
                       input: cells[2] == "—" ? nil : cells[2].replacingOccurrences(of: "↵", with: "\n"),
                       exit: Int32(cells[3]) ?? -1, message: cells[4])
        }
    }

    /// The mini course, its missing translations added, with the templates and a Mustache template and data file.
    static func workspace() throws -> URL {
        let root = try makeScratchFolder("gradus-errors")
        let fileManager = FileManager.default
        try fileManager.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Fixtures/mini/content"),
                                 to: root.appendingPathComponent("content"))
        try fileManager.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                 to: root.appendingPathComponent("templates"))
        let lessons = root.appendingPathComponent("content/lessons")
        try fileManager.copyItem(at: lessons.appendingPathComponent("02-second.en.md"), to: lessons.appendingPathComponent("02-second.de.md"))
        try "---\ntitle: X\n---\nText.\n".write(to: lessons.appendingPathComponent("09-x.de.md"), atomically: true, encoding: .utf8)
        try "{{a}}\n".write(to: root.appendingPathComponent("t.mustache"), atomically: true, encoding: .utf8)
        try "{}".write(to: root.appendingPathComponent("d.json"), atomically: true, encoding: .utf8)
        return root
    }

    /// The example input's bytes: UTF-8, with `\xHH` standing for the single byte HH.
    static func bytes(_ input: String) -> Data {
        var data = Data(), rest = Substring(input)
        while let escape = rest.range(of: "\\x") {
            data += Data(rest[..<escape.lowerBound].utf8)
            let hex = rest[escape.upperBound...].prefix(2)
            if hex.count == 2, let byte = UInt8(hex, radix: 16) {
                data.append(byte)
                rest = rest[rest.index(escape.upperBound, offsetBy: 2)...]
            } else {
                data += Data("\\x".utf8)
                rest = rest[escape.upperBound...]
            }
        }
        return data + Data(rest.utf8)
    }

    @Test("The table has a row for each kind of diagnostic")
    func tableIsThere() {
        #expect(Self.rows.count >= 90)
    }

    @Test("Each row's example prints its message and exits with its code", arguments: rows)
    func row(_ row: Row) throws {
        let root = try Self.workspace()
        if let file = row.file, let input = row.input {
            let url = root.appendingPathComponent(file)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Self.bytes(input).write(to: url)
        }
        let run = CLIRun(row.command, in: root)
        let lines = run.err.split(separator: "\n").map(String.init)
        let errors = lines.filter { $0.contains(" error: ") || $0.hasPrefix("gradus: error:") }
        let printed = (run.status != 0 && !errors.isEmpty ? errors : lines.filter { $0.contains("warning:") }).map {
            $0.replacingOccurrences(of: root.standardizedFileURL.path, with: "[ROOT]").replacingOccurrences(of: root.path, with: "[ROOT]")
        }
        #expect(run.status == row.exit, "\(run.err)")
        #expect(printed.contains(row.message), "printed: \(printed)")
    }

    /// The static parts (between interpolations, 6 characters or more) of the first message literal of each
    /// diagnostic call in `source`.
    static func messageFragments(_ source: String) -> [String] {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fragments: [String] = []
        for (index, line) in lines.enumerated()
        where line.contains(".error(at:") || line.contains(".warning(at:") || line.contains("throw error(") {
            let chunk = line + (index + 1 < lines.count ? "\n" + lines[index + 1] : "")
            guard let literal = literals(chunk).first(where: { $0.contains(" ") }) else { continue }
            fragments += staticParts(literal).filter { $0.count >= 6 }
        }
        return fragments
    }

    /// The string literals of `code`, escapes kept as written except `\"` and `\\`.
    static func literals(_ code: String) -> [String] {
        var result: [String] = [], current = "", inside = false, depth = 0
        var characters = Array(code)[...]
        while let character = characters.popFirst() {
            guard inside else { if character == "\"" { inside = true; current = "" }; continue }
            if character == "\\", let next = characters.first {
                characters.removeFirst()
                if next == "(" { depth = 1; current += "\\(" ; while depth > 0, let c = characters.popFirst() {
                    if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                    current.append(c)
                } } else if next == "\"" || next == "\\" { current.append(next) }
                else { current += "\\\(next)" }
                continue
            }
            if character == "\"" { result.append(current); inside = false } else { current.append(character) }
        }
        return result
    }

    /// `literal` cut at its interpolations `\(…)`.
    static func staticParts(_ literal: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        var characters = Array(literal)[...]
        while let character = characters.popFirst() {
            if depth == 0, character == "\\", characters.first == "(" {
                characters.removeFirst(); parts.append(current); current = ""; depth = 1; continue
            }
            if depth > 0 {
                if character == "(" { depth += 1 } else if character == ")" { depth -= 1 }
                continue
            }
            current.append(character)
        }
        parts.append(current)
        return parts
    }

    @Test("Every message of the content, directive, link, compiler and template diagnostics appears in the table",
          arguments: ["Sources/GradusContent/FrontMatter/FrontMatterParser.swift", "Sources/GradusContent/CourseConfig.swift",
                      "Sources/GradusContent/SourceFile.swift", "Sources/GradusContent/Links/LinkChecker.swift",
                      "Sources/GradusContent/Directives/SimulationDirective.swift",
                      "Sources/GradusContent/Directives/QuizDirective.swift",
                      "Sources/GradusContent/Directives/ComputedQuestion.swift",
                      "Sources/GradusContent/Directives/ExerciseDirective.swift",
                      "Sources/GradusContent/Compile/LessonCompiler.swift",
                      "Sources/GradusRender/Mustache/MustacheParser.swift"])
    func complete(file: String) throws {
        let source = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent(file), encoding: .utf8)
        let fragments = Self.messageFragments(source)
        #expect(!fragments.isEmpty)
        for fragment in fragments {
            #expect(Self.document.contains(fragment), "\(file): '\(fragment)' is not in docs/errors.md")
        }
    }

    @Test("Every message about an input that cannot be read appears in the document")
    func inputFailures() {
        let failures: [InputFiles.Failure] = [.missing, .permissionDenied, .symlinkLoop, .brokenLink, .notAFile, .notAFolder,
                                              .vanished, .notUTF8(line: 4, column: 4, byte: 0xE9), .tooLarge(bytes: 50_200_000),
                                              .system("REASON")]
        let document = Self.document.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let messages = failures.filter { $0 != .missing && $0 != .notAFolder }.map { $0.message("the file") }
            + [InputFiles.Failure.permissionDenied.message("the folder")]
        let unlisted = messages.filter { !document.contains($0) }
        #expect(unlisted.isEmpty, "not in docs/errors.md: \(unlisted)")
    }
}
