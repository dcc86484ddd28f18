import Foundation

/// Writes a `Site` to its output folder, the only stage that writes.
///
/// Every changed file is first written to a temporary file beside its target; only when all are written are they
/// renamed over the old ones, so a failure (a full disk) leaves the old site standing and a kill at any moment
/// leaves every file whole, old or new. Unchanged files keep their bytes and modification time. Files that an
/// earlier build produced and this one does not are removed last; files Gradus never wrote are left alone.
public struct SiteWriter: Sendable {
    public var output: URL

    /// Lists the files the last build wrote, so the next one knows what it may remove.
    static let manifestName = ".gradus-manifest"
    static let temporaryMarker = ".gradus-tmp-"

    public init(output: URL) { self.output = output }

    /// What a write changed.
    public struct Report: Equatable, Sendable {
        public var written: [String] = []
        public var unchanged: Int = 0
        public var removed: [String] = []
    }

    public func write(_ site: Site) throws -> Report {
        let fileManager = FileManager.default
        try fileManager.createDirectory(at: output, withIntermediateDirectories: true)
        removeLeftoverTemporaries()
        var report = Report()
        var staged: [(temporary: String, target: String)] = []
        var folders: Set<String> = []
        var createdFolders: [String] = []
        let root = output.path
        do {
            for path in site.paths {
                let data = site.files[path]!
                let target = root + "/" + path
                if let old = FileIO.contents(of: target, ifSize: data.count), FileIO.same(old, data) {
                    report.unchanged += 1
                    continue
                }
                let slash = target.lastIndex(of: "/")!
                let folder = String(target[..<slash])
                try FileIO.makeFolder(folder, known: &folders, created: &createdFolders)
                let temporary = folder + "/" + Self.temporaryMarker + target[target.index(after: slash)...]
                do {
                    try FileIO.write(data, to: temporary)
                } catch let failure as WriteError {
                    // Name the file the user knows, not its temporary.
                    throw WriteError(path: target, reason: failure.reason)
                }
                staged.append((temporary, target))
                report.written.append(path)
            }
        } catch {
            for (temporary, _) in staged { unlink(temporary) }
            // Folders made for the new files go too, deepest first, so the old site is left exactly as it was.
            for folder in createdFolders.reversed() { rmdir(folder) }
            throw error
        }
        for (temporary, target) in staged {
            guard rename(temporary, target) == 0 else {
                let reason = String(cString: strerror(errno))
                for (left, _) in staged { unlink(left) }
                throw WriteError(path: target, reason: reason)
            }
        }
        let previous = readManifest()
        let current = Set(site.paths)
        for path in previous.subtracting(current).sorted() where Site.isSafe(path) {
            let url = output.appendingPathComponent(path)
            if (try? fileManager.removeItem(at: url)) != nil { report.removed.append(path) }
            removeEmptyFolders(above: url)
        }
        let manifest = Data(site.paths.joined(separator: "\n").utf8)
        let manifestURL = output.appendingPathComponent(Self.manifestName)
        if fileManager.contents(atPath: manifestURL.path) != manifest {
            let temporary = output.appendingPathComponent(Self.temporaryMarker + Self.manifestName)
            try manifest.write(to: temporary)
            _ = rename(temporary.path, manifestURL.path)
        }
        return report
    }

    // MARK: - Helpers

    private func readManifest() -> Set<String> {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(Self.manifestName).path) else { return [] }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// Temporaries of a build that was killed before it renamed them.
    private func removeLeftoverTemporaries() {
        guard let walker = FileManager.default.enumerator(at: output, includingPropertiesForKeys: nil) else { return }
        for case let url as URL in walker where url.lastPathComponent.hasPrefix(Self.temporaryMarker) {
            try? FileManager.default.removeItem(at: url)
        }
    }

    private func removeEmptyFolders(above file: URL) {
        var folder = file.deletingLastPathComponent().standardizedFileURL
        let root = output.standardizedFileURL.path
        while folder.path.hasPrefix(root + "/"),
              let items = try? FileManager.default.contentsOfDirectory(atPath: folder.path), items.isEmpty {
            try? FileManager.default.removeItem(at: folder)
            folder = folder.deletingLastPathComponent()
        }
    }
}

/// A file of the site could not be put in place.
public struct WriteError: Error, CustomStringConvertible, Sendable {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason); the previous site was left in place" }
}
