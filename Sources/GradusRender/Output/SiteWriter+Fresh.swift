import Foundation
import GradusContent

/// The first build into a folder that is new or empty: there is no previous site to keep whole, so the files are
/// written in place, with no temporaries, renames or journal, and nothing is flushed but the manifest.
///
/// The manifest goes first, flushed, and lists every path: whatever a kill leaves in the folder is then claimed as
/// Gradus' own, and the next build compares each file with what it should hold and completes or replaces it (a
/// file a power cut left short differs from the page and is rewritten). A failure or an interruption removes what
/// this build created, the manifest last, and leaves the folder empty again.
extension SiteWriter {
    /// Whether `root` holds nothing at all (it was just made, or was empty): the only case written in place.
    static func isFresh(_ root: String) -> Bool {
        if case .success(let names) = FileIO.entries(root) { return names.isEmpty }
        return false
    }

    func writeFresh(_ site: Site, into root: String) throws -> Report {
        let paths = site.paths
        let manifestPath = root + "/" + Self.manifestName
        try FileIO.write(Data(paths.joined(separator: "\n").utf8), to: manifestPath)
        let rootFD = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard rootFD >= 0 else {
            let failure = WriteError(path: root, reason: FileIO.errnoText())
            unlink(manifestPath)
            throw failure
        }
        defer { close(rootFD) }
        let folders = Self.folders(of: paths)
        let inner = Set(folders.inner)
        var handles = FolderHandles(root: rootFD, inner: inner)
        defer { handles.closeAll() }
        var made: [String] = []
        do {
            try FileIO.syncFolder(root)
            for folder in folders.inner {
                try Self.makeFolder(folder, handles: &handles, root: root)
                made.append(folder)
            }
        } catch {
            Self.removeFresh([], folders: made, manifest: manifestPath, root: root, handles: &handles)
            throw Self.firstBuild(error)
        }
        let chunks = writeInPlace(site, paths, root: root, rootFD: rootFD, inner: inner)
        if let failure = chunks.lazy.compactMap(\.failure).first(where: { !($0 is Skipped) }) ?? (interrupted() ? Interrupted() : nil) {
            Self.removeFresh(chunks.flatMap(\.created), folders: chunks.flatMap(\.folders) + made, manifest: manifestPath,
                             root: root, handles: &handles)
            throw Self.firstBuild(failure)
        }
        return Report(written: paths, unchanged: 0, removed: [])
    }

    /// Makes `folder` inside its parent, opened from the root without following symlinks. With `existing`, a
    /// folder already there (another thread's) is no failure, but only a real folder: a symlink is refused when
    /// it is opened. Returns whether this call made it.
    @discardableResult
    static func makeFolder(_ folder: String, handles: inout FolderHandles, root: String, existing: Bool = false) throws(WriteError) -> Bool {
        let parent = SiteJournal.parent(of: folder)
        let name = String(folder.dropFirst(parent.isEmpty ? 0 : parent.count + 1))
        let above: Int32
        switch handles.folder(parent) {
        case .success(let fd): above = fd
        case .failure(let reason): throw Self.unreachable(parent, reason, root: root)
        }
        if mkdirat(above, name, 0o755) == 0 { return true }
        guard existing && errno == EEXIST else { throw WriteError(path: root + "/" + folder, reason: FileIO.errnoText()) }
        return false
    }

    /// A folder of the site that cannot be opened: replaced by a symlink or a file during the build, or another
    /// failure.
    static func unreachable(_ folder: String, _ reason: FileIO.Errno, root: String) -> WriteError {
        let replaced = reason.code == ELOOP || reason.code == ENOTDIR
        return WriteError(path: root + "/" + folder,
                          reason: replaced ? "it is no longer a folder (something replaced it during the build)" : reason.text)
    }

    /// The error marked as ending a first build, whose message then speaks of no previous site.
    private static func firstBuild(_ error: any Error) -> any Error {
        if var failure = error as? WriteError {
            failure.firstBuild = true
            return failure
        }
        if error is Interrupted { return Interrupted(firstBuild: true) }
        return error
    }

    /// What one thread did with its share of the files.
    private struct Chunk: Sendable {
        var created: [String] = []
        /// The last folders on the paths (those that hold only files), made by this thread.
        var folders: [String] = []
        var failure: (any Error & Sendable)?
    }

    /// Writes every file in its folder (`O_EXCL`: never over anything), making the folder first when that holds
    /// only files. Each thread takes one contiguous share of the sorted paths, so that the threads mostly create
    /// entries in different folders and do not wait on each other's folder locks. Every folder is reached from
    /// the root without following a symlink (`FolderHandles`). A failure or an interruption stops every thread.
    private func writeInPlace(_ site: Site, _ paths: [String], root: String, rootFD: Int32, inner: Set<String>) -> [Chunk] {
        let interrupted = interrupted
        let stop = StopFlag()
        let shares = min(workers.count, max(1, paths.count))
        return workers.map(shares) { share -> Chunk in
            var chunk = Chunk()
            var handles = FolderHandles(root: rootFD, inner: inner)
            defer { handles.closeAll() }
            var folder = ""
            for path in paths[paths.count * share / shares ..< paths.count * (share + 1) / shares] {
                if stop.isSet {
                    chunk.failure = Skipped()
                    return chunk
                }
                if interrupted() {
                    stop.set()
                    chunk.failure = Interrupted()
                    return chunk
                }
                do throws(WriteError) {
                    let parent = SiteJournal.parent(of: path)
                    if parent != folder && !parent.isEmpty && !inner.contains(parent) {
                        // Another thread may have made it (its share ends in the same folder): that is no failure.
                        if try Self.makeFolder(parent, handles: &handles, root: root, existing: true) { chunk.folders.append(parent) }
                        folder = parent
                    }
                    let into: Int32
                    switch handles.folder(parent) {
                    case .success(let fd): into = fd
                    case .failure(let reason): throw Self.unreachable(parent, reason, root: root)
                    }
                    let name = String(path.dropFirst(parent.isEmpty ? 0 : parent.count + 1))
                    try FileIO.write(site.files[path]!, in: into, name: name, path: root + "/" + path)
                    chunk.created.append(path)
                } catch {
                    stop.set()
                    chunk.failure = error
                    return chunk
                }
            }
            return chunk
        }
    }

    /// Undoes a fresh write: the files this build created, the folders it made (deepest first), then the
    /// manifest, each through folders opened without following symlinks (one swapped for a symlink is skipped).
    private static func removeFresh(_ created: [String], folders: [String], manifest: String, root: String,
                                    handles: inout FolderHandles) {
        func remove(_ path: String, flags: Int32) {
            let parent = SiteJournal.parent(of: path)
            guard case .success(let fd) = handles.folder(parent) else { return }
            unlinkat(fd, String(path.dropFirst(parent.isEmpty ? 0 : parent.count + 1)), flags)
        }
        for path in created { remove(path, flags: 0) }
        let depth = { (folder: String) in folder.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for folder in folders.sorted(by: { depth($0) > depth($1) }) { remove(folder, flags: AT_REMOVEDIR) }
        unlink(manifest)
        try? FileIO.syncFolder(root)
    }

    /// The folders the paths need: `inner` holds those with folders below them, parents first (made before the
    /// files, one by one: there are few); `last` those that hold only files (made by the threads as they go).
    static func folders(of paths: [String]) -> (inner: [String], last: [String]) {
        var all: Set<String> = []
        for path in paths {
            var folder = SiteJournal.parent(of: path)
            while !folder.isEmpty, all.insert(folder).inserted { folder = SiteJournal.parent(of: folder) }
        }
        let inner = Set(all.map(SiteJournal.parent(of:)).filter { !$0.isEmpty })
        // Sorted paths put every parent before its children.
        return (inner.sorted(), all.subtracting(inner).sorted())
    }
}

/// A thread that stopped because another had failed: it wrote nothing more.
private struct Skipped: Error {}
