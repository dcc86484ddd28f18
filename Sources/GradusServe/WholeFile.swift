import Glibc

/// Reads a file all at once, and only while it holds still: its size and times are taken before and after the
/// read, and a file that changed meanwhile (written in place by another program) is read again, then refused.
/// The site writer itself replaces files by renaming whole temporaries, so for its files one attempt suffices.
enum WholeFile {
    enum Failure: Error, Equatable {
        /// The file is gone (a rebuild removed it between lookup and read).
        case missing
        /// Not now: the process is out of descriptors, or the file kept changing. The reason is the system's words.
        case busy(String)
        /// Cannot be read, for the reason given.
        case unreadable(String)
    }

    /// The file's bytes, read in chunks of at most `chunk` bytes; `afterChunk` is told the bytes read so far after
    /// each one (tests change the file there).
    static func read(_ path: String, attempts: Int = 3, chunk: Int = 1 << 20,
                     afterChunk: (Int) -> Void = { _ in }) -> Result<[UInt8], Failure> {
        for _ in 0..<attempts {
            let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            guard fd >= 0 else {
                let reason = String(cString: strerror(errno))
                switch errno {
                case ENOENT, ENOTDIR: return .failure(.missing)
                case EMFILE, ENFILE, ENOMEM: return .failure(.busy(reason))
                default: return .failure(.unreadable(reason))
                }
            }
            defer { close(fd) }
            var before = stat()
            guard fstat(fd, &before) == 0, (before.st_mode & S_IFMT) == S_IFREG else { return .failure(.unreadable("not a regular file")) }
            let size = Int(before.st_size)
            // One byte more than the size, to notice a file that grew.
            var bytes = [UInt8](repeating: 0, count: size + 1)
            var done = 0
            while done < bytes.count {
                let n = bytes.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress! + done, min($0.count - done, chunk)) }
                if n < 0 && errno == EINTR { continue }
                if n < 0 { return .failure(.unreadable(String(cString: strerror(errno)))) }
                if n == 0 { break }
                done += n
                afterChunk(done)
            }
            var after = stat()
            if done == size, fstat(fd, &after) == 0, unchanged(before, after) {
                bytes.removeLast()
                return .success(bytes)
            }
        }
        return .failure(.busy("the file kept changing while it was read"))
    }

    private static func unchanged(_ a: stat, _ b: stat) -> Bool {
        a.st_size == b.st_size && a.st_mtim.tv_sec == b.st_mtim.tv_sec && a.st_mtim.tv_nsec == b.st_mtim.tv_nsec
            && a.st_ctim.tv_sec == b.st_ctim.tv_sec && a.st_ctim.tv_nsec == b.st_ctim.tv_nsec
    }
}
