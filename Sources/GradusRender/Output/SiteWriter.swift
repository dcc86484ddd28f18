import Foundation
import Synchronization

/// Writes a `Site` to its output folder, the only stage that writes, and the site changes as a whole.
///
/// The folder must be Gradus' own (see `OutputFolder`). Each changed file is written to a temporary beside its
/// target and flushed; a `SiteJournal` records the plan first, then commits it, and only then are temporaries
/// renamed over their targets and the files the previous build had and this one lacks removed. A failure or an
/// interruption before the commit point removes every temporary and leaves the old site exactly as it was; a kill
/// after it is completed by the next build (or `gradus serve` start) before anything else. Unchanged files keep
/// their bytes and modification time. A file the manifest does not list is never overwritten or removed.
public struct SiteWriter: Sendable {
    public var output: URL
    /// How messages name the folder (as the user typed it).
    public var display: String
    /// Asked between files while temporaries are written; true makes the write roll back and throw
    /// `Interrupted` (after the commit point the write always finishes).
    public var interrupted: @Sendable () -> Bool

    /// Lists the files the last build wrote: what the next one may replace or remove, and the mark of a Gradus site.
    static let manifestName = ".gradus-manifest"
    /// Every name Gradus keeps for itself in a site starts so; the preview server never serves one.
    public static let reservedPrefix = ".gradus-"
    static let temporaryMarker = ".gradus-tmp-"

    public init(output: URL, display: String? = nil, interrupted: @escaping @Sendable () -> Bool = { false }) {
        self.output = output
        self.display = display ?? output.path
        self.interrupted = interrupted
    }

    /// What a write changed.
    public struct Report: Equatable, Sendable {
        public var written: [String] = []
        public var unchanged: Int = 0
        public var removed: [String] = []
    }

    /// The write was stopped before its commit point; the previous site is untouched.
    public struct Interrupted: Error, CustomStringConvertible, Sendable {
        public var description: String { "interrupted; the previous site was left in place" }
    }

    /// Writes `site`. Throws `OutputFolder.Refusal` when the folder is not Gradus' own or a file in the way is not,
    /// `WriteError` for an I/O failure (the old site stands) and `Interrupted`.
    public func write(_ site: Site) throws -> Report {
        try OutputFolder.check(output, display: display)
        let root = OutputFolder.resolve(output)
        if FileIO.kind(root) == .none {
            try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        }
        let lock = try FolderLock(root)
        defer { lock.release() }
        try SiteJournal.recover(in: root)
        let previous = try readManifest(root)
        var report = Report()
        var journal = SiteJournal(state: .staging)
        var contents: [Data] = []
        let nonce = String(UInt32.random(in: .min ... .max), radix: 16)
        var plannedFolders: Set<String> = []
        for path in site.paths {
            let data = site.files[path]!
            let target = root + "/" + path
            switch FileIO.kind(target) {
            case .file:
                if let old = FileIO.contents(of: target, ifSize: data.count), FileIO.same(old, data) {
                    report.unchanged += 1
                    continue
                }
                guard previous.contains(path) else { throw foreignFile(path, root: root) }
            case .none:
                try planFolders(for: path, root: root, planned: &plannedFolders, journal: &journal)
            case .folder, .other:
                throw foreignFile(path, root: root)
            }
            journal.moves.append(.init(temporary: temporaryPath(for: path, nonce: nonce, index: journal.moves.count), target: path))
            contents.append(data)
            report.written.append(path)
        }
        let current = Set(site.paths)
        journal.removals = previous.subtracting(current).sorted().filter {
            Site.isSafe($0) && FileIO.kind(root + "/" + $0) == .file
        }
        let manifest = Data(site.paths.joined(separator: "\n").utf8)
        if FileIO.contents(of: root + "/" + Self.manifestName, ifSize: manifest.count).map({ FileIO.same($0, manifest) }) != true {
            journal.moves.append(.init(temporary: Self.temporaryMarker + nonce + "-manifest", target: Self.manifestName))
            contents.append(manifest)
        }
        guard !journal.moves.isEmpty || !journal.removals.isEmpty else { return report }
        try journal.write(in: root)
        do {
            try stage(journal, contents, root: root)
            journal.state = .committed
            try journal.write(in: root)
        } catch {
            try? journal.rollBack(in: root)
            throw error
        }
        report.removed = try journal.rollForward(in: root)
        return report
    }

    // MARK: - Helpers

    /// Makes the planned folders, writes and flushes every temporary, then flushes the folders that hold them.
    private func stage(_ journal: SiteJournal, _ contents: [Data], root: String) throws {
        for folder in journal.folders {
            guard mkdir(root + "/" + folder, 0o755) == 0 else {
                throw WriteError(path: root + "/" + folder, reason: FileIO.errnoText())
            }
        }
        var folders: Set<String> = [root]
        for (move, data) in zip(journal.moves, contents) {
            if interrupted() { throw Interrupted() }
            do {
                try FileIO.write(data, to: root + "/" + move.temporary)
            } catch {
                // Name the file the user knows, not its temporary.
                throw WriteError(path: root + "/" + move.target, reason: error.reason)
            }
            folders.insert(root + "/" + SiteJournal.parent(of: move.temporary))
        }
        if interrupted() { throw Interrupted() }
        for folder in folders.sorted() { try FileIO.syncFolder(folder) }
    }

    /// Adds the missing folders above `path` to the plan; a file or symlink where a folder must be is refused.
    private func planFolders(for path: String, root: String, planned: inout Set<String>,
                             journal: inout SiteJournal) throws {
        var missing: [String] = []
        var folder = SiteJournal.parent(of: path)
        while !folder.isEmpty && !planned.contains(folder) {
            switch FileIO.kind(root + "/" + folder) {
            case .folder:
                planned.insert(folder)
            case .none:
                missing.append(folder)
                folder = SiteJournal.parent(of: folder)
            case .file, .other:
                throw foreignFile(folder, root: root)
            }
        }
        for folder in missing.reversed() {
            planned.insert(folder)
            journal.folders.append(folder)
        }
    }

    /// A temporary's name: reserved prefix, this build's nonce and a counter, so it cannot be a user's file.
    private func temporaryPath(for path: String, nonce: String, index: Int) -> String {
        let folder = SiteJournal.parent(of: path)
        let name = Self.temporaryMarker + nonce + "-" + String(index)
        return folder.isEmpty ? name : folder + "/" + name
    }

    private func foreignFile(_ path: String, root: String) -> OutputFolder.Refusal {
        let shown = display + "/" + path
        return OutputFolder.Refusal(
            message: "refusing to replace '\(shown)': the site needs that path, and Gradus did not write what is there",
            hint: "move it out of the output folder, or choose another with --out")
    }

    /// The paths the last build wrote; an unreadable manifest is an error, since it decides what may be replaced.
    private func readManifest(_ root: String) throws(WriteError) -> Set<String> {
        let path = root + "/" + Self.manifestName
        guard FileIO.kind(path) != .none else { return [] }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WriteError(path: path, reason: "the manifest cannot be read")
        }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }
}

/// An exclusive lock on the output folder, so two builds into one folder take turns.
private struct FolderLock {
    let fd: Int32

    init(_ path: String) throws(WriteError) {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: FileIO.errnoText()) }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = FileIO.errnoText()
                close(fd)
                throw WriteError(path: path, reason: reason)
            }
        }
    }

    func release() { close(fd) }
}
