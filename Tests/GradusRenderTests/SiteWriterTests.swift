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

    @Test("Temporaries left by a killed build are cleaned up by the next one")
    func leftovers() throws {
        let out = try temporaryFolder()
        try Data("half".utf8).write(to: out.appendingPathComponent(".gradus-tmp-a.html"))
        _ = try SiteWriter(output: out).write(site(["a.html": "A"]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == [".gradus-manifest", "a.html"])
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
