import Foundation
import Testing
@testable import GradusContent

@Suite("Source stamps")
struct CheckStampTests {
    @Test("Section hashes are FNV-1a 64 folded to 32 bits (published vectors: 'a' → af63dc4c8601ec8c, 'foobar' → 85944171f73967e8)")
    func fnvVectors() {
        #expect(SectionStamp.hash(["a"]) == "296230c0")
        #expect(SectionStamp.hash(["foobar"]) == "72ad2699")
        #expect(SectionStamp.hash(["## A {#a}", "", "text"]) == "dbb63ce7")
    }

    @Test("Sections start at level-2 headings outside directives; the part before the first is '_'")
    func sections() {
        let body = "Intro.\n\n## One {#one}\n\nText.\n\n::: quiz\n## Not a section\n\n- [x] a\n- [ ] b\n:::\n\n## Two\n\nMore.\n"
        let stamp = SectionStamp(body: body)
        #expect(stamp.sections.map(\.name) == ["_", "one", "two"])
        #expect(stamp.sections[0].hash == SectionStamp.hash(["Intro.", ""]))
        #expect(stamp.sections[2].hash == SectionStamp.hash(["## Two", "", "More."]))
    }

    @Test("Trailing spaces and blank lines do not change a section; a word does, and names only that section")
    func changes() {
        let before = SectionStamp(body: "Intro.\n\n## One {#one}\n\nText.\n\n## Two {#two}\n\nMore.\n")
        let spaces = SectionStamp(body: "Intro.   \n\n## One {#one}\n\nText.\n\n\n\n## Two {#two}\n\nMore.\n")
        #expect(spaces.changes(since: before).isEmpty)
        let edited = SectionStamp(body: "Intro.\n\n## One {#one}\n\nOther text.\n\n## Two {#two}\n\nMore.\n")
        #expect(edited.changes(since: before) == ["one"])
        let restructured = SectionStamp(body: "Intro.\n\n## One {#one}\n\nText.\n\n## Three {#three}\n\nMore.\n")
        #expect(restructured.changes(since: before) == ["three", "two"])
    }

    @Test("A stamp written into front matter reads back as the same stamp")
    func roundTrip() throws {
        let stamp = SectionStamp(body: "Intro.\n\n## One {#one}\n\nText.\n")
        var diagnostics: [Diagnostic] = []
        let file = SourceFile.read("---\ntitle: T\nsource: \(stamp)\n---\nBody\n", path: "x.md", diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty)
        let read = try #require(file.frontMatter["source"].flatMap(SectionStamp.init))
        #expect(read == stamp)
        #expect(SectionStamp(.string("no list")) == nil)
        #expect(SectionStamp(.list([.string("missing-equals")])) == nil)
    }

    @Test("Stamping replaces the source line or adds one before the closing fence, keeping every other byte")
    func stamping() throws {
        let stamp = SectionStamp(sections: [("_", "00000001")])
        let plain = "---\ntitle: T\n---\nBody  \n\n"
        #expect(StampWriter.stamped(plain, with: stamp) == "---\ntitle: T\nsource: [_=00000001]\n---\nBody  \n\n")
        let old = "---\ntitle: T\nsource: [_=ffffffff]\ntags: [a]\n---\nBody"
        #expect(StampWriter.stamped(old, with: stamp) == "---\ntitle: T\nsource: [_=00000001]\ntags: [a]\n---\nBody")
        let crlf = "---\r\ntitle: T\r\n---\r\nBody\r\n"
        #expect(StampWriter.stamped(crlf, with: stamp) == "---\r\ntitle: T\r\nsource: [_=00000001]\r\n---\r\nBody\r\n")
        let block = "---\ntitle: T\nsource:\n  - _=ffffffff\n  - one=eeeeeeee\nweight: 2\n---\nBody"
        #expect(StampWriter.stamped(block, with: stamp) == "---\ntitle: T\nsource: [_=00000001]\nweight: 2\n---\nBody")
        #expect(StampWriter.stamped("No front matter.\n", with: stamp) == nil)
        #expect(StampWriter.stamped("---\ntitle: T\nnever closed\n", with: stamp) == nil)
    }

    @Test("A symlinked translation gets its stamp written through to its target; the link stays and the mode is kept")
    func stampThroughSymlink() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-stamps-\(UUID().uuidString)")
        let lessons = root.appendingPathComponent("content/lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        let content = root.appendingPathComponent("content")
        try "languages: [en, pt]\n".write(to: content.appendingPathComponent("course.yml"), atomically: true, encoding: .utf8)
        for code in ["en", "pt"] {
            try "---\ntitle: C\n---\n".write(to: content.appendingPathComponent("course.\(code).md"), atomically: true, encoding: .utf8)
        }
        try "---\ntitle: X\n---\nok\n".write(to: lessons.appendingPathComponent("01-x.en.md"), atomically: true, encoding: .utf8)
        let target = root.appendingPathComponent("private.md")
        try "---\ntitle: XP\n---\nok\n".write(to: target, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: target.path)
        let link = lessons.appendingPathComponent("01-x.pt.md")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        let course = try ContentLoader(root: content, displayRoot: "content").load()
        #expect(try StampWriter(root: content, displayRoot: "content").update(course) == ["content/lessons/01-x.pt.md"])
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        #expect(try String(contentsOf: target, encoding: .utf8).contains("source: ["))
        let mode = try FileManager.default.attributesOfItem(atPath: target.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)
    }
}
