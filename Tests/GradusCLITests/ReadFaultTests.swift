import Foundation
import Testing
import GradusTestSupport

/// Inputs that cannot be read fail the build with the cause at the file's place, exit 65, and leave the published
/// site exactly as it was. Permissions are tried as another user (`nobody`, through `setpriv`), since root reads
/// everything; a file that vanishes between listing and reading is made so by strace's fault injection.
@Suite("Faults reading the inputs of a build", .serialized)
struct ReadFaultTests {
    /// A course folder that `nobody` may use, its site built once, and a copy of the binary `nobody` can run.
    struct Course {
        var root: URL
        var binary: URL
        var site: [String: Data] = [:]

        init() throws {
            root = try makeScratchFolder("gradus-read-fault")
            let fileManager = FileManager.default
            try fileManager.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Fixtures/mini/content"),
                                     to: root.appendingPathComponent("content"))
            try fileManager.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                     to: root.appendingPathComponent("templates"))
            // Every lesson in both languages, so that any "has no … translation" warning is a false cascade.
            let lessons = root.appendingPathComponent("content/lessons")
            try fileManager.copyItem(at: lessons.appendingPathComponent("02-second.en.md"),
                                     to: lessons.appendingPathComponent("02-second.de.md"))
            binary = root.appendingPathComponent("gradus")
            try fileManager.copyItem(at: try #require(GradusBinary.debug), to: binary)
            _ = try runProcess(URL(fileURLWithPath: "/bin/chmod"), ["-R", "a+rwX", root.path])
            let first = try run()
            try #require(first.status == 0, "\(first.stderrText)")
            site = try FaultTests.snapshot(root.appendingPathComponent("_site")).files
        }

        /// `gradus build` as `nobody` (or as root when `asRoot`), optionally through `wrapper` (strace).
        func run(asRoot: Bool = false, wrapper: [String] = []) throws -> ProcessResult {
            let command = wrapper + [binary.path, "build"]
            if asRoot { return try runProcess(URL(fileURLWithPath: command[0]), Array(command.dropFirst()), in: root) }
            let setpriv = try #require(TestEnvironment.tool("setpriv"))
            return try runProcess(setpriv, ["--reuid=nobody", "--regid=nogroup", "--clear-groups"] + command, in: root)
        }

        func url(_ path: String) -> URL { root.appendingPathComponent(path) }

        /// Asserts the build failed with `message` as its only error, exit 65, and the site is as it was.
        func expectFailure(_ result: ProcessResult, _ message: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            let errors = result.stderrText.split(separator: "\n").filter { $0.contains(": error: ") }.map(String.init)
            #expect(result.status == 65, "\(result.stderrText)", sourceLocation: sourceLocation)
            #expect(errors == [message], "\(result.stderrText)", sourceLocation: sourceLocation)
            #expect(!result.stderrText.contains("has no"), "a false missing-translation cascade: \(result.stderrText)",
                    sourceLocation: sourceLocation)
            let after = try FaultTests.snapshot(url("_site"))
            #expect(after.files == site, "the published site changed", sourceLocation: sourceLocation)
            #expect(after.internal.isEmpty, "\(after.internal)", sourceLocation: sourceLocation)
        }
    }

    static let canSwitchUser = getuid() == 0 && TestEnvironment.tool("setpriv") != nil

    @Test("A lesson, a folder of lessons, assets, a stylesheet or a partials folder without read permission",
          .enabled(if: canSwitchUser || TestEnvironment.isCI),
          arguments: [
            ("content/lessons/01-first.de.md", "content/lessons/01-first.de.md:1:1: error: cannot read the file: permission denied; give read access to the user running Gradus"),
            ("content/lessons", "content/lessons:1:1: error: cannot read the folder: permission denied; give read access to the user running Gradus"),
            ("content/assets", "content/assets:1:1: error: cannot read the folder: permission denied; give read access to the user running Gradus"),
            ("templates/static/style.css", "templates/static/style.css:1:1: error: cannot read the file: permission denied; give read access to the user running Gradus"),
            ("templates/partials", "templates/partials:1:1: error: cannot read the folder: permission denied; give read access to the user running Gradus"),
            ("templates/i18n/en.json", "templates/i18n/en.json:1:1: error: cannot read the file: permission denied; give read access to the user running Gradus"),
            ("content/course.yml", "content/course.yml:1:1: error: cannot read the file: permission denied; give read access to the user running Gradus"),
          ])
    func permissionDenied(_ path: String, _ message: String) throws {
        let course = try Course()
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: course.url(path).path)
        try course.expectFailure(try course.run(), message)
    }

    @Test("An unreadable distractor pool is reported once, at the pool, not again as a missing pool at the quiz",
          .enabled(if: canSwitchUser || TestEnvironment.isCI))
    func unreadablePool() throws {
        let course = try Course()
        let pools = course.url("content/pools")
        try FileManager.default.createDirectory(at: pools, withIntermediateDirectories: true)
        try "- Dropout\n- Momentum\n- Clipping\n".write(to: pools.appendingPathComponent("strategies.en.md"), atomically: true, encoding: .utf8)
        let lesson = course.url("content/lessons/02-second.en.md")
        try (try String(contentsOf: lesson, encoding: .utf8)
             + "\n## Remedies {#remedies}\n\n- Clipping\n- Momentum\n\n::: quiz not-mentioned\nid: second/nm\nlist: remedies\n"
             + "pool: strategies\nchoices: 3\nquestion: Which is not mentioned?\n:::\n").write(to: lesson, atomically: true, encoding: .utf8)
        _ = try runProcess(URL(fileURLWithPath: "/bin/chmod"), ["-R", "a+rwX", course.root.path])
        let rebuilt = try course.run()
        try #require(rebuilt.status == 0, "\(rebuilt.stderrText)")
        var updated = course
        updated.site = try FaultTests.snapshot(course.url("_site")).files
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: pools.appendingPathComponent("strategies.en.md").path)
        try updated.expectFailure(try course.run(),
                                  "content/pools/strategies.en.md:1:1: error: cannot read the file: permission denied; give read access to the user running Gradus")
    }

    @Test("A symlink loop among the assets and a link to nothing are errors, not skipped files")
    func symlinks() throws {
        let course = try Course()
        try FileManager.default.createSymbolicLink(atPath: course.url("content/assets/loop.svg").path, withDestinationPath: "loop.svg")
        try course.expectFailure(try course.run(asRoot: true),
                                 "content/assets/loop.svg:1:1: error: cannot read the file: symlink loop; point the link at a real file")
        try FileManager.default.removeItem(at: course.url("content/assets/loop.svg"))
        try FileManager.default.createSymbolicLink(atPath: course.url("content/assets/gone.svg").path, withDestinationPath: "nowhere.svg")
        try course.expectFailure(try course.run(asRoot: true),
                                 "content/assets/gone.svg:1:1: error: cannot read the file: it is a symlink to nothing; fix or remove the link")
    }

    @Test("An assets or partials folder that is a plain file is an error, not an empty folder",
          arguments: ["content/assets", "templates/partials"])
    func folderIsAFile(_ path: String) throws {
        let course = try Course()
        try? FileManager.default.removeItem(at: course.url(path))
        try Data("not a folder".utf8).write(to: course.url(path))
        try course.expectFailure(try course.run(asRoot: true), "\(path):1:1: error: cannot read the folder: it is a file, not a folder")
    }

    @Test("A FIFO as a lesson, course file, words file, partial or script is refused at once, never waited on",
          arguments: ["content/lessons/01-first.de.md", "content/course.yml", "templates/i18n/en.json",
                      "templates/partials/footer.mustache", "templates/static/quiz.js"])
    func fifo(_ path: String) throws {
        let course = try Course()
        // The repository's templates are the default theme, so a course's own copy of a file may be replaced.
        try? FileManager.default.removeItem(at: course.url(path))
        try #require(mkfifo(course.url(path).path, 0o644) == 0)
        try course.expectFailure(try course.run(asRoot: true),
                                 "\(path):1:1: error: cannot read the file: it is not a regular file (a FIFO, socket or device); replace it with a file")
    }

    @Test("An asset whose name is not UTF-8 is named as such; one with a control character is shown escaped")
    func badNames() throws {
        let course = try Course()
        let assets = course.url("content/assets").path
        // "caf" and the Latin-1 byte of "é": a name that is not UTF-8.
        let latin1 = assets.utf8CString.dropLast() + Array("/caf".utf8CString.dropLast()) + [CChar(bitPattern: 0xE9), 0]
        let fd = latin1.withUnsafeBufferPointer { open($0.baseAddress!, O_CREAT | O_WRONLY, 0o644) }
        try #require(fd >= 0)
        close(fd)
        try course.expectFailure(try course.run(asRoot: true),
                                 "content/assets:1:1: error: the folder holds a file whose name is not UTF-8; rename it")
        latin1.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        try Data("x".utf8).write(to: URL(fileURLWithPath: assets + "/a\u{1B}[2Jb.svg"))
        try course.expectFailure(try course.run(asRoot: true),
                                 "content/assets/a\\u{1B}[2Jb.svg:1:1: error: this file name cannot be a web address (no backslashes or control characters); rename the file")
    }

    @Test("A lesson whose link points back at itself names the loop")
    func lessonSymlinkLoop() throws {
        let course = try Course()
        let lesson = course.url("content/lessons/01-first.de.md")
        try FileManager.default.removeItem(at: lesson)
        try FileManager.default.createSymbolicLink(atPath: lesson.path, withDestinationPath: "01-first.de.md")
        try course.expectFailure(try course.run(asRoot: true),
                                 "content/lessons/01-first.de.md:1:1: error: cannot read the file: symlink loop; point the link at a real file")
    }

    @Test("Bytes that are not UTF-8 are located in a lesson and in a template")
    func badBytes() throws {
        let course = try Course()
        let lesson = course.url("content/lessons/01-first.de.md")
        let original = try Data(contentsOf: lesson)
        try (Data("---\ntitle: Erste\n---\nGr".utf8) + Data([0xFC]) + Data("n\n".utf8)).write(to: lesson)
        try course.expectFailure(try course.run(asRoot: true),
                                 "content/lessons/01-first.de.md:4:3: error: the file is not UTF-8 (byte 0xFC here); save it as UTF-8")
        try original.write(to: lesson)
        let partial = course.url("templates/partials/extra.mustache")
        try (Data("ok\n\u{00E9}".utf8) + Data([0xC3, 0x28])).write(to: partial)
        try course.expectFailure(try course.run(asRoot: true),
                                 "templates/partials/extra.mustache:2:2: error: the file is not UTF-8 (byte 0xC3 here); save it as UTF-8")
    }

    @Test("A lesson that vanishes between the listing and the reading fails the build")
    func vanishing() throws {
        guard TestEnvironment.wants("strace") else { return }
        let strace = try #require(TestEnvironment.tool("strace"))
        let course = try Course()
        // Only calls on this one path are traced; its open fails as if the file had just been deleted.
        let lesson = course.url("content/lessons/02-second.en.md").path
        try course.expectFailure(try course.run(asRoot: true, wrapper: [strace.path, "-f", "-o", "/dev/null", "-P", lesson,
                                                                        "-e", "trace=openat", "-e", "inject=openat:error=ENOENT"]),
                                 "content/lessons/02-second.en.md:1:1: error: the file vanished while it was being read; build again")
    }
}
