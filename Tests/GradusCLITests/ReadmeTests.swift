import Foundation
import Testing
import GradusTestSupport
@testable import GradusCLI

@Suite("README")
struct ReadmeTests {
    static let readme = (try? String(contentsOf: TestEnvironment.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)) ?? ""

    /// The commands of the README's code blocks and table that start with `gradus` or `swift run … gradus`, as argument lists.
    static func examples(_ subcommand: String) -> [[String]] {
        readme.split(separator: "\n").compactMap { line -> [String]? in
            guard let range = line.range(of: "gradus \(subcommand) ") else { return nil }
            var rest = line[range.lowerBound...].dropFirst("gradus ".count)
            if let end = rest.firstIndex(where: { $0 == "`" || $0 == "#" || $0 == "|" }) { rest = rest[..<end] }
            return rest.split(separator: " ").map(String.init)
        }
    }

    @Test("The README's scripted quiz and simulate examples run on the real course as written")
    func examplesRun() throws {
        let quizzes = Self.examples("quiz").filter { $0.contains("--answers") }
        #expect(!quizzes.isEmpty && !Self.examples("simulate").isEmpty)
        for arguments in quizzes + Self.examples("simulate") {
            let run = CLIRun(arguments, in: TestEnvironment.packageRoot)
            #expect(run.status == 0, "gradus \(arguments.joined(separator: " ")): \(run.err)")
        }
    }
}
