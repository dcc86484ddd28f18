import Foundation
import Testing
import GradusMarkdown
import GradusTestSupport

extension SpecExample: CustomTestStringConvertible {}

/// CommonMark 0.31.2's 652 examples, rendered with `--commonmark --unsafe` and compared byte for byte.
@Suite("CommonMark 0.31.2 spec")
struct CommonMarkSpecTests {
    @Test("The spec is available with all 652 examples")
    func specIsAvailable() throws {
        switch CommonMarkSpec.loaded {
        case .success(let examples):
            #expect(examples.count == 652)
        case .failure(let error):
            if TestEnvironment.isCI { Issue.record("CommonMark spec unavailable: \(error)") }
            else { FileHandle.standardError.write(Data("notice: CommonMark spec unavailable (\(error)); spec examples skipped\n".utf8)) }
        }
    }

    @Test("Spec example renders as the spec says", arguments: CommonMarkSpec.examples)
    func example(_ example: SpecExample) {
        let html = Markdown.html(example.markdown, options: MarkdownOptions(dialect: .commonmark, unsafe: true))
        #expect(html == example.html, "markdown:\n\(example.markdown)")
    }
}
