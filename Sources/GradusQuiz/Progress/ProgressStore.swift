import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes the progress file safely: a write goes to a temporary file beside the target, is flushed to
/// disk, then renamed over it, so a crash or a kill at any moment leaves the old file or the new one, whole. A
/// file that cannot be read is moved aside (`NAME.corrupt-DATE`) with a warning instead of being overwritten.
public struct ProgressStore: Sendable {
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file was written by a newer Gradus; it is left untouched.
        case newerVersion(path: String, version: Int)
        case io(path: String, message: String)

        public var description: String {
            switch self {
            case .newerVersion(let path, let version):
                return "\(path) has progress format version \(version), newer than this Gradus reads "
                    + "(\(ProgressFile.currentVersion)); it was left as it is (use --progress FILE for another file)"
            case .io(let path, let message):
                return "cannot write \(path): \(message)"
            }
        }
    }

    public var url: URL

    public init(url: URL) { self.url = url }

    /// `$XDG_DATA_HOME/gradus/progress.json`, else `$HOME/.local/share/gradus/progress.json`.
    public static func defaultURL(environment: [String: String]) -> URL {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("gradus/progress.json")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/gradus/progress.json")
    }

    /// The stored progress (empty when there is no file) and a warning when an unreadable file was moved aside;
    /// `now` names the moved file.
    public func load(now: Date) throws(Failure) -> (progress: ProgressFile, warning: String?) {
        guard let data = FileManager.default.contents(atPath: url.path) else { return (ProgressFile(), nil) }
        if let version = Self.version(of: data), version > ProgressFile.currentVersion {
            throw .newerVersion(path: url.path, version: version)
        }
        if let progress = try? ProgressFile.decode(data) { return (progress, nil) }
        let stamp = Self.stamp(now)
        let aside = url.path + ".corrupt-" + stamp
        guard rename(url.path, aside) == 0 else {
            throw .io(path: url.path, message: "unreadable, and it could not be moved aside: " + Self.errnoText())
        }
        return (ProgressFile(), "\(url.path) could not be read; it was kept as \(aside) and progress starts afresh")
    }

    /// Writes `progress` to a temporary file beside the target, syncs it, and renames it over the target.
    public func save(_ progress: ProgressFile) throws(Failure) {
        let folder = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: url.path, message: "cannot create \(folder.path)")
        }
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let bytes = [UInt8](progress.encoded())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard fd >= 0 else { throw .io(path: url.path, message: Self.errnoText()) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress! + written, $0.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                let message = Self.errnoText()
                close(fd)
                unlink(temporary)
                throw .io(path: url.path, message: message)
            }
            written += n
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let message = Self.errnoText()
            unlink(temporary)
            throw .io(path: url.path, message: message)
        }
        guard rename(temporary, url.path) == 0 else {
            let message = Self.errnoText()
            unlink(temporary)
            throw .io(path: url.path, message: message)
        }
        let dir = open(folder.path, O_RDONLY)
        if dir >= 0 { fsync(dir); close(dir) }
    }

    /// Deletes the progress file (`--reset`); a missing file is not an error.
    public func reset() throws(Failure) {
        if unlink(url.path) != 0 && errno != ENOENT { throw .io(path: url.path, message: Self.errnoText()) }
    }

    // MARK: - Helpers

    private static func version(of data: Data) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["version"] as? Int
    }

    private static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "")
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }
}
