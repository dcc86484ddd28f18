import Foundation
import GradusContent
import GradusQuiz

/// `gradus init [DIR]`: starts a course that builds at once, in a new or empty folder (a `.git` folder may be
/// there already). It needs no templates: the theme is built into Gradus (`gradus theme eject` copies it).
enum InitCommand {
    static let spec = CommandSpec(
        name: "init",
        summary: "start a course in a new or empty folder",
        synopsis: "[DIR] [--lang CODE[,CODE…]] [--title TEXT]",
        options: [
            OptionSpec("lang", .value(placeholder: "CODES"), help: "the course's languages, the default first (default: en)"),
            OptionSpec("title", .value(placeholder: "TEXT"), help: "the course's title in every language (default: a sample title)"),
        ],
        maxPositionals: 1,
        examples: [
            "gradus init my-course",
            "gradus init physics --lang pt,en --title \"Física\"",
        ],
        run: run)

    static func run(_ arguments: ParsedArguments, _ console: Console) throws -> ExitCode {
        let path = arguments.positionals.first ?? "."
        guard !path.isEmpty else {
            throw UsageError("the folder's name is empty", hint: "name a new or empty folder, e.g. 'gradus init my-course', or '.' for this one")
        }
        let folder = console.url(path).standardizedFileURL
        let languages = try codes(arguments.value("lang") ?? "en")
        let title = arguments.value("title")
        if let title, title.isEmpty || title.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
            throw UsageError("invalid value for --title", hint: "give the title as one line of text")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw UsageError("cannot start a course in '\(path)': it is a file", hint: "name a new or empty folder")
            }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0 != ".git" }
            guard entries.isEmpty else {
                throw UsageError("refusing to start a course in '\(path)': the folder is not empty",
                                 hint: "name a new or empty folder, e.g. 'gradus init my-course'")
            }
        }
        let course = StarterCourse(languages: languages, title: title, id: courseID(folder))
        for file in course.files {
            let url = folder.appendingPathComponent(file.path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(file.text.utf8).write(to: url, options: .withoutOverwriting)
        }
        // Translations carry the stamp of their original, so that `gradus check` is clean from the start.
        let content = folder.appendingPathComponent("content")
        _ = try StampWriter(root: content, displayRoot: "content").update(try ContentLoader(root: content, displayRoot: "content").load())
        console.err("Started a course in \(path.escapingControls) (\(languages.joined(separator: ", "))).\n")
        for code in languages where !StarterText.forLanguage(code).native {
            console.err("The sample lesson in \(code) is in English: translate content/lessons/01-getting-started.\(code).md.\n")
        }
        for file in course.files where file.path.hasPrefix("templates/i18n/") {
            console.err("Gradus has no interface words for \(file.path.dropFirst("templates/i18n/".count).dropLast(5)) yet: "
                        + "translate \(file.path) ('gradus check' lists each word still to do).\n")
        }
        let enter = path == "." ? "" : "cd \(path) && "
        console.err("Next: \(enter)gradus serve, then open http://127.0.0.1:8000/ and edit content/lessons/.\n")
        return .success
    }

    /// The language codes of `--lang`, checked as course.yml checks them.
    static func codes(_ list: String) throws(UsageError) -> [String] {
        let codes = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard !codes.isEmpty, codes.allSatisfy({ !$0.isEmpty }) else {
            throw UsageError("invalid value '\(list)' for --lang", hint: "expected codes separated by commas, e.g. pt,en")
        }
        for code in codes where !(2...3).contains(code.count) || !code.allSatisfy({ $0.isASCII && $0.isLowercase }) {
            throw UsageError("invalid language code '\(code)' for --lang", hint: "use two-letter ISO 639-1 codes such as en, pt, fr")
        }
        guard Set(codes).count == codes.count else {
            throw UsageError("a language is listed twice in --lang '\(list)'", hint: "list each once")
        }
        return codes
    }

    /// A course id from the folder's name and a random suffix: unique among a learner's courses.
    static func courseID(_ folder: URL) -> String {
        let name = String(folder.lastPathComponent.lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) ? $0 : "-" })
        let stem = name.split(separator: "-").joined(separator: "-")
        return (stem.isEmpty ? "course" : stem) + "-" + String(UInt32.random(in: 0x100000...0xffffff), radix: 16)
    }
}
