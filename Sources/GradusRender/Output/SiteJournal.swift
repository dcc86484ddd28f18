import Foundation

/// The site writer's intent log, `.gradus-journal` in the output folder: what a build is about to do, so that a
/// build killed at any moment is finished or undone by the next one before anything else happens.
///
/// It is written twice. Before the first temporary exists it is `staging` and lists every temporary and folder
/// the build may create: a kill in that phase is rolled back (they are removed, the old site stands). When every
/// temporary is written and flushed it becomes `committed` by one atomic rename, the commit point: from then on
/// a kill is rolled forward (the remaining renames and removals are done). Paths are relative to the folder.
struct SiteJournal: Codable, Equatable {
    enum State: String, Codable {
        case staging, committed
    }

    static let fileName = ".gradus-journal"
    /// The journal's own temporary, a name reserved like every `.gradus-` name in a site.
    static let temporaryName = ".gradus-journal.tmp"

    var state: State
    /// Folders this build creates, parents first.
    var folders: [String] = []
    /// Each temporary and the path it is renamed to, in rename order (the manifest last).
    var moves: [Move] = []
    /// Files of the previous build that this one no longer has.
    var removals: [String] = []

    struct Move: Codable, Equatable {
        var temporary: String
        var target: String
    }

    // MARK: - Reading and writing

    /// The journal left in `root`, or nil when the last build finished. Throws when one is there but unreadable:
    /// the site's state is then unknown and nothing may be guessed.
    static func read(in root: String) throws(WriteError) -> SiteJournal? {
        let path = root + "/" + fileName
        guard FileIO.kind(path) != .none else { return nil }
        guard FileIO.kind(path) == .file, let data = FileManager.default.contents(atPath: path),
              let journal = try? JSONDecoder().decode(SiteJournal.self, from: data), journal.isWellFormed else {
            throw WriteError(path: path, reason: "the build journal cannot be read; move the output folder away and build again")
        }
        return journal
    }

    /// Whether every path stays inside the site and names what the writer may touch: temporaries by their
    /// reserved prefix, targets that are site paths or the manifest. A journal edited by hand reaches nothing else.
    var isWellFormed: Bool {
        moves.allSatisfy { move in
            let folder = Self.parent(of: move.temporary)
            let name = move.temporary.dropFirst(folder.isEmpty ? 0 : folder.count + 1)
            return (folder.isEmpty || Site.isSafe(folder)) && name.hasPrefix(SiteWriter.temporaryMarker) && !name.contains("/")
                && (Site.isSafe(move.target) || move.target == SiteWriter.manifestName)
        } && folders.allSatisfy(Site.isSafe) && removals.allSatisfy(Site.isSafe)
    }

    /// Replaces the journal in one rename, flushed before and after.
    func write(in root: String) throws(WriteError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        try FileIO.write(data, to: root + "/" + Self.temporaryName, replace: true)
        try FileIO.rename(root + "/" + Self.temporaryName, root + "/" + Self.fileName)
        try FileIO.syncFolder(root)
    }

    // MARK: - Recovery

    /// Undoes a staging build: removes its temporaries and the folders it made (those still empty).
    func rollBack(in root: String) throws(WriteError) {
        var verified: Set<String> = []
        for move in moves where Self.foldersAreReal(above: move.temporary, in: root, verified: &verified) {
            try FileIO.remove(root + "/" + move.temporary)
        }
        for folder in folders.reversed() { rmdir(root + "/" + folder) }
        try FileIO.remove(root + "/" + Self.fileName)
        try FileIO.syncFolder(root)
    }

    /// Completes a committed build; safe to run again after a kill part-way, since each step checks what is done
    /// (`resuming`: the build that wrote the journal checks nothing, it knows no rename was done yet). The renames
    /// and removals are flushed by one file-system flush before the journal goes. Returns the removals that took
    /// a file away.
    @discardableResult
    func rollForward(in root: String, resuming: Bool = true) throws(WriteError) -> [String] {
        var verified: Set<String> = []
        for move in moves {
            let from = root + "/" + move.temporary, to = root + "/" + move.target
            guard Self.foldersAreReal(above: move.target, in: root, verified: &verified) else {
                throw WriteError(path: to, reason: "a folder on its way is no longer a folder (a symlink or a file)")
            }
            if resuming && FileIO.kind(from) == .none && FileIO.kind(to) == .file { continue }  // renamed before a kill
            try FileIO.rename(from, to)
        }
        var removed: [String] = []
        for path in removals where Self.foldersAreReal(above: path, in: root, verified: &verified) {
            let full = root + "/" + path
            if FileIO.kind(full) == .file {
                try FileIO.remove(full)
                removed.append(path)
            }
            // Also after a kill that came between the removal and its folder's.
            Self.removeEmptyFolders(above: path, in: root)
        }
        if !moves.isEmpty || !removals.isEmpty { try FileIO.syncFileSystem(root) }
        try FileIO.remove(root + "/" + Self.fileName)
        try FileIO.syncFolder(root)
        return removed
    }

    /// Finishes or undoes whatever a killed build left in `root`; a journal's lone temporary goes too.
    static func recover(in root: String) throws(WriteError) {
        if FileIO.kind(root + "/" + temporaryName) == .file { try FileIO.remove(root + "/" + temporaryName) }
        guard let journal = try read(in: root) else { return }
        switch journal.state {
        case .staging: try journal.rollBack(in: root)
        case .committed:
            do {
                try journal.rollForward(in: root)
            } catch {
                throw WriteError(path: error.path, reason: error.reason, committed: true)
            }
        }
    }

    // MARK: - Helpers

    /// Whether every folder above `path` (relative to `root`) is a real folder, not a symlink or a file, so that
    /// nothing is written or removed outside the site; `verified` remembers the folders already seen.
    static func foldersAreReal(above path: String, in root: String, verified: inout Set<String>) -> Bool {
        var folder = ""
        for part in parent(of: path).split(separator: "/") {
            folder = folder.isEmpty ? String(part) : folder + "/" + part
            if verified.contains(folder) { continue }
            switch FileIO.kind(root + "/" + folder) {
            case .folder: verified.insert(folder)
            case .none: return true  // the rest does not exist yet
            case .file, .other: return false
            }
        }
        return true
    }

    static func parent(of path: String) -> String {
        String(path[..<(path.lastIndex(of: "/") ?? path.startIndex)])
    }

    /// Removes the folders above a removed file that are now empty, up to the site's root.
    private static func removeEmptyFolders(above path: String, in root: String) {
        var folder = parent(of: path)
        while !folder.isEmpty, case .success(let names) = FileIO.entries(root + "/" + folder), names.isEmpty {
            rmdir(root + "/" + folder)
            folder = parent(of: folder)
        }
    }
}
