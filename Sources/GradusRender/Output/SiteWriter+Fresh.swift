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
        let levels = Self.folderLevels(of: paths)
        var made: [String] = []
        var created: [Bool] = []
        do {
            for level in levels {
                // Each level's folders are made on the worker threads; their parents exist from the level before.
                let results = workers.map(level.count) { index in mkdir(root + "/" + level[index], 0o755) == 0 ? nil : FileIO.errnoText() }
                for (folder, failure) in zip(level, results) where failure == nil { made.append(folder) }
                if let index = results.firstIndex(where: { $0 != nil }) {
                    throw WriteError(path: root + "/" + level[index], reason: results[index]!)
                }
            }
            let written = writeInPlace(site, paths, root: root)
            created = written.created
            if let failure = written.failure { throw failure }
        } catch {
            Self.removeFresh(paths, created: created, folders: made, manifest: manifestPath, root: root)
            throw error
        }
        return Report(written: paths, unchanged: 0, removed: [])
    }

    /// Writes every file at its own path (`O_EXCL`: never over anything) on the worker threads. Returns which
    /// were created, and the first failure in the site's order (or `Interrupted`) after which the others stopped.
    private func writeInPlace(_ site: Site, _ paths: [String], root: String) -> (created: [Bool], failure: (any Error)?) {
        let interrupted = interrupted
        let stop = StopFlag()
        let outcomes = workers.map(paths.count) { (index: Int) -> (any Error & Sendable)? in
            if stop.isSet { return Skipped() }
            if interrupted() {
                stop.set()
                return Interrupted()
            }
            do throws(WriteError) {
                try FileIO.write(site.files[paths[index]]!, to: root + "/" + paths[index], sync: false)
                return nil
            } catch {
                stop.set()
                return error
            }
        }
        let created = outcomes.map { $0 == nil }
        if let failure = outcomes.lazy.compactMap({ $0 }).first(where: { !($0 is Skipped) }) { return (created, failure) }
        return (created, interrupted() ? Interrupted() : nil)
    }

    /// Undoes a fresh write: the files and folders this build created, then the manifest.
    private static func removeFresh(_ paths: [String], created: [Bool], folders: [String], manifest: String,
                                    root: String) {
        for (path, made) in zip(paths, created) where made { unlink(root + "/" + path) }
        for folder in folders.reversed() { rmdir(root + "/" + folder) }
        unlink(manifest)
        try? FileIO.syncFolder(root)
    }

    /// The folders the paths need, grouped by depth (parents in an earlier group), each group sorted.
    static func folderLevels(of paths: [String]) -> [[String]] {
        var folders: Set<String> = []
        for path in paths {
            var folder = SiteJournal.parent(of: path)
            while !folder.isEmpty, folders.insert(folder).inserted { folder = SiteJournal.parent(of: folder) }
        }
        var levels: [[String]] = []
        for folder in folders {
            let depth = folder.utf8.count(where: { $0 == UInt8(ascii: "/") })
            while levels.count <= depth { levels.append([]) }
            levels[depth].append(folder)
        }
        return levels.map { $0.sorted() }
    }
}

/// A thread that stopped because another had failed: it wrote nothing.
private struct Skipped: Error {}
