import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads and writes the progress file so that no answer is lost: every change is a read-merge-write under an
/// exclusive lock (`FileLock`), so quizzes running at once on one file each add their answers to what the others
/// saved; the write is a temporary, `fsync` and `rename` (`DurableFile`), so a kill at any moment leaves the old
/// file or the new one, whole. A file that cannot be read is moved aside under a name no earlier backup has
/// (`CorruptBackup`), with a warning. A symlinked file is written through to its target (`ProgressLocation`).
public struct ProgressStore: Sendable {
    /// Why the progress file could not be used, with the path as the learner gave it.
    public enum Failure: Error, Equatable, CustomStringConvertible {
        /// The file was written by a newer Gradus; it is left untouched.
        case newerVersion(path: String, version: Int)
        /// Another process held the lock for longer than the store waits.
        case locked(path: String, lock: String, seconds: Double)
        /// The file exists but cannot be read (permissions, a folder in its place).
        case unreadable(path: String, message: String)
        case io(path: String, message: String)

        public var description: String {
            switch self {
            case .newerVersion(let path, let version):
                return "\(path) has progress format version \(version), newer than this Gradus reads "
                    + "(\(ProgressFile.currentVersion)); it was left as it is (use --progress FILE for another file)"
            case .locked(let path, let lock, let seconds):
                let shown = seconds == seconds.rounded() ? "\(Int(seconds))" : "\(seconds)"
                return "\(path) is busy: another process has held \(lock) for more than \(shown) s "
                    + "(if no gradus is running, that process is stuck; end it and try again)"
            case .unreadable(let path, let message):
                return "cannot read \(path): \(message)"
            case .io(let path, let message):
                return "cannot write \(path): \(message)"
            }
        }
    }

    public var url: URL
    /// Seconds a read or save waits for another process's lock before it fails with `.locked`.
    public var lockTimeout: Double

    public init(url: URL, lockTimeout: Double = 10) {
        self.url = url
        self.lockTimeout = lockTimeout
    }

    /// Gradus' data folder: `$XDG_DATA_HOME/gradus`, else `$HOME/.local/share/gradus`.
    static func dataFolder(environment: [String: String]) -> URL {
        if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") {
            return URL(fileURLWithPath: data).appendingPathComponent("gradus")
        }
        let home = environment["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/gradus")
    }

    /// The progress file of one course, so that two courses with a lesson of the same name keep their learners'
    /// answers apart: `DATA/courses/ID/progress.json` (see `dataFolder`).
    public static func defaultURL(environment: [String: String], course id: String) -> URL {
        dataFolder(environment: environment).appendingPathComponent("courses/\(id)/progress.json")
    }

    /// The one progress file that every course shared before progress was kept per course.
    public static func sharedURL(environment: [String: String]) -> URL {
        dataFolder(environment: environment).appendingPathComponent("progress.json")
    }

    /// Moves the records of `lessons` from the shared progress file of earlier versions into a course's `url`, the
    /// first time a course with such lessons is used; the shared file is then kept as `progress.json.migrated`, so
    /// no other course (a new one with a lesson of the same name, say) takes the same answers again, and no answer
    /// is lost. Returns a notice when it moved them.
    public static func adopt(shared: URL, into url: URL, lessons: Set<String>) -> String? {
        var info = stat()
        // Anything at the course's path, even a link to nothing yet, is the course's own progress.
        guard lstat(url.path, &info) != 0, let old = FileManager.default.contents(atPath: shared.path),
              var progress = try? ProgressFile.decode(old) else { return nil }
        progress.questions = progress.questions.filter { lessons.contains($0.value.lesson) }
        guard !progress.questions.isEmpty else { return nil }
        let folder = url.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).adopt.tmp").path
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return nil
        }
        let bytes = [UInt8](progress.encoded())
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return nil }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) } == bytes.count && fsync(fd) == 0
        close(fd)
        // link() fails when another session adopted first: its copy is the same records, so it stays.
        guard written, link(temporary, url.path) == 0 else {
            unlink(temporary)
            return nil
        }
        unlink(temporary)
        DurableFile.syncFolder(folder.path)
        let aside = shared.path + ".migrated"
        rename(shared.path, aside)
        return "progress recorded before each course kept its own was moved from \(shared.path) to \(url.path) "
            + "(the old file is kept as \(aside))"
    }

    /// The stored progress (empty when there is no file) and a warning when an unreadable file was moved aside;
    /// `now` names the moved file. Removes temporaries left by killed writers. Without a folder there is nothing
    /// to read, and nothing is created.
    public func load(now: Date) throws(Failure) -> (progress: ProgressFile, warning: String?) {
        let location = ProgressLocation(url)
        guard FileManager.default.fileExists(atPath: location.folder) else { return (ProgressFile(), nil) }
        return try FileLock.holding(location, timeout: lockTimeout, readingOnly: true) { locked throws(Failure) in
            if locked { DurableFile.removeStaleTemporaries(location) }
            return try read(location, now: now)
        }
    }

    /// Applies `change` to the progress as it is on disk now, under the lock, and writes the result; returns a
    /// warning when an unreadable file was moved aside first. Removes temporaries left by killed writers.
    @discardableResult
    public func update(now: Date, _ change: (inout ProgressFile) -> Void) throws(Failure) -> String? {
        let location = ProgressLocation(url)
        do {
            try FileManager.default.createDirectory(atPath: location.folder, withIntermediateDirectories: true)
        } catch {
            throw .io(path: location.shown, message: "cannot create \(location.folder)")
        }
        return try FileLock.holding(location, timeout: lockTimeout) { _ throws(Failure) in
            DurableFile.removeStaleTemporaries(location)
            var (progress, warning) = try read(location, now: now)
            change(&progress)
            try DurableFile.replace(location, with: [UInt8](progress.encoded()))
            return warning
        }
    }

    /// Replaces the stored progress with `progress` as a whole.
    public func save(_ progress: ProgressFile) throws(Failure) {
        try update(now: Date()) { $0 = progress }
    }

    /// Deletes the progress file (`--reset`); through a symlink it deletes the target and keeps the link. A
    /// missing file is not an error.
    public func reset() throws(Failure) {
        let location = ProgressLocation(url)
        guard FileManager.default.fileExists(atPath: location.folder) else { return }
        try FileLock.holding(location, timeout: lockTimeout) { _ throws(Failure) in
            DurableFile.removeStaleTemporaries(location)
            if unlink(location.target) != 0 && errno != ENOENT {
                throw .io(path: location.shown, message: errnoText())
            }
            DurableFile.syncFolder(location.folder)
        }
    }

    // MARK: - Helpers

    /// The file's progress, with the lock held: empty when absent, refused when newer, moved aside when unreadable.
    private func read(_ location: ProgressLocation, now: Date) throws(Failure) -> (ProgressFile, String?) {
        guard let data = try DurableFile.contents(location) else { return (ProgressFile(), nil) }
        if let version = Self.version(of: data), version > ProgressFile.currentVersion {
            throw .newerVersion(path: location.shown, version: version)
        }
        if let progress = try? ProgressFile.decode(data) { return (progress, nil) }
        let aside = try CorruptBackup.moveAside(location, now: now)
        return (ProgressFile(), "\(location.shown) could not be read; it was kept as \(aside) and progress starts afresh")
    }

    private static func version(of data: Data) -> Int? {
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return nil }
        return object["version"] as? Int
    }
}
