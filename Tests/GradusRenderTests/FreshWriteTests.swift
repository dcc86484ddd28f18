import Foundation
import Synchronization
import Testing
import GradusContent
@testable import GradusRender

/// The first write into a new or empty folder, which puts files in place without temporaries or a journal.
@Suite("Site writer: a first build")
struct FreshWriteTests {
    let helpers = SiteWriterTests()

    func pages(_ count: Int) -> Site {
        var site = Site()
        for index in 0..<count { site.add("en/lesson-\(index)/index.html", "page \(index)") }
        site.add("index.html", "root")
        site.add("static/search/en/0.js", "shard")
        return site
    }

    @Test("A new folder receives every file in place, the manifest listing them, and nothing of the writer's own")
    func firstWrite() throws {
        let out = try helpers.temporaryFolder().appendingPathComponent("site")
        let site = pages(40)
        let report = try SiteWriter(output: out, workers: Workers(3)).write(site)
        #expect(report.written == site.paths)
        #expect(helpers.read(out, ".gradus-manifest") == site.paths.joined(separator: "\n"))
        for path in site.paths { #expect(helpers.read(out, path) == String(decoding: site.files[path]!, as: UTF8.self)) }
        #expect(helpers.tree(out).filter { $0.contains(".gradus-") } == [".gradus-manifest"])
        // The next write finds everything in place.
        let again = try SiteWriter(output: out).write(site)
        #expect(again.written.isEmpty)
        #expect(again.unchanged == site.paths.count)
    }

    @Test("The same site written fresh and written as an update of an older one gives the same tree")
    func sameAsUpdate() throws {
        let fresh = try helpers.temporaryFolder(), updated = try helpers.temporaryFolder()
        _ = try SiteWriter(output: fresh).write(pages(12))
        _ = try SiteWriter(output: updated).write(helpers.site(["old.html": "old", "en/lesson-3/index.html": "older"]))
        _ = try SiteWriter(output: updated).write(pages(12))
        #expect(helpers.tree(fresh) == helpers.tree(updated))
        for path in pages(12).paths + [".gradus-manifest"] { #expect(helpers.read(fresh, path) == helpers.read(updated, path)) }
    }

    @Test("An interruption part-way removes every file and folder it made and the manifest: the folder is empty again")
    func interrupted() throws {
        let out = try helpers.temporaryFolder()
        let asked = Counter()
        let interruption = try #require(throws: SiteWriter.Interrupted.self) {
            try SiteWriter(output: out, interrupted: { asked.next() > 10 }, workers: Workers(2)).write(pages(30))
        }
        #expect(interruption.description == "interrupted; what this first build wrote was removed")
        #expect(helpers.tree(out) == [])
        // And the folder still takes a first build afterwards.
        _ = try SiteWriter(output: out).write(pages(30))
        let reference = try helpers.temporaryFolder()
        _ = try SiteWriter(output: reference).write(pages(30))
        #expect(helpers.tree(out) == helpers.tree(reference))
        #expect(helpers.tree(out).count == 30 * 2 + 2 + 4 + 1)  // pages and their folders, en and the root page, static/search/en/0.js, manifest
    }

    @Test("A failure part-way (a folder that cannot be made) leaves the folder as empty as it was")
    func failure() throws {
        let parent = try helpers.temporaryFolder()
        let out = parent.appendingPathComponent("site")
        var site = pages(5)
        // A name longer than a file system allows fails its mkdir after the other folders were made.
        site.add(String(repeating: "x", count: 300) + "/index.html", "long")
        #expect(throws: WriteError.self) { try SiteWriter(output: out).write(site) }
        #expect(helpers.tree(out) == [])
    }

    @Test("A folder of the site replaced by a symlink during a first build is never written through, and the rollback deletes nothing through it")
    func symlinkSwaps() throws {
        let scratch = try helpers.temporaryFolder()
        let victim = scratch.appendingPathComponent("victim")
        try FileManager.default.createDirectory(at: victim, withIntermediateDirectories: true)
        try Data("precious".utf8).write(to: victim.appendingPathComponent("index.html"))
        // Planted before the writer makes the folder: its mkdir finds the symlink, which it must not follow.
        let planted = scratch.appendingPathComponent("planted")
        let plantOnce = Counter()
        let refused = try #require(throws: WriteError.self) {
            try SiteWriter(output: planted, interrupted: {
                if plantOnce.next() == 3 {
                    try? FileManager.default.createSymbolicLink(atPath: planted.appendingPathComponent("en/lesson-5").path,
                                                                withDestinationPath: victim.path)
                }
                return false
            }, workers: .one).write(pages(10))
        }
        #expect(refused.description.contains("en/lesson-5: it is no longer a folder"), "\(refused)")
        // Swapped after the writer wrote into it, then Ctrl-C: the rollback must not unlink through the symlink.
        let swapped = scratch.appendingPathComponent("swapped")
        let swapOnce = Counter()
        #expect(throws: SiteWriter.Interrupted.self) {
            try SiteWriter(output: swapped, interrupted: {
                guard swapOnce.next() == 5 else { return false }
                let folder = swapped.appendingPathComponent("en/lesson-0")
                try? FileManager.default.moveItem(at: folder, to: swapped.appendingPathComponent("en/moved"))
                try? FileManager.default.createSymbolicLink(atPath: folder.path, withDestinationPath: victim.path)
                return true
            }, workers: .one).write(pages(10))
        }
        #expect(helpers.tree(victim) == ["index.html"])
        #expect(helpers.read(victim, "index.html") == "precious")
    }

    @Test("A site path that a killed first build listed but never wrote takes its empty folder with it when a later build drops it")
    func emptyFoldersOfUnwrittenPaths() throws {
        let out = try helpers.temporaryFolder()
        try Data("de/a/index.html\nen/a/index.html".utf8).write(to: out.appendingPathComponent(".gradus-manifest"))
        try FileManager.default.createDirectory(at: out.appendingPathComponent("de/a"), withIntermediateDirectories: true)
        _ = try SiteWriter(output: out).write(helpers.site(["en/a/index.html": "A"]))
        #expect(helpers.tree(out) == [".gradus-manifest", "en", "en/a", "en/a/index.html"])
    }

    @Test("A folder that another build held, and that someone filled meanwhile, is refused once the lock is taken")
    func filledWhileWaiting() throws {
        let out = try helpers.temporaryFolder()
        let fd = open(out.path, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let result = Mutex<(any Error)?>(nil)
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            do { _ = try SiteWriter(output: out).write(self.pages(3)) } catch { result.withLock { $0 = error } }
            done.signal()
        }
        usleep(200_000)
        try Data("notes".utf8).write(to: out.appendingPathComponent("notes.txt"))
        close(fd)
        done.wait()
        #expect(result.withLock { $0 } is OutputFolder.Refusal)
        #expect(helpers.tree(out) == ["notes.txt"])
    }

    @Test("An output folder below a file is a clear error naming the folder")
    func outputBelowAFile() throws {
        let scratch = try helpers.temporaryFolder()
        try Data("x".utf8).write(to: scratch.appendingPathComponent("file"))
        let error = try #require(throws: WriteError.self) {
            try SiteWriter(output: scratch.appendingPathComponent("file/site/deep")).write(pages(1))
        }
        #expect(error.description == "cannot write \(scratch.standardizedFileURL.path)/file/site: Not a directory; what this first build wrote was removed")
    }

    @Test("Folders with folders below are made first, parents first; the others as their files are written")
    func folders() {
        let folders = SiteWriter.folders(of: ["a/b/c/x.html", "a/y.html", "d/z.html", "top.html", "a/b/w.html", "a-b/v.html"])
        #expect(folders.inner == ["a", "a/b"])
        #expect(folders.last == ["a-b", "a/b/c", "d"])
    }

    @Test("A site of many nested folders is written whole with a bounded number of them open")
    func manyNestedFolders() throws {
        var site = Site()
        for a in 0..<6 { for b in 0..<12 { site.add("n\(a)/m\(b)/leaf/index.html", "\(a) \(b)") } }
        let out = try helpers.temporaryFolder()
        _ = try SiteWriter(output: out, workers: Workers(2)).write(site)
        for path in site.paths { #expect(helpers.read(out, path) == String(decoding: site.files[path]!, as: UTF8.self)) }
        #expect(SiteWriter.folders(of: site.paths).inner.count > 2 * FolderHandles.keptOpen)
    }

    @Test("Any number of threads writes the same tree")
    func threads() throws {
        let one = try helpers.temporaryFolder(), many = try helpers.temporaryFolder()
        _ = try SiteWriter(output: one, workers: .one).write(pages(25))
        _ = try SiteWriter(output: many, workers: Workers(7)).write(pages(25))
        #expect(helpers.tree(one) == helpers.tree(many))
        for path in pages(25).paths { #expect(helpers.read(one, path) == helpers.read(many, path)) }
    }
}

/// Counts calls from any thread.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        count += 1
        return count
    }
}
