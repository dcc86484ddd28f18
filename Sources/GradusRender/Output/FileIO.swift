import Foundation

/// Thin POSIX file operations for the site writer: Foundation's file APIs cost more per call than the writes
/// themselves when a build touches thousands of small files, and they hide the errno a message must name.
enum FileIO {
    /// What is at a path, without following a final symlink.
    enum Kind: Equatable {
        case none, file, folder, other
    }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard lstat(path, &info) == 0 else { return .none }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .folder
        default: return .other
        }
    }

    /// The file's bytes if it is a regular file (not a symlink) of exactly `size` bytes; nil otherwise (cheap when
    /// sizes differ: only a stat).
    static func contents(of path: String, ifSize size: Int) -> [UInt8]? {
        var info = stat()
        guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG, Int(info.st_size) == size else { return nil }
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: size)
        var done = 0
        while done < size {
            let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress! + done, size - done) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { return nil }
            done += n
        }
        return buffer
    }

    /// A regular file's whole contents (not through a symlink), or the errno that stopped the read.
    static func readAll(_ path: String) -> Result<[UInt8], Errno> {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return .failure(Errno(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Errno(errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(Errno(EINVAL)) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress!, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n < 0 { return .failure(Errno(errno)) }
            if n == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<n])
        }
    }

    /// Whether the bytes are equal (memcmp, not an element-by-element walk through Data's iterator).
    static func same(_ bytes: [UInt8], _ data: Data) -> Bool {
        bytes.count == data.count && bytes.withUnsafeBytes { a in
            data.withUnsafeBytes { b in a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0 }
        }
    }

    /// What `probe` found at a path: nothing, a regular file with the same bytes or other bytes, a folder, or
    /// anything else (a symlink, a device, a FIFO).
    enum Probe: Equatable {
        case none, same, differs, folder, other
    }

    /// Compares the file at `path` with `data` in as few calls as there can be: one open that follows no symlink
    /// and never waits (a FIFO), one fstat, and a read only when the sizes agree. The folders above the path must
    /// already be known to be real folders.
    static func probe(_ path: String, against data: Data) -> Probe {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY)
        if fd < 0 {
            switch errno {
            case ENOENT: return .none
            case ELOOP: return .other  // a symlink
            default:
                // Unreadable (permissions): what it is decides, its bytes cannot be compared.
                switch kind(path) {
                case .none: return .none
                case .file: return .differs
                case .folder: return .folder
                case .other: return .other
                }
            }
        }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .differs }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: return .folder
        default: return .other
        }
        let size = data.count
        guard Int(info.st_size) == size else { return .differs }
        if size == 0 { return .same }
        return data.withUnsafeBytes { expected -> Probe in
            // Compared a block at a time: no buffer as large as the file is allocated.
            var buffer = [UInt8](repeating: 0, count: min(size, 1 << 16))
            var done = 0
            while done < size {
                let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, min($0.count, size - done)) }
                if n < 0 && errno == EINTR { continue }
                if n <= 0 { return .differs }
                let equal = buffer.withUnsafeBytes { memcmp($0.baseAddress!, expected.baseAddress! + done, n) == 0 }
                if !equal { return .differs }
                done += n
            }
            return .same
        }
    }

    /// Creates a new file at `path` (never an existing one: `O_EXCL`), writes `data` and, when `sync`, flushes it to
    /// disk, all or throw; a partial file is removed. `replace` allows truncating a file of Gradus' own fixed name.
    /// Files written without `sync` must be flushed by `syncFileSystem` before anything relies on them.
    static func write(_ data: Data, to path: String, replace: Bool = false, sync: Bool = true) throws(WriteError) {
        let flags = O_WRONLY | O_CREAT | O_CLOEXEC | O_NOFOLLOW | (replace ? O_TRUNC : O_EXCL)
        let fd = open(path, flags, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        if let failure = fill(fd, with: data, sync: sync) {
            unlink(path)  // a partial file (a full disk) must not stay behind
            throw WriteError(path: path, reason: failure)
        }
    }

    /// Creates the new file `name` in the open folder `folder` (`O_EXCL`, no symlink followed) and writes `data`;
    /// `path` is how errors name it. A partial file is removed.
    static func write(_ data: Data, in folder: Int32, name: String, path: String) throws(WriteError) {
        let fd = openat(folder, name, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        if let failure = fill(fd, with: data, sync: false) {
            unlinkat(folder, name, 0)
            throw WriteError(path: path, reason: failure)
        }
    }

    /// Writes all of `data` to `fd`, flushes it when `sync`, and closes it; the reason of a failure, or nil.
    private static func fill(_ fd: Int32, with data: Data, sync: Bool) -> String? {
        var failure: String?
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errnoText()
                    return
                }
                done += n
            }
        }
        if failure == nil && sync && fsync(fd) != 0 { failure = errnoText() }
        if close(fd) != 0 && failure == nil { failure = errnoText() }
        return failure
    }

    /// Makes the folder at `path` and any missing folders above it (`mkdir -p`), naming the one that failed.
    static func makeFolders(_ path: String) throws(WriteError) {
        var missing: [String] = []
        var folder = path
        while !folder.isEmpty && folder != "/" && kind(folder) == .none {
            missing.append(folder)
            folder = String(folder[..<(folder.lastIndex(of: "/") ?? folder.startIndex)])
        }
        for folder in missing.reversed() where mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw WriteError(path: folder, reason: errnoText())
        }
    }

    /// Flushes a folder's entries (new names, renames, removals) to disk.
    static func syncFolder(_ path: String) throws(WriteError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        defer { close(fd) }
        // Some file systems cannot sync a folder (EINVAL); there is nothing more to flush on them.
        if fsync(fd) != 0 && errno != EINVAL { throw WriteError(path: path, reason: errnoText()) }
    }

    /// Flushes everything written to the file system that holds `path` (file data, new names, renames, removals)
    /// in one call, `syncfs`: for a build's hundreds of new files one flush instead of one per file and folder.
    /// Where the kernel cannot (ENOSYS), a full `sync`.
    static func syncFileSystem(_ path: String) throws(WriteError) {
        let fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: errnoText()) }
        defer { close(fd) }
        guard let syncfs = Self.syncfs else {
            sync()
            return
        }
        if syncfs(fd) != 0 {
            guard errno == ENOSYS else { throw WriteError(path: path, reason: errnoText()) }
            sync()
        }
    }

    /// glibc's `syncfs`, which the Glibc module does not declare; nil in a C library without it.
    private static let syncfs: (@convention(c) (Int32) -> Int32)? = {
        guard let library = dlopen(nil, RTLD_NOW), let symbol = dlsym(library, "syncfs") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    /// `rename`, with the reason when it fails.
    static func rename(_ from: String, _ to: String) throws(WriteError) {
        guard Glibc.rename(from, to) == 0 else { throw WriteError(path: to, reason: errnoText()) }
    }

    /// Removes a file; one that is already gone is not an error.
    static func remove(_ path: String) throws(WriteError) {
        guard unlink(path) == 0 || errno == ENOENT else { throw WriteError(path: path, reason: errnoText()) }
    }

    /// The names in a folder (without `.` and `..`), or the errno that stopped the listing.
    static func entries(_ path: String) -> Result<[String], Errno> {
        guard let folder = opendir(path) else { return .failure(Errno(errno)) }
        defer { closedir(folder) }
        var names: [String] = []
        errno = 0
        while let entry = readdir(folder) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 { return .failure(Errno(errno)) }
        return .success(names)
    }

    /// An errno value, with its text.
    struct Errno: Error, Equatable {
        var code: Int32
        init(_ code: Int32) { self.code = code }
        var text: String { String(cString: strerror(code)) }
    }

    static func errnoText() -> String { String(cString: strerror(errno)) }
}

/// A file of the site could not be put in place.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    /// Whether the failure came after the commit point: the site is then part new until a build completes it.
    public var committed = false
    /// Whether it ended a first build into a new or empty folder, which had no previous site.
    public var firstBuild = false

    public init(path: String, reason: String, committed: Bool = false) {
        self.path = path
        self.reason = reason
        self.committed = committed
    }

    public var description: String {
        committed
            ? "cannot finish publishing the site at \(path): \(reason); some pages are already new: fix the cause and build again, "
                + "which completes the update"
            : firstBuild ? "cannot write \(path): \(reason); what this first build wrote was removed"
            : "cannot write \(path): \(reason); the previous site was left in place"
    }
}
