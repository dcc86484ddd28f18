import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Moves an unreadable progress file aside as `NAME.corrupt-DATE`, or `NAME.corrupt-DATE-2`, `-3`, … when that
/// name is taken: an earlier backup is never overwritten. The new name is claimed with `link(2)`, which fails when
/// the name exists, so two processes cannot both take it; file systems without hard links claim it by creating
/// it with `O_EXCL` and renaming over that placeholder.
enum CorruptBackup {
    /// The most backups of one file in one second; beyond that something is writing garbage in a loop.
    static let maxCounter = 1_000

    /// Moves the target aside and returns the backup's path.
    static func moveAside(_ location: ProgressLocation, now: Date) throws(ProgressStore.Failure) -> String {
        let base = location.target + ".corrupt-" + stamp(now)
        for counter in 1...maxCounter {
            let candidate = counter == 1 ? base : base + "-\(counter)"
            if link(location.target, candidate) == 0 {
                unlink(location.target)
                DurableFile.syncFolder(location.folder)
                return candidate
            }
            switch errno {
            case EEXIST:
                continue
            case EPERM, ENOTSUP, EOPNOTSUPP, EMLINK:
                if try claimAndRename(location, to: candidate) { return candidate }
            default:
                throw failure(location)
            }
        }
        errno = EEXIST
        throw failure(location)
    }

    // MARK: - Helpers

    /// Creates `candidate` exclusively, then renames the target over it; false when the name is taken.
    private static func claimAndRename(_ location: ProgressLocation, to candidate: String) throws(ProgressStore.Failure) -> Bool {
        let fd = open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { return false }
            throw failure(location)
        }
        close(fd)
        guard rename(location.target, candidate) == 0 else {
            let saved = errno
            unlink(candidate)
            errno = saved
            throw failure(location)
        }
        DurableFile.syncFolder(location.folder)
        return true
    }

    private static func failure(_ location: ProgressLocation) -> ProgressStore.Failure {
        .io(path: location.shown, message: "unreadable, and it could not be moved aside: " + errnoText())
    }

    /// `20270115T080000Z`: the moment in UTC, without the colons that some file systems refuse.
    private static func stamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withYear, .withMonth, .withDay, .withTime, .withTimeZone]
        return formatter.string(from: date).replacingOccurrences(of: ":", with: "")
    }
}
