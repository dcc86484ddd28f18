import Foundation

/// Reads the files and folders a build takes as input. Every failure comes back with its cause (permission,
/// symlink loop, bad bytes, a file that vanished), never as an empty result: a file that cannot be read must fail
/// the build, not drop out of the site.
public enum InputFiles {
    /// The largest text file (lesson, pool, introduction, course.yml, template) Gradus reads, in bytes: 16 MB,
    /// hundreds of times a long lesson. A build takes about half a second per megabyte of lesson, so the limit
    /// keeps the slowest build of one file under ten seconds, and a file far beyond it fails at once.
    public static let textLimit = 16_000_000

    /// Why an input could not be read.
    public enum Failure: Error, Equatable, Sendable {
        case missing
        case permissionDenied
        case symlinkLoop
        /// A symlink whose target does not exist.
        case brokenLink
        case notAFile
        case notAFolder
        /// A FIFO, socket or device: reading it could block for ever or never end.
        case notRegular
        /// A folder holds a name that is not UTF-8, which no path of the site can carry.
        case nameNotUTF8
        /// Listed by its folder, gone when opened.
        case vanished
        /// The first byte that is not part of valid UTF-8, at its 1-based line and column (columns count scalars).
        case notUTF8(line: Int, column: Int, byte: UInt8)
        /// A text file larger than `textLimit`; `bytes` is its size.
        case tooLarge(bytes: Int)
        case system(String)

        init(errno code: Int32) {
            switch code {
            case ENOENT: self = .missing
            case EACCES, EPERM: self = .permissionDenied
            case ELOOP: self = .symlinkLoop
            case EISDIR: self = .notAFile
            case ENOTDIR: self = .notAFolder
            default: self = .system(String(cString: strerror(code)))
            }
        }

        /// The cause and the fix, for a diagnostic about a file (`what`: "the file", "the folder", …).
        public func message(_ what: String) -> String {
            switch self {
            case .missing: return "cannot read \(what): it does not exist"
            case .permissionDenied: return "cannot read \(what): permission denied; give read access to the user running Gradus"
            case .symlinkLoop: return "cannot read \(what): symlink loop; point the link at a real file"
            case .brokenLink: return "cannot read \(what): it is a symlink to nothing; fix or remove the link"
            case .notAFile: return "cannot read \(what): it is a folder, not a file"
            case .notAFolder: return "cannot read \(what): it is a file, not a folder"
            case .notRegular: return "cannot read \(what): it is not a regular file (a FIFO, socket or device); replace it with a file"
            case .nameNotUTF8: return "\(what) holds a file whose name is not UTF-8; rename it"
            case .vanished: return "\(what) vanished while it was being read; build again"
            case .notUTF8(_, _, let byte):
                return "\(what) is not UTF-8 (byte 0x\(String(byte, radix: 16, uppercase: true)) here); save it as UTF-8"
            case .tooLarge(let bytes):
                return "\(what) is \(megabytes(bytes)) MB, and text files are limited to \(megabytes(textLimit)) MB; "
                    + "split it into smaller files (a lesson into several lessons)"
            case .system(let reason): return "cannot read \(what): \(reason)"
            }
        }

        /// A diagnostic at the failure's position in `path` (1:1 unless the bytes are at fault).
        public func diagnostic(path: String, what: String = "the file") -> Diagnostic {
            if case .notUTF8(let line, let column, _) = self {
                return .error(at: SourceLocation(path: path, line: line, column: column), message(what))
            }
            return .error(at: SourceLocation(path: path, line: 1, column: 1), message(what))
        }
    }

    /// The bytes of the regular file at `url` (a symlink to one is followed); a file of more than `limit` bytes
    /// is `tooLarge`, found before it is read.
    public static func bytes(_ url: URL, limit: Int = .max) -> Result<[UInt8], Failure> {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below like any non-regular file.
        let fd = open(url.path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return .failure(Failure(errno: errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(Failure(errno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFREG else {
            return .failure((info.st_mode & S_IFMT) == S_IFDIR ? .notAFile : .notRegular)
        }
        guard Int(info.st_size) <= limit else { return .failure(.tooLarge(bytes: Int(info.st_size))) }
        // Read straight into the result, sized by fstat with a byte to spare, so the read that finds the end is
        // usually the second; a file that grows while it is read gets more room.
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes += [UInt8](repeating: 0, count: max(bytes.count, 1 << 16)) }
            let n = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + filled, $0.count - filled) }
            if n < 0 {
                if errno == EINTR { continue }
                return .failure(Failure(errno: errno))
            }
            if n == 0 {
                bytes.removeSubrange(filled...)
                return .success(bytes)
            }
            filled += n
            // A file that grows while it is read is held to the same limit.
            if filled > limit { return .failure(.tooLarge(bytes: filled)) }
        }
    }

    /// The file's text, which must be UTF-8 and at most `textLimit` bytes long. A leading byte-order mark is
    /// dropped and CRLF line ends become LF, as editors on Windows save them: neither changes a line or column
    /// number that a message shows.
    public static func text(_ url: URL) -> Result<String, Failure> {
        bytes(url, limit: textLimit).flatMap(text(from:))
    }

    /// Bytes read as text, as `text(_:)` reads a file.
    public static func text(from raw: [UInt8]) -> Result<String, Failure> {
        let bytes = normalized(raw)
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        return .failure(firstInvalidByte(bytes))
    }

    /// `bytes` without a leading UTF-8 byte-order mark and with every CR that ends a line (before LF) removed.
    static func normalized(_ bytes: [UInt8]) -> [UInt8] {
        let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        guard bytes[start...].contains(13) else { return start == 0 ? bytes : Array(bytes[start...]) }
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count - start)
        var index = start
        while index < bytes.count {
            let byte = bytes[index]
            if !(byte == 13 && index + 1 < bytes.count && bytes[index + 1] == 10) { result.append(byte) }
            index += 1
        }
        return result
    }

    /// The sorted names in a folder, hidden ones included; a name that is not UTF-8 fails the listing.
    public static func names(in folder: URL) -> Result<[String], Failure> {
        entries(of: folder).flatMap { $0.badName ? .failure(.nameNotUTF8) : .success($0.names) }
    }

    /// The sorted UTF-8 names in a folder, and whether it also holds a name that is not UTF-8.
    private static func entries(of folder: URL) -> Result<(names: [String], badName: Bool), Failure> {
        guard let handle = opendir(folder.path) else { return .failure(Failure(errno: errno)) }
        defer { closedir(handle) }
        var names: [String] = []
        var badName = false
        errno = 0
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) {
                $0.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(validatingCString: $0) }
            }
            guard let name else { badName = true; continue }
            if name != "." && name != ".." { names.append(name) }
        }
        if errno != 0 { return .failure(Failure(errno: errno)) }
        return .success((names.sorted(), badName))
    }

    /// Every regular file below `folder` by its path relative to it (`/`-separated, sorted), hidden names
    /// skipped, symlinks followed (a loop is a failure, not an endless walk), with each failure by relative path
    /// ("" for the folder itself). A missing folder is empty.
    public static func walk(_ folder: URL) -> (files: [String], failures: [LocatedInputFailure]) {
        var files: [String] = [], failures: [LocatedInputFailure] = []
        var ancestors: Set<[UInt64]> = []
        func visit(_ relative: String) {
            let url = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            var info = stat()
            guard stat(url.path, &info) == 0 else {
                let code = errno
                var link = stat()
                if code == ENOENT && lstat(url.path, &link) == 0 { failures.append(.init(path: relative, failure: .brokenLink)) }
                else if code == ENOENT && !relative.isEmpty { failures.append(.init(path: relative, failure: .vanished)) }
                else if code != ENOENT { failures.append(.init(path: relative, failure: Failure(errno: code))) }
                return
            }
            switch info.st_mode & S_IFMT {
            case S_IFREG:
                // The folder itself a file (`content/assets` made by mistake) is an error, not an empty folder.
                if relative.isEmpty { failures.append(.init(path: relative, failure: .notAFolder, isFolder: true)) }
                else { files.append(relative) }
            case S_IFDIR:
                let identity = [UInt64(info.st_dev), UInt64(info.st_ino)]
                guard !ancestors.contains(identity) else {
                    failures.append(.init(path: relative, failure: .symlinkLoop, isFolder: true))
                    return
                }
                ancestors.insert(identity)
                defer { ancestors.remove(identity) }
                switch entries(of: url) {
                case .success(let listing):
                    // A bad name is reported; it does not hide the folder's other files.
                    if listing.badName { failures.append(.init(path: relative, failure: .nameNotUTF8, isFolder: true)) }
                    for name in listing.names where !name.hasPrefix(".") { visit(relative.isEmpty ? name : relative + "/" + name) }
                case .failure(let failure):
                    failures.append(.init(path: relative, failure: failure == .missing ? .vanished : failure, isFolder: true))
                }
            default:
                // Reading a FIFO or a device could block for ever; it is no file of a site anyway.
                if !relative.isEmpty { failures.append(.init(path: relative, failure: .notRegular)) }
            }
        }
        visit("")
        return (files.sorted(), failures)
    }

    // MARK: - Helpers

    /// Decimal megabytes with one decimal where it is not whole: 16, 50.3.
    static func megabytes(_ bytes: Int) -> String {
        let tenths = (bytes + 50_000) / 100_000
        return tenths % 10 == 0 ? "\(tenths / 10)" : "\(tenths / 10).\(tenths % 10)"
    }

    /// Locates the first byte that does not decode as UTF-8.
    static func firstInvalidByte(_ bytes: [UInt8]) -> Failure {
        var line = 1, column = 1, offset = 0
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                offset += UTF8.width(scalar)
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput:
                return .system("invalid UTF-8")
            case .error:
                return .notUTF8(line: line, column: column, byte: bytes[offset])
            }
        }
    }
}

/// An input failure and the path it happened at (relative to the folder being read).
public struct LocatedInputFailure: Error, Equatable, Sendable {
    public var path: String
    public var failure: InputFiles.Failure
    public var isFolder: Bool

    public init(path: String, failure: InputFiles.Failure, isFolder: Bool = false) {
        self.path = path
        self.failure = failure
        self.isFolder = isFolder
    }

    /// The diagnostic, with the path shown under `displayRoot` (the folder that was read).
    public func diagnostic(displayRoot: String) -> Diagnostic {
        failure.diagnostic(path: path.isEmpty ? displayRoot : "\(displayRoot)/\(path)", what: isFolder ? "the folder" : "the file")
    }
}
