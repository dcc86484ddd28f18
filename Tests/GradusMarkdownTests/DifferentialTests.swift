import Foundation
import Testing
import GradusMarkdown
import GradusTestSupport

/// Gradus against Debian's cmark (0.30.2), byte for byte, on a written corpus and on seeded random
/// documents. Where CommonMark 0.31.2 changed the rules, inputs that exercise the change are excluded by
/// rule (`KnownDifferences`), never by their outcome; the spec tests cover those cases.
@Suite("Differential against cmark")
struct DifferentialTests {
    static let corpus: [String] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/differential")
        return ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".md") }.sorted()
    }()

    static func compare(_ input: String) throws {
        let cmark = try #require(TestEnvironment.tool("cmark"), "cmark is not installed")
        let reference = try runProcess(cmark, ["--unsafe"], input: Data(input.utf8))
        #expect(reference.status == 0)
        let ours = Markdown.html(input, options: MarkdownOptions(dialect: .commonmark, unsafe: true))
        #expect(ours == reference.stdoutText, "input:\n\(input)")
    }

    @Test("The written corpus is not empty")
    func corpusExists() {
        #expect(Self.corpus.count >= 5)
    }

    @Test("Corpus file renders as cmark renders it", .enabled(if: TestEnvironment.wants("cmark")), arguments: corpus)
    func corpusFile(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/differential/\(name)")
        let input = try String(contentsOf: url, encoding: .utf8)
        try #require(KnownDifferences.reason(input) == nil, "corpus files must avoid 0.30→0.31 changes")
        try Self.compare(input)
    }

    @Test("Random document renders as cmark renders it", .enabled(if: TestEnvironment.wants("cmark")),
          arguments: 0..<400)
    func randomDocument(_ seed: Int) throws {
        var generator = RandomMarkdown(seed: UInt64(seed))
        let input = generator.document()
        if KnownDifferences.reason(input) != nil { return }
        try Self.compare(input)
    }

    @Test("Most random documents are compared, not excluded")
    func exclusionsAreRare() {
        var excluded = 0
        for seed in 0..<400 {
            var generator = RandomMarkdown(seed: UInt64(seed))
            if KnownDifferences.reason(generator.document()) != nil { excluded += 1 }
        }
        #expect(excluded < 40)
    }

    @Test("Exclusion rules name the 0.31 changes they stand for", arguments: [
        ("*£*bravo.", true), ("*$*alpha.", false), ("foo <!-- x -->", true), ("<search>", true), ("<source>", true),
        ("*émphasis*", false),
    ])
    func exclusionRules(_ input: String, _ excluded: Bool) {
        #expect((KnownDifferences.reason(input) != nil) == excluded)
    }
}

/// Inputs where cmark 0.30.2 and CommonMark 0.31.2 disagree by design.
enum KnownDifferences {
    /// Why `input` cannot be compared with cmark 0.30.2, or nil when it can.
    static func reason(_ input: String) -> String? {
        // 0.31: Unicode symbols (S*) count as punctuation for flanking (spec example 354).
        let scalars = Array(input.unicodeScalars)
        for (i, s) in scalars.enumerated() where s == "*" || s == "_" {
            for j in [i - 1, i + 1] where j >= 0 && j < scalars.count && scalars[j].value >= 0x80 {
                switch scalars[j].properties.generalCategory {
                case .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
                    return "symbol next to a delimiter run (0.31 counts symbols as punctuation)"
                default: break
                }
            }
        }
        // 0.31: new HTML comment syntax (`<!-->`, `<!--->`, `--` inside; examples 625, 626).
        if input.contains("<!--") { return "HTML comment (0.31 changed comment syntax)" }
        // 0.31: `search` became an HTML block name and `source` stopped being one.
        let lower = input.lowercased()
        if lower.contains("<search") || lower.contains("</search") || lower.contains("<source") || lower.contains("</source") {
            return "HTML block names search/source (changed in 0.31)"
        }
        return nil
    }
}
