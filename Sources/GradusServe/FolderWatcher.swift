import Foundation

/// Notices changes under a few folders by comparing snapshots of every file's size and modification time.
/// Polling keeps it portable and simple; a course has a few hundred files, so a snapshot costs well under a
/// millisecond per hundred files.
struct FolderWatcher {
    var folders: [URL]
    private var last: [String: Stamp] = [:]

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

    private func snapshot() -> [String: Stamp] {
        var stamps: [String: Stamp] = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            while let relative = walker.nextObject() as? String {
                let path = folder.path + "/" + relative
                var info = stat()
                guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
                stamps[path] = Stamp(size: Int64(info.st_size),
                                     modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec))
            }
        }
        return stamps
    }
}
