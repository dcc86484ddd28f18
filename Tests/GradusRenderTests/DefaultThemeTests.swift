import Foundation
import Testing
import GradusTestSupport
@testable import GradusRender

/// The theme built into the binary is the repository's `templates/` folder, byte for byte. When they differ and
/// `GRADUS_RECORD=1` is set, the test writes `Sources/GradusRender/Theme/DefaultTheme+Files.swift` anew from the
/// folder (and fails, so that the new source is built and checked by the next run).
@Suite("Default theme")
struct DefaultThemeTests {
    static let folder = TestEnvironment.packageRoot.appendingPathComponent("templates")
    static let source = TestEnvironment.packageRoot.appendingPathComponent("Sources/GradusRender/Theme/DefaultTheme+Files.swift")

    /// Every file of `templates/` by its relative path.
    static func templates() throws -> [String: String] {
        var files: [String: String] = [:]
        let root = folder.standardizedFileURL.path
        for case let path as String in FileManager.default.enumerator(atPath: root)?.allObjects ?? [] {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  !(path as NSString).lastPathComponent.hasPrefix(".") else { continue }
            files[path] = try String(contentsOf: URL(fileURLWithPath: root + "/" + path), encoding: .utf8)
        }
        return files
    }

    /// The Swift source that holds `files`: one raw multi-line string literal per file, with enough `#` that no
    /// file's text can end the literal or start an escape.
    static func generate(_ files: [String: String]) -> String {
        var out = "// Generated from templates/ by Tests/GradusRenderTests/DefaultThemeTests.swift; do not edit.\n"
        out += "// Change templates/, then run: GRADUS_RECORD=1 swift test --filter DefaultThemeTests\n\n"
        out += "extension DefaultTheme {\n    static let files: [String: String] = [\n"
        for path in files.keys.sorted() {
            let text = files[path]!
            var hashes = "#"
            while text.contains("\"\"\"" + hashes) || text.contains("\\" + hashes) { hashes += "#" }
            // The literal's last line break is not part of its value, so a file ending in one gets a blank line.
            out += "        \"\(path)\": \(hashes)\"\"\"\n\(text)\n\"\"\"\(hashes),\n"
        }
        return out + "    ]\n}\n"
    }

    @Test("Every file of templates/ is in the binary with the same text, and no other")
    func embedded() throws {
        let files = try Self.templates()
        let same = Set(DefaultTheme.paths) == Set(files.keys) && files.allSatisfy { DefaultTheme.text($0.key) == $0.value }
        if !same && ProcessInfo.processInfo.environment["GRADUS_RECORD"] == "1" {
            try Self.generate(files).write(to: Self.source, atomically: true, encoding: .utf8)
            Issue.record("wrote \(Self.source.lastPathComponent) from templates/; build and run again")
            return
        }
        #expect(DefaultTheme.paths == files.keys.sorted())
        for (path, text) in files { #expect(DefaultTheme.text(path) == text, "\(path) differs from templates/\(path)") }
    }

    @Test("The theme knows the interface words of pt, de and en")
    func languages() {
        #expect(DefaultTheme.languages == ["de", "en", "pt"])
    }

    @Test("Every interface word of the theme is named in the authoring guide's table of keys")
    func wordsDocumented() throws {
        let english = try #require(DefaultTheme.text("i18n/en.json"))
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(english.utf8)) as? [String: Any]).keys
        let guide = try String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("docs/authoring.md"), encoding: .utf8)
        let table = try #require(guide.range(of: "| keys | what they are |")).upperBound
        let rows = String(guide[table...]).components(separatedBy: "\n\n")[0]
        #expect(keys.count > 60)
        #expect(keys.filter { !rows.contains("`\($0)`") }.sorted() == [])
    }
}
