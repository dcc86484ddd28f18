import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

/// `gradus init`, `gradus theme` and finding the course from any folder, in-process.
@Suite("Starting a course")
struct InitCommandTests {
    @Test("init writes a course that checks clean; a second init into it is refused and changes nothing")
    func startsOnce() throws {
        let home = try makeScratchFolder("gradus-init")
        let run = CLIRun(["init", "course", "--lang", "pt,en", "--title", "Óptica \"clássica\""], in: home)
        #expect(run.status == 0, "\(run.err)")
        let course = home.appendingPathComponent("course")
        let files = (FileManager.default.enumerator(atPath: course.path)?.allObjects as? [String] ?? []).filter {
            !$0.hasSuffix("/") && !["content", "content/lessons", "content/pools"].contains($0)
        }.sorted()
        #expect(files == [".gitignore", "content/course.en.md", "content/course.pt.md", "content/course.yml",
                          "content/lessons/01-getting-started.en.md", "content/lessons/01-getting-started.pt.md",
                          "content/pools/parts.en.md", "content/pools/parts.pt.md"])
        let yml = try String(contentsOf: course.appendingPathComponent("content/course.yml"), encoding: .utf8)
        #expect(yml.contains("languages: [pt, en]\n"))
        #expect(yml.contains("id: course-"))
        #expect(try String(contentsOf: course.appendingPathComponent("content/course.pt.md"), encoding: .utf8)
            .hasPrefix("---\ntitle: \"Óptica \\\"clássica\\\"\"\n"))
        let check = CLIRun(["check"], in: course)
        #expect(check.status == 0)
        #expect(check.out == "gradus check: 0 errors, 0 warnings\n", "\(check.out)")
        let before = try String(contentsOf: course.appendingPathComponent("content/course.yml"), encoding: .utf8)
        let again = CLIRun(["init", "course"], in: home)
        #expect(again.status == 64)
        #expect(again.err == "gradus: error: refusing to start a course in 'course': the folder is not empty "
                + "(name a new or empty folder, e.g. 'gradus init my-course')\n")
        #expect(try String(contentsOf: course.appendingPathComponent("content/course.yml"), encoding: .utf8) == before)
    }

    @Test("A bad lesson name for 'gradus new lesson' is a usage error, its control characters shown escaped, and writes nothing")
    func badLessonNames() throws {
        let home = try makeScratchFolder("gradus-new")
        #expect(CLIRun(["init", "c", "--lang", "en"], in: home).status == 0)
        let course = home.appendingPathComponent("c")
        let rule = "expected NN-slug, e.g. 02-vanishing-gradient (digits, '-', then lowercase letters, digits and '-'; at most 200 characters)"
        for (name, shown) in [("../../evil", "../../evil"), ("03-A", "03-A"), ("03-\u{1B}[2J", "03-\\u{1B}[2J"),
                              ("03-" + String(repeating: "a", count: 300), "03-" + String(repeating: "a", count: 300))] {
            let run = CLIRun(["new", "lesson", name], in: course)
            #expect(run.status == 64, "\(name)")
            #expect(run.err == "gradus: error: invalid lesson name '\(shown)'; \(rule)\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: course.appendingPathComponent("content/lessons").path)
            == ["01-getting-started.en.md"])
    }

    @Test("Bad language lists and titles are usage errors", arguments: [
        (["init", "x", "--lang", "english"], "gradus: error: invalid language code 'english' for --lang (use two-letter ISO 639-1 codes such as en, pt, fr)\n"),
        (["init", "x", "--lang", "en,en"], "gradus: error: a language is listed twice in --lang 'en,en' (list each once)\n"),
        (["init", "x", "--title", "two\nlines"], "gradus: error: invalid value for --title (give the title as one line of text)\n"),
        (["init", ""], "gradus: error: the folder's name is empty (name a new or empty folder, e.g. 'gradus init my-course', or '.' for this one)\n"),
    ])
    func badArguments(_ arguments: [String], _ message: String) throws {
        let home = try makeScratchFolder("gradus-init")
        let run = CLIRun(arguments, in: home)
        #expect(run.status == 64)
        #expect(run.err == message)
        #expect(!FileManager.default.fileExists(atPath: home.appendingPathComponent("x").path))
    }

    @Test("Every command finds the course from a subfolder, takes --root from elsewhere, and says when there is none")
    func findsTheCourse() throws {
        let home = try makeScratchFolder("gradus-init")
        #expect(CLIRun(["init", "c"], in: home).status == 0)
        let lessons = home.appendingPathComponent("c/content/lessons")
        #expect(CLIRun(["build"], in: lessons).status == 0)
        #expect(FileManager.default.fileExists(atPath: home.appendingPathComponent("c/_site/index.html").path))
        #expect(CLIRun(["check", "--root", "c"], in: home).status == 0)
        let nowhere = CLIRun(["check"], in: home)
        #expect(nowhere.status == 64)
        #expect(nowhere.err == "gradus: error: no course here: neither this folder nor any above it holds content/course.yml "
                + "(run gradus inside a course, pass --root DIR, or start one with 'gradus init')\n")
        let wrongRoot = CLIRun(["build", "--root", "c/content"], in: home)
        #expect(wrongRoot.status == 64)
        #expect(wrongRoot.err.hasPrefix("gradus: error: no course in 'c/content': it has no content/course.yml"))
    }

    @Test("theme eject copies what is asked, keeps what is there, and names what the theme lacks")
    func eject() throws {
        let home = try makeScratchFolder("gradus-init")
        #expect(CLIRun(["init", "c"], in: home).status == 0)
        let course = home.appendingPathComponent("c")
        let first = CLIRun(["theme", "eject", "partials", "static/style.css"], in: course)
        #expect(first.status == 0)
        #expect(first.err == "Copied partials/footer.mustache to templates/partials/footer.mustache\n"
                + "Copied partials/header.mustache to templates/partials/header.mustache\n"
                + "Copied static/style.css to templates/static/style.css\n")
        let header = course.appendingPathComponent("templates/partials/header.mustache")
        try "mine\n".write(to: header, atomically: true, encoding: .utf8)
        let second = CLIRun(["theme", "eject", "partials/header.mustache"], in: course)
        #expect(second.err == "Kept templates/partials/header.mustache: it is there already\n")
        #expect(try String(contentsOf: header, encoding: .utf8) == "mine\n")
        let unknown = CLIRun(["theme", "eject", "partials/headr.mustache"], in: course)
        #expect(unknown.status == 64)
        #expect(unknown.err == "gradus: error: the theme has no file 'partials/headr.mustache' "
                + "(did you mean 'partials/header.mustache'? see 'gradus theme list')\n")
        let outside = CLIRun(["theme", "list"], in: home)
        #expect(outside.status == 0 && outside.out.contains("partials/header.mustache\n"), "the built-in theme, outside any course")
        let list = CLIRun(["theme", "list"], in: course)
        #expect(list.out.contains("partials/header.mustache  (the course's own: templates/partials/header.mustache)\n"))
        #expect(list.out.contains("layout.mustache\n"))
    }
}
