import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress file's system calls: read it whole, replace it so that a crash or kill at any moment leaves the
/// old file or the new one (temporary, `fsync`, `rename`, `fsync` of the folder), and remove temporaries that a
/// killed writer left. Called with the lock held.
enum DurableFile {
    /// The target's bytes, or nil when it does not exist. Throws `.unreadable` for any other failure (a file the
    /// learner may not read must not be mistaken for no progress and overwritten).
    static func contents(_ location: ProgressLocation) throws(ProgressStore.Failure) -> Data? {
        let fd = open(location.target, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return nil }
            throw .unreadable(path: location.shown, message: errnoText())
        }
        defer { close(fd) }
        var data = Data()
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw .unreadable(path: location.shown, message: errnoText())
            }
            if count == 0 { return data }
            data.append(contentsOf: chunk[0..<count])
        }
    }

    /// Replaces the target with `bytes`: a fresh temporary beside it (created exclusively, mode 0600), written and
    /// synced, renamed over the target, then the folder synced so that the rename itself is durable.
    static func replace(_ location: ProgressLocation, with bytes: [UInt8]) throws(ProgressStore.Failure) {
        let temporary = location.newTemporary()
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw .io(path: location.shown, message: errnoText()) }
        var written = 0
        while written < bytes.count {
            let count = bytes.withUnsafeBufferPointer { write(fd, $0.baseAddress! + written, $0.count - written) }
            if count < 0 {
                if errno == EINTR { continue }
                let message = errnoText()
                close(fd)
                unlink(temporary)
                throw .io(path: location.shown, message: message)
            }
            written += count
        }
        guard fsync(fd) == 0, close(fd) == 0 else {
            let message = errnoText()
            unlink(temporary)
            throw .io(path: location.shown, message: message)
        }
        guard rename(temporary, location.target) == 0 else {
            let message = errnoText()
            unlink(temporary)
            throw .io(path: location.shown, message: message)
        }
        syncFolder(location.folder)
    }

    /// Removes every temporary of this progress file. With the lock held no writer is running, so any temporary
    /// left is a killed writer's.
    static func removeStaleTemporaries(_ location: ProgressLocation) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: location.folder) else { return }
        for entry in entries where location.isTemporary(entry) {
            unlink(location.folder + "/" + entry)
        }
    }

    /// Flushes a folder's entries (a rename or a new name) to disk; best effort, as some file systems refuse it.
    static func syncFolder(_ folder: String) {
        let fd = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
