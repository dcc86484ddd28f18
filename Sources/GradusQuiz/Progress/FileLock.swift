import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An exclusive `flock(2)` on the lock file beside the progress file, held around each read-merge-write so that
/// quizzes running at once take turns. A separate file, because the progress file itself is replaced by a rename
/// on every save and a lock on the old one would guard nothing. The kernel drops the lock when its holder exits or
/// is killed, so a dead session never blocks the next one.
enum FileLock {
    /// Runs `body` holding the lock at `location.lock`, waiting at most `timeout` seconds for another holder.
    /// Throws `.locked` when the wait runs out, `.io` when the lock file cannot be opened. With `readingOnly`, a
    /// folder where the lock file cannot be created (read-only) runs `body` unlocked: renames keep reads whole.
    /// `body` learns whether it holds the lock.
    static func holding<T>(_ location: ProgressLocation, timeout: Double, readingOnly: Bool = false,
                           _ body: (_ locked: Bool) throws(ProgressStore.Failure) -> T) throws(ProgressStore.Failure) -> T {
        let fd = open(location.lock, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        if fd < 0, readingOnly, errno == EACCES || errno == EROFS || errno == EPERM { return try body(false) }
        guard fd >= 0 else {
            throw .io(path: location.shown, message: "cannot open the lock file \(location.lock): " + errnoText())
        }
        defer { close(fd) }
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(max(timeout, 0) * 1e9)
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                throw .io(path: location.shown, message: "cannot lock \(location.lock): " + errnoText())
            }
            guard DispatchTime.now().uptimeNanoseconds < deadline else {
                throw .locked(path: location.shown, lock: location.lock, seconds: timeout)
            }
            usleep(5_000)
        }
        return try body(true)
    }
}
