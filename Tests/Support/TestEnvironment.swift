import Foundation

/// Facts about the machine the tests run on: the package's root, CI mode, and outside tools used as oracles.
public enum TestEnvironment {
    /// True under `CI=true`, where a missing oracle fails the run instead of skipping.
    public static var isCI: Bool { ProcessInfo.processInfo.environment["CI"] == "true" }

    /// The package's root folder (the one holding Package.swift), found from this file's path.
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
                return url
            }
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    /// The full path of an executable on `PATH`, or nil when it is not installed.
    public static func tool(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        for folder in path.split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent(name)
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }

    /// Whether tests that need `name` should run: when it is installed, or under CI (where they then fail
    /// loudly if it is missing). Prints a visible notice when they are skipped.
    public static func wants(_ name: String) -> Bool {
        if tool(name) != nil || isCI { return true }
        FileHandle.standardError.write(Data("notice: '\(name)' is not installed; tests that use it are skipped\n".utf8))
        return false
    }

    /// Whether tests that need the Python module `name` (selenium, say) should run: when python3 imports it, or
    /// under CI. Prints a visible notice when they are skipped.
    public static func wantsPython(_ name: String) -> Bool {
        if isCI { return true }
        if let python = tool("python3"), let result = try? runProcess(python, ["-c", "import \(name)"]), result.status == 0 {
            return true
        }
        FileHandle.standardError.write(Data("notice: python3 cannot import \(name); tests that use it are skipped\n".utf8))
        return false
    }
}
