import Foundation

/// Golden files: expected outputs kept beside the tests in `Golden/`.
public enum Golden {
    /// Compares `actual` with `Golden/<name>` in the folder of the calling test file. When the file is
    /// missing or `GRADUS_RECORD=1` is set, writes it and returns a failure message anyway, so recording is
    /// never a silent pass. Line endings are normalised. Returns nil when they match.
    public static func mismatch(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
        let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Golden")
        let url = folder.appendingPathComponent(name)
        let normalised = actual.replacingOccurrences(of: "\r\n", with: "\n")
        let record = ProcessInfo.processInfo.environment["GRADUS_RECORD"] == "1"
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(),
                                                     withIntermediateDirectories: true)
            try? Data(normalised.utf8).write(to: url)
            return "recorded golden file \(name); check it and run again"
        }
        let expected = (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        if expected == normalised { return nil }
        return "output differs from golden file \(name):\n" + firstDifference(expected, normalised)
    }

    private static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end>"
            let al = i < a.count ? String(a[i]) : "<end>"
            if el != al { return "line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "(no line differs)"
    }
}
