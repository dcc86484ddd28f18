import Foundation
import Synchronization
@testable import GradusCLI

/// Runs the CLI in-process and captures what it prints.
struct CLIRun {
    /// A data folder of this test process, in place of the user's own.
    static let dataHome = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-test-data-\(getpid())")

    var status: Int32
    var out: String
    var err: String

    init(_ arguments: [String], in directory: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath),
         environment: [String: String] = [:], input: [String] = []) {
        var environment = environment
        // A quiz run without --progress writes the learner's progress file: never the real one of whoever runs
        // the tests.
        if environment["XDG_DATA_HOME"] == nil && environment["HOME"] == nil {
            environment["XDG_DATA_HOME"] = CLIRun.dataHome.path
        }
        let out = Mutex(""), err = Mutex(""), lines = Mutex(input[...])
        let console = Console(out: { text in out.withLock { $0 += text } },
                              err: { text in err.withLock { $0 += text } },
                              readLine: { lines.withLock { $0.popFirst() } },
                              readAll: { Data(input.joined(separator: "\n").utf8) },
                              isTerminal: false, environment: environment, directory: directory)
        status = CLI.run(arguments, console: console)
        self.out = out.withLock { $0 }
        self.err = err.withLock { $0 }
    }
}
