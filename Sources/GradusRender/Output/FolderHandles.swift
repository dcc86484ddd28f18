import Foundation

/// Open folders of a site, each reached from the site's root one name at a time without following a symlink
/// (`openat` with `O_NOFOLLOW`), so that a folder swapped for a symlink while a build runs leads nowhere: files
/// are then made and removed relative to the folder that was opened, never through a path that could now point
/// outside the site. One thread's handles; the folders with folders below them stay open, the last one opened
/// of the others too, so a thread holds a few descriptors at most.
struct FolderHandles {
    private let root: Int32
    private var open: [String: Int32] = [:]
    private var last: (folder: String, fd: Int32)?
    /// The folders that hold other folders (kept open, up to `keptOpen` of them).
    private let inner: Set<String>
    static let keptOpen = 32

    init(root: Int32, inner: Set<String>) {
        self.root = root
        self.inner = inner
    }

    /// The open folder at `folder` (relative to the root, "" for the root), or the errno that stopped the walk
    /// (`ELOOP` or `ENOTDIR` where a part is a symlink or a file).
    mutating func folder(_ folder: String) -> Result<Int32, FileIO.Errno> {
        if folder.isEmpty { return .success(root) }
        if let fd = open[folder] { return .success(fd) }
        if let last, last.folder == folder { return .success(last.fd) }
        let parent = SiteJournal.parent(of: folder)
        let name = String(folder.dropFirst(parent.isEmpty ? 0 : parent.count + 1))
        let above: Int32
        switch self.folder(parent) {
        case .success(let fd): above = fd
        case .failure(let reason): return .failure(reason)
        }
        let fd = openat(above, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else { return .failure(FileIO.Errno(errno)) }
        if inner.contains(folder) {
            // A site with very many nested folders keeps no more than a few dozen open: they are opened again.
            if open.count >= Self.keptOpen {
                for kept in open.values { close(kept) }
                open = [:]
            }
            open[folder] = fd
        } else {
            if let last { close(last.fd) }
            last = (folder, fd)
        }
        return .success(fd)
    }

    /// Closes every folder this value opened (not the root).
    mutating func closeAll() {
        for fd in open.values { close(fd) }
        if let last { close(last.fd) }
        open = [:]
        last = nil
    }
}
