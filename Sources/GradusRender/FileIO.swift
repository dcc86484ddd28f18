import Foundation

/// Thin POSIX file operations for the site writer: Foundation's file APIs cost more per call than the writes
/// themselves when a build touches thousands of small files.
enum FileIO {
    /// The file's bytes if it exists and is a regular file of exactly `size` bytes; nil otherwise (cheap when
    /// sizes differ: only a stat).
    static func contents(of path: String, ifSize size: Int) -> [UInt8]? {
        var info = stat()
        guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
            if n <= 0 { return nil }
            done += n
        }
        return buffer
    }

    /// Whether the bytes are equal (memcmp, not an element-by-element walk through Data's iterator).
    static func same(_ bytes: [UInt8], _ data: Data) -> Bool {
        bytes.count == data.count && bytes.withUnsafeBytes { a in
            data.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// Writes `data` to a new file at `path` (replacing one that exists), all or throw.
    static func write(_ data: Data, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        try data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    let reason = String(cString: strerror(errno))
                    unlink(path)  // a partial file (a full disk) must not stay behind
                    throw WriteError(path: path, reason: reason)
                }
                done += n
            }
        }
    }

    /// Creates `path` and its missing parents, remembering folders already seen in this build; the folders it had
    /// to create are appended to `created` (parents first), so a failed write can remove them again.
    static func makeFolder(_ path: String, known: inout Set<String>, created: inout [String]) throws {
        if known.contains(path) { return }
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else {
                throw WriteError(path: path, reason: "a file is in the way of a folder")
            }
        } else {
            let parent = (path as NSString).deletingLastPathComponent
            if parent != path && !parent.isEmpty { try makeFolder(parent, known: &known, created: &created) }
            if mkdir(path, 0o755) != 0 && errno != EEXIST {
                throw WriteError(path: path, reason: String(cString: strerror(errno)))
            }
            created.append(path)
        }
        known.insert(path)
    }
}
