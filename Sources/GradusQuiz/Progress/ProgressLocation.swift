import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a progress file really lives and the names kept beside it. A symlinked progress file is followed to its
/// target, so that writes replace the target and the link stays a link; the lock and the temporaries sit beside
/// the target, in the folder where the rename happens.
struct ProgressLocation: Sendable {
    /// The path the learner gave (or the default), used in messages.
    var shown: String
    /// The file that is read and replaced: `shown` with every symbolic link of its last component followed.
    var target: String

    init(_ url: URL) {
        shown = url.path
        target = Self.followingLinks(url.path)
    }

    /// The folder holding the target.
    var folder: String { URL(fileURLWithPath: target).deletingLastPathComponent().path }
    var name: String { URL(fileURLWithPath: target).lastPathComponent }
    /// The lock file, `.NAME.lock`; created once and never deleted.
    var lock: String { folder + "/." + name + ".lock" }
    /// Every temporary is `.NAME.PID.RANDOM.tmp`: this prefix and `.tmp`.
    var temporaryPrefix: String { "." + name + "." }

    /// A fresh temporary name: the pid and 64 random bits, so that two writers never share one.
    func newTemporary() -> String {
        folder + "/" + temporaryPrefix + "\(getpid()).\(String(UInt64.random(in: 0...UInt64.max), radix: 16)).tmp"
    }

    /// Whether `entry` (a name in `folder`) is a temporary of this progress file, ours or a dead writer's.
    func isTemporary(_ entry: String) -> Bool {
        entry.hasPrefix(temporaryPrefix) && entry.hasSuffix(".tmp") && entry.count > temporaryPrefix.count + 4
    }

    // MARK: - Helpers

    /// Follows `path` while it is a symbolic link (at most 40 links, as the kernel does); a dangling link gives
    /// the path it points to, so the first save creates the target.
    private static func followingLinks(_ path: String) -> String {
        var current = path
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        for _ in 0..<40 {
            let count = readlink(current, &buffer, buffer.count - 1)
            guard count > 0 else { return current }
            let link = String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            current = link.hasPrefix("/") ? link
                : URL(fileURLWithPath: current).deletingLastPathComponent().appendingPathComponent(link).path
        }
        return current
    }
}
