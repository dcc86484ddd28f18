import Foundation

/// Notices changes under a few folders by comparing snapshots of every file's size and modification time.
/// Snapshots keep it simple and exact (a course has a few hundred files, so one costs well under a millisecond per
/// hundred files); where the kernel offers inotify, it only says when to take the next one, so that a save is seen
/// at once instead of at the next poll.
struct FolderWatcher {
    var folders: [URL]
    private var last: [String: Stamp] = [:]
    private let notifier = Notifier()

    struct Stamp: Equatable {
        var size: Int64
        var modified: Int64
    }

    init(folders: [URL]) {
        self.folders = folders
        last = snapshot()
    }

    /// The files that changed, appeared or disappeared since the last call.
    mutating func changes() -> [String] {
        let now = snapshot()
        defer { last = now }
        guard now != last else { return [] }
        return Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }.sorted()
    }

    /// Waits up to `seconds`, less when something under the folders changes; true when that is why it returned
    /// early. Without inotify it just sleeps.
    func wait(upTo seconds: Double) -> Bool {
        guard let notifier else {
            Thread.sleep(forTimeInterval: seconds)
            return false
        }
        return notifier.wait(seconds)
    }

    /// Waits until nothing has changed under the folders for `seconds` (an editor's save in several steps, or a
    /// copy of many files, ends first). Without inotify it just sleeps `seconds`.
    func waitForQuiet(_ seconds: Double) {
        guard let notifier else {
            Thread.sleep(forTimeInterval: seconds)
            return
        }
        // Bounded, so that a file written without a pause still gets a rebuild now and then.
        var rounds = 0
        while rounds < 20 && notifier.wait(seconds) { rounds += 1 }
    }

    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            notifier?.watch(folder.path)
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = folder.path + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) == S_IFDIR { notifier?.watch(path) }
                guard (info.st_mode & S_IFMT) == S_IFREG else { continue }
                stamps[path] = Stamp(size: Int64(info.st_size),
                                     modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
        return stamps
    }
}

/// An inotify instance watching folders (each snapshot adds the folders it finds; adding one twice is harmless).
/// It only wakes the watcher: what changed is always decided by comparing snapshots.
private final class Notifier {
    private let fd: Int32

    init?() {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
    }

    deinit { close(fd) }

    func watch(_ folder: String) {
        let mask = IN_CREATE | IN_DELETE | IN_MODIFY | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_ATTRIB
            | IN_DELETE_SELF | IN_MOVE_SELF
        _ = inotify_add_watch(fd, folder, UInt32(mask))
    }

    /// Waits up to `seconds` for events; true when some came (they are read and dropped).
    func wait(_ seconds: Double) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, Int32(max(0, seconds * 1000).rounded(.up))) > 0 else { return false }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var got = false
        while buffer.withUnsafeMutableBytes({ read(fd, $0.baseAddress, $0.count) }) > 0 { got = true }
        return got
    }
}
