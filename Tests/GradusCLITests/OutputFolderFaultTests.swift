import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

/// `gradus build --out DIR` writes only into a folder that is Gradus' own: absent, empty, or a site it built.
/// Every other folder, whatever the path or the symlinks leading to it, is refused with exit 64 and left
/// byte for byte as it was.
@Suite("Faults choosing the output folder")
struct OutputFolderFaultTests {
    /// Every file below `folder` with its bytes (symlinks not followed), to compare before and after.
    static func contents(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: folder.path)?.allObjects ?? [] {
            let url = folder.appendingPathComponent(path)
            var info = stat()
            guard lstat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            files[path] = FileManager.default.contents(atPath: url.path)
        }
        return files
    }

    /// The mini course in a fresh folder.
    static func course() throws -> URL {
        let root = try FaultMessagesTests.workspace()
        return root
    }

    @Test("A folder with its own index.html, 404.html, pages, stylesheet and a file named like a temporary is refused and untouched")
    func foreignSiteFolder() throws {
        let root = try Self.course()
        let out = root.appendingPathComponent("public")
        for (path, text) in ["index.html": "mine", "404.html": "mine", "pt/index.html": "mine", "static/style.css": "mine",
                             "deep/.gradus-tmp-notes": "mine"] {
            let url = out.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let before = Self.contents(out)
        let run = CLIRun(["build", "--out", "public"], in: root)
        #expect(run.status == 64)
        #expect(run.err == "gradus: error: refusing to write the site into 'public': the folder is not empty and holds no Gradus site "
                + "(Gradus writes only into a new folder, an empty one, or a site it built; choose one with --out)\n")
        #expect(Self.contents(out) == before)
    }

    @Test("A symlink to /, to a home folder or to the project itself is refused after resolving it",
          arguments: ["slash", "home", "project"])
    func symlinks(_ kind: String) throws {
        let root = try Self.course()
        let home = try makeScratchFolder("gradus-home")
        try Data("notes".utf8).write(to: home.appendingPathComponent(".profile"))
        let target = ["slash": "/", "home": home.path, "project": root.path][kind]!
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("link").path, withDestinationPath: target)
        let before = kind == "slash" ? [:] : Self.contents(URL(fileURLWithPath: target))
        let run = CLIRun(["build", "--out", "link"], in: root)
        #expect(run.status == 64, "\(run.err)")
        let expected = "gradus: error: refusing to write the site into 'link': the folder is not empty and holds no Gradus site "
            + "(Gradus writes only into a new folder, an empty one, or a site it built; choose one with --out)\n"
        #expect(run.err == expected)
        if kind != "slash" { #expect(Self.contents(URL(fileURLWithPath: target)) == before) }
    }

    @Test("The home folder given as a path is refused", .enabled(if: FileManager.default.fileExists(atPath: NSHomeDirectory())))
    func homeFolder() throws {
        let root = try Self.course()
        let home = NSHomeDirectory()
        let names = try FileManager.default.contentsOfDirectory(atPath: home)
        try #require(!names.isEmpty && !names.contains(".gradus-manifest"), "a home folder with files and no Gradus site")
        let run = CLIRun(["build", "--out", home], in: root)
        #expect(run.status == 64)
        #expect(run.err.hasPrefix("gradus: error: refusing to write the site into '\(home)': the folder is not empty"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home) == names)
    }

    @Test("A Gradus site around the content (a site built into the project folder) is refused")
    func siteAroundContent() throws {
        let root = try Self.course()
        try Data().write(to: root.appendingPathComponent(".gradus-manifest"))
        let run = CLIRun(["build", "--out", "."], in: root)
        #expect(run.status == 64)
        #expect(run.err == "gradus: error: refusing to write the site into '.': it contains the content folder 'content' "
                + "(choose a new or empty folder, e.g. --out _site)\n")
    }

    @Test("An empty folder, and a symlink to one, receive the site; the next build updates it")
    func emptyFolders() throws {
        let root = try Self.course()
        let empty = try makeScratchFolder("gradus-empty")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("fresh"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("elsewhere").path, withDestinationPath: empty.path)
        for out in ["fresh", "elsewhere", "new/nested/site"] {
            let first = CLIRun(["build", "--out", out], in: root)
            #expect(first.status == 0, "\(first.err)")
            let again = CLIRun(["build", "--out", out], in: root)
            #expect(again.status == 0, "\(again.err)")
            #expect(again.err.contains("(0 written,"), "\(again.err)")
        }
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent("index.html").path))
        #expect(FileManager.default.fileExists(atPath: empty.appendingPathComponent(".gradus-manifest").path))
    }

    @Test("A file in a Gradus site where the new site needs a page is refused, and the site is left as it was")
    func foreignFileInSite() throws {
        let root = try Self.course()
        #expect(CLIRun(["build"], in: root).status == 0)
        let site = root.appendingPathComponent("_site")
        try FileManager.default.removeItem(at: site.appendingPathComponent("en/second/index.html"))
        try Data("my own notes".utf8).write(to: site.appendingPathComponent("en/second/index.html"))
        // The manifest no longer lists it: as if a user had put the file there before Gradus wrote that page.
        let manifest = site.appendingPathComponent(".gradus-manifest")
        let listed = try String(contentsOf: manifest, encoding: .utf8).split(separator: "\n").filter { $0 != "en/second/index.html" }
        try listed.joined(separator: "\n").write(to: manifest, atomically: true, encoding: .utf8)
        let lesson = root.appendingPathComponent("content/lessons/02-second.en.md")
        try (try String(contentsOf: lesson, encoding: .utf8) + "\nMore.\n").write(to: lesson, atomically: true, encoding: .utf8)
        let before = Self.contents(site)
        let run = CLIRun(["build"], in: root)
        #expect(run.status == 64)
        #expect(run.err.contains("gradus: error: refusing to replace '_site/en/second/index.html': the site needs that path, "
                                 + "and Gradus did not write what is there"), "\(run.err)")
        #expect(Self.contents(site) == before)
    }
}
