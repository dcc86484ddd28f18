import Foundation
import Testing
@testable import GradusRender

@Suite("Site writer")
struct SiteWriterTests {
    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    func site(_ files: [String: String]) -> Site {
        var site = Site()
        for (path, text) in files { site.add(path, text) }
        return site
    }

    func read(_ url: URL, _ path: String) -> String? {
        FileManager.default.contents(atPath: url.appendingPathComponent(path).path).map { String(decoding: $0, as: UTF8.self) }
    }

    @Test("Unchanged files keep their bytes and modification time; changed ones are replaced")
    func unchanged() throws {
        let out = try temporaryFolder()
        let writer = SiteWriter(output: out)
        _ = try writer.write(site(["a/index.html": "A", "b.html": "B"]))
        let stamp = Date(timeIntervalSince1970: 1_000_000)
        try FileManager.default.setAttributes([.modificationDate: stamp], ofItemAtPath: out.appendingPathComponent("a/index.html").path)
        let report = try writer.write(site(["a/index.html": "A", "b.html": "B2"]))
        #expect(report.written == ["b.html"])
        #expect(report.unchanged == 1)
        let attributes = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent("a/index.html").path)
        #expect(attributes[.modificationDate] as? Date == stamp)
        #expect(read(out, "b.html") == "B2")
    }

    @Test("Files an earlier build wrote and this one does not are removed; other files are left alone")
    func removal() throws {
        let out = try temporaryFolder()
        let writer = SiteWriter(output: out)
        _ = try writer.write(site(["old/index.html": "O", "keep.html": "K"]))
        try Data("mine".utf8).write(to: out.appendingPathComponent("CNAME"))
        let report = try writer.write(site(["keep.html": "K"]))
        #expect(report.removed == ["old/index.html"])
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("old").path))
        #expect(read(out, "CNAME") == "mine")
    }

    @Test("A failed write leaves every old file in place and no temporary behind")
    func failure() throws {
        let out = try temporaryFolder()
        let writer = SiteWriter(output: out)
        _ = try writer.write(site(["a.html": "old A", "z.html": "old Z"]))
        // A file where the new site needs a folder makes the write fail part-way.
        try Data().write(to: out.appendingPathComponent("blocked"))
        #expect(throws: (any Error).self) {
            try writer.write(site(["a.html": "new A", "aaa/deep/x.html": "new", "blocked/index.html": "x", "z.html": "new Z"]))
        }
        // Folders made for the failed update are gone again.
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("aaa").path))
        #expect(read(out, "a.html") == "old A")
        #expect(read(out, "z.html") == "old Z")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.contains("gradus-tmp") }
        #expect(leftovers.isEmpty)
    }

    /// Every name in `folder`, recursively, sorted.
    func tree(_ folder: URL) -> [String] {
        let root = folder.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: root)
        return (walker?.allObjects as? [String] ?? []).sorted()
    }

    @Test("A non-empty folder that holds no Gradus site is refused and left untouched")
    func foreignFolder() throws {
        let out = try temporaryFolder()
        try Data("theirs".utf8).write(to: out.appendingPathComponent("index.html"))
        #expect(throws: OutputFolder.Refusal.self) { try SiteWriter(output: out).write(site(["index.html": "ours"])) }
        #expect(read(out, "index.html") == "theirs")
        #expect(tree(out) == ["index.html"])
    }

    @Test("A file the site needs but Gradus did not write is never replaced")
    func foreignFileInSite() throws {
        let out = try temporaryFolder()
        let writer = SiteWriter(output: out)
        _ = try writer.write(site(["index.html": "ours"]))
        try Data("theirs".utf8).write(to: out.appendingPathComponent("extra.html"))
        #expect(throws: OutputFolder.Refusal.self) { try writer.write(site(["index.html": "new", "extra.html": "ours too"])) }
        #expect(read(out, "extra.html") == "theirs")
        #expect(read(out, "index.html") == "ours")
        #expect(tree(out) == [".gradus-manifest", "extra.html", "index.html"])
    }

    @Test("A symlink where the site needs a folder is refused, and nothing is written through it")
    func symlinkInTheWay() throws {
        let out = try temporaryFolder(), elsewhere = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["index.html": "ours"]))
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("pt").path, withDestinationPath: elsewhere.path)
        #expect(throws: OutputFolder.Refusal.self) { try SiteWriter(output: out).write(site(["index.html": "ours", "pt/index.html": "x"])) }
        #expect(tree(elsewhere).isEmpty)
    }

    @Test("A file named like a temporary that no journal lists is left alone")
    func userFileNamedLikeTemporary() throws {
        let out = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
        try Data("mine".utf8).write(to: out.appendingPathComponent(".gradus-tmp-a.html"))
        _ = try SiteWriter(output: out).write(site(["a.html": "A2"]))
        #expect(read(out, ".gradus-tmp-a.html") == "mine")
        #expect(tree(out) == [".gradus-manifest", ".gradus-tmp-a.html", "a.html"])
    }

    @Test("An interruption before the commit point rolls back: the old site, no temporary, no journal")
    func interrupted() throws {
        let out = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A", "gone.html": "G"]))
        let before = tree(out)
        #expect(throws: SiteWriter.Interrupted.self) {
            try SiteWriter(output: out, interrupted: { true }).write(site(["a.html": "A2", "new/b.html": "B"]))
        }
        #expect(tree(out) == before)
        #expect(read(out, "a.html") == "A")
        #expect(read(out, "gone.html") == "G")
    }

    @Test("A journal left in staging is rolled back by the next write; its temporaries and folders go")
    func stagingJournalRollsBack() throws {
        let out = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("new"), withIntermediateDirectories: true)
        try Data("half".utf8).write(to: out.appendingPathComponent("new/.gradus-tmp-1-0"))
        let journal = SiteJournal(state: .staging, folders: ["new"], moves: [.init(temporary: "new/.gradus-tmp-1-0", target: "new/b.html")])
        try journal.write(in: out.path)
        let report = try SiteWriter(output: out).write(site(["a.html": "A"]))
        #expect(report.written.isEmpty)
        #expect(tree(out) == [".gradus-manifest", "a.html"])
    }

    @Test("A committed journal is rolled forward by the next write before anything else")
    func committedJournalRollsForward() throws {
        let out = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A", "gone.html": "G"]))
        try Data("A2".utf8).write(to: out.appendingPathComponent(".gradus-tmp-1-0"))
        try Data("a.html".utf8).write(to: out.appendingPathComponent(".gradus-tmp-1-manifest"))
        let journal = SiteJournal(state: .committed, moves: [.init(temporary: ".gradus-tmp-1-0", target: "a.html"),
                                                              .init(temporary: ".gradus-tmp-1-manifest", target: ".gradus-manifest")],
                                  removals: ["gone.html"])
        try journal.write(in: out.path)
        // The next build has the same content as the committed one: after the roll-forward nothing is left to do.
        let report = try SiteWriter(output: out).write(site(["a.html": "A2"]))
        #expect(report.written.isEmpty && report.unchanged == 1)
        #expect(tree(out) == [".gradus-manifest", "a.html"])
        #expect(read(out, "a.html") == "A2")
    }

    @Test("Paths that would leave the site are refused")
    func unsafePaths() {
        #expect(!Site.isSafe("../x"))
        #expect(!Site.isSafe("/etc/passwd"))
        #expect(!Site.isSafe("a/../../x"))
        #expect(!Site.isSafe("a//b"))
        #expect(Site.isSafe("pt/index.html"))
    }
}
