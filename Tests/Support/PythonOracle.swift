import Foundation

/// python3 with numpy as a test oracle: scripts read JSON on standard input and print JSON.
public enum PythonOracle {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        case scriptFailed(String)
        public var description: String {
            switch self {
            case .unavailable(let why): return why
            case .scriptFailed(let why): return "python3 failed: \(why)"
            }
        }
    }

    /// Whether tests that need numpy should run: when python3 can import numpy, or under CI (where they then
    /// fail loudly if it cannot). Prints a visible notice when they are skipped.
    public static func wantsNumpy() -> Bool {
        if hasNumpy || TestEnvironment.isCI { return true }
        FileHandle.standardError.write(Data("notice: python3 with numpy is not available; tests that use it are skipped\n".utf8))
        return false
    }

    /// True when `python3 -c "import numpy"` succeeds.
    public static let hasNumpy: Bool = {
        guard let python = TestEnvironment.tool("python3"),
              let result = try? runProcess(python, ["-c", "import numpy"]) else { return false }
        return result.status == 0
    }()

    /// Runs `script` with python3, `input` (JSON) on standard input, and decodes its standard output as JSON.
    /// OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are removed from the child's environment.
    public static func run(_ script: String, input: Any) throws -> Any {
        guard let python = TestEnvironment.tool("python3") else { throw Failure.unavailable("python3 is missing") }
        var environment = ProcessInfo.processInfo.environment
        environment["OPENBLAS_CORETYPE"] = nil
        environment["OPENBLAS_L2_SIZE"] = nil
        let data = try JSONSerialization.data(withJSONObject: input)
        let result = try runProcess(python, ["-c", script], input: data, environment: environment)
        guard result.status == 0 else { throw Failure.scriptFailed(result.stderrText) }
        return try JSONSerialization.jsonObject(with: result.stdout)
    }
}
