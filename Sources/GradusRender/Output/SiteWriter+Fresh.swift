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
        try FileIO.syncFolder(root)
        let folders = Self.folders(of: paths)
        var made: [String] = []
        for folder in folders.inner {
            guard mkdir(root + "/" + folder, 0o755) == 0 else {
                let failure = WriteError(path: root + "/" + folder, reason: FileIO.errnoText())
                Self.removeFresh([], folders: made, manifest: manifestPath, root: root)
                throw failure
            }
            made.append(folder)
        }
        let chunks = writeInPlace(site, paths, root: root)
        if let failure = chunks.lazy.compactMap(\.failure).first(where: { !($0 is Skipped) }) ?? (interrupted() ? Interrupted() : nil) {
            Self.removeFresh(chunks.flatMap(\.created), folders: chunks.flatMap(\.folders) + made, manifest: manifestPath, root: root)
            throw failure
        }
        return Report(written: paths, unchanged: 0, removed: [])
    }

    /// What one thread did with its share of the files.
    private struct Chunk: Sendable {
        var created: [String] = []
        /// The last folders on the paths (those that hold only files), made by this thread.
        var folders: [String] = []
        var failure: (any Error & Sendable)?
    }

    /// Writes every file at its own path (`O_EXCL`: never over anything), making its folder first when that holds
    /// only files. Each thread takes one contiguous share of the sorted paths, so that the threads mostly create
    /// entries in different folders and do not wait on each other's folder locks. A failure or an interruption
    /// stops every thread.
    private func writeInPlace(_ site: Site, _ paths: [String], root: String) -> [Chunk] {
        let interrupted = interrupted
        let stop = StopFlag()
        let shares = min(workers.count, max(1, paths.count))
        return workers.map(shares) { share -> Chunk in
            var chunk = Chunk()
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
                    if parent != folder && !parent.isEmpty {
                        // Another thread may have made it (its share ends in the same folder): that is no failure.
                        if mkdir(root + "/" + parent, 0o755) == 0 {
                            chunk.folders.append(parent)
                        } else if errno != EEXIST {
                            throw WriteError(path: root + "/" + parent, reason: FileIO.errnoText())
                        }
                        folder = parent
                    }
                    try FileIO.write(site.files[path]!, to: root + "/" + path, sync: false)
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

    /// Undoes a fresh write: the files this build created, the folders it made (deepest first), then the manifest.
    private static func removeFresh(_ created: [String], folders: [String], manifest: String, root: String) {
        for path in created { unlink(root + "/" + path) }
        let deepestFirst = folders.sorted { $0.utf8.count(where: { $0 == UInt8(ascii: "/") }) > $1.utf8.count(where: { $0 == UInt8(ascii: "/") }) }
        for folder in deepestFirst { rmdir(root + "/" + folder) }
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
