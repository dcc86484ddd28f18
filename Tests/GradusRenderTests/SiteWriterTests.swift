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

    @Test("A site folder replaced by a symlink is never written or emptied through")
    func symlinkedSubfolder() throws {
        let out = try temporaryFolder(), elsewhere = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["index.html": "ours", "en/index.html": "E", "en/old.html": "O"]))
        try Data("precious".utf8).write(to: elsewhere.appendingPathComponent("index.html"))
        try Data("precious".utf8).write(to: elsewhere.appendingPathComponent("old.html"))
        try FileManager.default.removeItem(at: out.appendingPathComponent("en"))
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("en").path, withDestinationPath: elsewhere.path)
        #expect(throws: OutputFolder.Refusal.self) { try SiteWriter(output: out).write(site(["index.html": "new", "en/index.html": "E2"])) }
        #expect(read(elsewhere, "index.html") == "precious")
        #expect(read(elsewhere, "old.html") == "precious")
        // Removing what the manifest lists under the link is skipped too.
        _ = try SiteWriter(output: out).write(site(["index.html": "new"]))
        #expect(read(elsewhere, "old.html") == "precious")
    }

    @Test("A journal edited to reach outside the site is refused and nothing outside is touched")
    func hostileJournal() throws {
        let out = try temporaryFolder(), outside = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
        let victim = outside.appendingPathComponent("victim")
        try Data("keep".utf8).write(to: victim)
        let relative = "../" + outside.lastPathComponent + "/victim"
        for journal in [SiteJournal(state: .staging, moves: [.init(temporary: relative, target: "x")]),
                        SiteJournal(state: .committed, moves: [.init(temporary: ".gradus-tmp-1-0", target: relative)]),
                        SiteJournal(state: .committed, removals: [relative]),
                        SiteJournal(state: .staging, folders: [".."])] {
            try journal.write(in: out.path)
            #expect(throws: WriteError.self) { try SiteWriter(output: out).write(site(["a.html": "A"])) }
            #expect(read(outside, "victim") == "keep")
        }
    }

    @Test("A folder holding only a journal or its temporary, without a manifest, is not Gradus' own and is left alone")
    func journalWithoutManifest() throws {
        for name in [".gradus-journal", ".gradus-journal.tmp"] {
            let out = try temporaryFolder()
            try Data("{}".utf8).write(to: out.appendingPathComponent(name))
            #expect(throws: OutputFolder.Refusal.self) { try SiteWriter(output: out).write(site(["a.html": "A"])) }
            #expect(tree(out) == [name])
        }
    }

    @Test("A manifest that is a folder is an error that says so, and nothing is written")
    func manifestFolder() throws {
        let out = try temporaryFolder()
        try FileManager.default.createDirectory(at: out.appendingPathComponent(".gradus-manifest"), withIntermediateDirectories: false)
        let error = try #require(throws: WriteError.self) { try SiteWriter(output: out).write(site(["a.html": "A"])) }
        #expect(error.reason == "the manifest is not a file; move the output folder away and build again")
        #expect(tree(out) == [".gradus-manifest"])
    }

    @Test("A first build killed after its manifest leaves a folder that is still Gradus' own, and the next write completes it")
    func killedFirstBuild() throws {
        let out = try temporaryFolder()
        try Data("a.html\nb/index.html".utf8).write(to: out.appendingPathComponent(".gradus-manifest"))
        try Data("hal".utf8).write(to: out.appendingPathComponent("a.html"))
        _ = try SiteWriter(output: out).write(site(["a.html": "A", "b/index.html": "B"]))
        #expect(tree(out) == [".gradus-manifest", "a.html", "b", "b/index.html"])
        #expect(read(out, "a.html") == "A")
    }

    @Test("A failure after the commit point says that the site is part new and that the next build completes it")
    func failureAfterCommit() throws {
        let out = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
        // The temporary the committed journal names is gone, and so is its target: nothing can finish the move.
        try SiteJournal(state: .committed, moves: [.init(temporary: ".gradus-tmp-1-0", target: "b.html")]).write(in: out.path)
        do {
            _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
            Issue.record("the write should fail")
        } catch let error as WriteError {
            #expect(error.committed)
            #expect(error.description.hasPrefix("cannot finish publishing the site at \(out.path)/b.html: No such file or directory; "))
        }
    }

    @Test("A file that is also a folder of the site is refused before anything is written")
    func fileFolderClash() throws {
        let out = try temporaryFolder()
        #expect(throws: WriteError.self) { try SiteWriter(output: out).write(site(["static/a.js": "x", "static/a.js/b": "y"])) }
        #expect(tree(out).isEmpty)
    }

    @Test("A manifest that lists itself or the journal never removes them")
    func reservedNamesInManifest() throws {
        let out = try temporaryFolder()
        _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
        try Data("a.html\n.gradus-manifest\n.gradus-journal".utf8).write(to: out.appendingPathComponent(".gradus-manifest"))
        _ = try SiteWriter(output: out).write(site(["a.html": "A2"]))
        _ = try SiteWriter(output: out).write(site(["a.html": "A3"]))
        #expect(tree(out) == [".gradus-manifest", "a.html"])
        #expect(read(out, "a.html") == "A3")
    }

    @Test("Paths that would leave the site are refused")
    func unsafePaths() {
        #expect(!Site.isSafe("../x"))
        #expect(!Site.isSafe("/etc/passwd"))
        #expect(!Site.isSafe("a/../../x"))
        #expect(!Site.isSafe("a//b"))
        #expect(!Site.isSafe(".gradus-manifest"))
        #expect(!Site.isSafe("pt/.gradus-tmp-1"))
        #expect(Site.isSafe("pt/index.html"))
    }
}
