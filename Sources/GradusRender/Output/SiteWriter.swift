import Foundation
import GradusContent
import Synchronization

/// Writes a `Site` to its output folder, the only stage that writes, and the site changes as a whole.
///
/// The folder must be Gradus' own (see `OutputFolder`). Each changed file is written to a temporary beside its
/// target (on the worker threads), and all are flushed by one `syncfs`; a `SiteJournal` records the plan first,
/// then commits it, and only then are temporaries renamed over their targets and the files the previous build had
/// and this one lacks removed. A failure or an interruption before the commit point removes every temporary and
/// leaves the old site exactly as it was; a kill after it is completed by the next build (or `gradus serve` start)
/// before anything else. Unchanged files keep their bytes and modification time. A file the manifest does not
/// list is never overwritten or removed. A first build into a new or empty folder takes a shorter way
/// (`writeFresh`): with no old site to keep, its files go straight into place.
public struct SiteWriter: Sendable {
    public var output: URL
    /// How messages name the folder (as the user typed it).
    public var display: String
    /// Asked between files while temporaries are written; true makes the write roll back and throw
    /// `Interrupted` (after the commit point the write always finishes).
    public var interrupted: @Sendable () -> Bool
    /// The threads that compare and write files (the site written is the same whatever the count).
    public var workers: Workers

    /// Lists the files the last build wrote: what the next one may replace or remove, and the mark of a Gradus site.
    static let manifestName = ".gradus-manifest"
    /// Every name Gradus keeps for itself in a site starts so; the preview server never serves one.
    public static let reservedPrefix = ".gradus-"
    static let temporaryMarker = ".gradus-tmp-"
    /// How long a build waits between tries for the folder another build holds.
    static let lockPoll: useconds_t = 50_000

    public init(output: URL, display: String? = nil, interrupted: @escaping @Sendable () -> Bool = { false },
                workers: Workers = .machine) {
        self.workers = workers
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
        /// A first build into a new or empty folder, which had no previous site.
        public var firstBuild = false
        public init(firstBuild: Bool = false) { self.firstBuild = firstBuild }
        public var description: String {
            firstBuild ? "interrupted; what this first build wrote was removed" : "interrupted; the previous site was left in place"
        }
    }

    /// Writes `site`. Throws `OutputFolder.Refusal` when the folder is not Gradus' own or a file in the way is not,
    /// `WriteError` for an I/O failure (the old site stands) and `Interrupted`.
    public func write(_ site: Site) throws -> Report {
        try OutputFolder.check(output, display: display)
        if let clash = site.fileFolderClash {
            throw WriteError(path: display + "/" + clash.file,
                             reason: "the site needs it as a file and as the folder of \(clash.inside); rename one of the two inputs")
        }
        let root = OutputFolder.resolve(output)
        if FileIO.kind(root) == .none {
            do throws(WriteError) { try FileIO.makeFolders(root) } catch {
                var failure = error
                failure.firstBuild = true
                throw failure
            }
        }
        let lock = try FolderLock(root, interrupted: interrupted)
        defer { lock.release() }
        try SiteJournal.recover(in: root)
        if Self.isFresh(root) { return try writeFresh(site, into: root) }
        // Checked again now that the folder is this build's: while it waited, someone may have filled it.
        guard FileIO.kind(root + "/" + Self.manifestName) != .none else { throw foreignFolder() }
        let previous = try readManifest(root)
        var report = Report()
        var journal = SiteJournal(state: .staging)
        var contents: [Data] = []
        let nonce = String(UInt32.random(in: .min ... .max), radix: 16)
        var plannedFolders: Set<String> = []
        var verified: Set<String> = []
        let paths = site.paths
        let files = paths.map { site.files[$0]! }
        // What is at each path whose folders all exist, compared on the worker threads (reads only); a path below
        // a missing folder has nothing there yet, and one below a file or symlink is refused in the loop below.
        let present = paths.map { path in
            let folder = SiteJournal.parent(of: path)
            return SiteJournal.foldersAreReal(above: path, in: root, verified: &verified) && (folder.isEmpty || verified.contains(folder))
        }
        let probes = workers.map(paths.count) { index in
            present[index] ? FileIO.probe(root + "/" + paths[index], against: files[index]) : .none
        }
        for (index, path) in paths.enumerated() {
            guard SiteJournal.foldersAreReal(above: path, in: root, verified: &verified) else {
                throw foreignFile(SiteJournal.parent(of: path), root: root)
            }
            switch probes[index] {
            case .same:
                report.unchanged += 1
                continue
            case .differs:
                guard previous.contains(path) else { throw foreignFile(path, root: root) }
            case .none:
                try planFolders(for: path, root: root, planned: &plannedFolders, journal: &journal)
            case .folder, .other:
                throw foreignFile(path, root: root)
            }
            journal.moves.append(.init(temporary: temporaryPath(for: path, nonce: nonce, index: journal.moves.count), target: path))
            contents.append(files[index])
            report.written.append(path)
        }
        let current = Set(paths)
        // Paths already gone stay in the plan too (a killed first build may never have written them), so that
        // their empty folders go with the others.
        journal.removals = previous.subtracting(current).sorted().filter {
            Site.isSafe($0) && SiteJournal.foldersAreReal(above: $0, in: root, verified: &verified)
                && [.file, .none].contains(FileIO.kind(root + "/" + $0))
        }
        let manifest = Data(paths.joined(separator: "\n").utf8)
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
        do {
            report.removed = try journal.rollForward(in: root, resuming: false)
        } catch {
            throw WriteError(path: error.path, reason: error.reason, committed: true)
        }
        return report
    }

    // MARK: - Helpers

    /// Makes the planned folders, writes every temporary (on the worker threads), then flushes them all and their
    /// folders' new names with one file-system flush before the journal may say `committed`.
    private func stage(_ journal: SiteJournal, _ contents: [Data], root: String) throws {
        for folder in journal.folders {
            guard mkdir(root + "/" + folder, 0o755) == 0 else {
                throw WriteError(path: root + "/" + folder, reason: FileIO.errnoText())
            }
        }
        let moves = journal.moves
        let interrupted = interrupted
        let stop = StopFlag()
        let failures = workers.map(moves.count) { (index: Int) -> (any Error & Sendable)? in
            // After a failure or an interruption the other threads write nothing more: the plan is rolled back.
            if stop.isSet { return nil }
            if interrupted() {
                stop.set()
                return Interrupted()
            }
            do throws(WriteError) {
                try FileIO.write(contents[index], to: root + "/" + moves[index].temporary, sync: false)
                return nil
            } catch {
                stop.set()
                // Name the file the user knows, not its temporary.
                return WriteError(path: root + "/" + moves[index].target, reason: error.reason)
            }
        }
        // The first failure in the plan's order, whichever thread met it first.
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        if interrupted() { throw Interrupted() }
        try FileIO.syncFileSystem(root)
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

    private func foreignFolder() -> OutputFolder.Refusal {
        OutputFolder.Refusal(message: "refusing to write the site into '\(display)': the folder is not empty and holds no Gradus site",
                             hint: "Gradus writes only into a new folder, an empty one, or a site it built; choose one with --out")
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
        switch FileIO.kind(path) {
        case .none: return []
        case .file: break
        case .folder, .other: throw WriteError(path: path, reason: "the manifest is not a file; move the output folder away and build again")
        }
        switch FileIO.readAll(path) {
        case .success(let bytes): return Set(String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init))
        case .failure(let reason): throw WriteError(path: path, reason: "the manifest cannot be read (\(reason.text))")
        }
    }
}

/// Set once by the first thread that fails, so that the others stop.
final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    var isSet: Bool { flag.load(ordering: .relaxed) }
    func set() { flag.store(true, ordering: .relaxed) }
}

/// An exclusive lock on the output folder, so two builds into one folder take turns. Waiting polls, so that
/// Ctrl-C still stops a build that waits for another.
private struct FolderLock {
    let fd: Int32

    init(_ path: String, interrupted: () -> Bool) throws {
        fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw WriteError(path: path, reason: FileIO.errnoText()) }
        while flock(fd, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let reason = FileIO.errnoText()
                close(fd)
                throw WriteError(path: path, reason: reason)
            }
            if interrupted() {
                close(fd)
                throw SiteWriter.Interrupted()
            }
            usleep(SiteWriter.lockPoll)
        }
    }

    func release() { close(fd) }
}
