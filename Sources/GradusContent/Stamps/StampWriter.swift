import Foundation

/// Writes `source:` stamps into translations (`gradus check --update-stamps`): each translation of a lesson gets
/// the stamp of its original (the default language's file) as it is now.
///
/// Only the `source:` line changes: an existing one is replaced in place, else a new one goes just before the
/// closing `---` of the front matter; every other byte stays. Each file is written to a temporary file beside it
/// and renamed over it, so a kill leaves the old file or the new one, never half of one.
public struct StampWriter: Sendable {
    /// The content folder on disk; lesson paths in the course are shown relative to the user's folder, so the
    /// writer joins `root` with the part after `displayRoot`.
    public var root: URL
    public var displayRoot: String

    public init(root: URL, displayRoot: String) {
        self.root = root
        self.displayRoot = displayRoot
    }

    /// Updates every translation (of `only` those lessons, when given) whose stamp differs from its original's;
    /// returns the display paths written. Throws when a file cannot be read or written (the files written before
    /// stay written, each one whole).
    public func update(_ course: Course, only: Set<String>? = nil) throws -> [String] {
        var written: [String] = []
        for lesson in course.lessons where only?.contains(lesson.slug) ?? true {
            guard let original = lesson.translations[course.config.defaultLanguage] else { continue }
            let stamp = SectionStamp(body: original.file.body)
            for language in course.languages where language != course.config.defaultLanguage {
                guard let translation = lesson.translations[language] else { continue }
                if let recorded = translation.file.frontMatter["source"].flatMap(SectionStamp.init), recorded == stamp {
                    continue
                }
                let url = fileURL(translation.file.path)
                let text = try String(contentsOf: url, encoding: .utf8)
                guard let updated = Self.stamped(text, with: stamp) else { continue }
                try Self.atomicWrite(Data(updated.utf8), to: url)
                written.append(translation.file.path)
            }
        }
        return written
    }

    /// `text` with its front matter's `source:` line set to `stamp`; nil if the file has no closed front matter.
    public static func stamped(_ text: String, with stamp: SectionStamp) -> String? {
        let line = "source: \(stamp)"
        // Split on the scalar U+000A: as Characters, "\r\n" is one grapheme and would not split.
        var lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) }
        guard let first = lines.first,
              first.replacingOccurrences(of: "\u{FEFF}", with: "").trimmingCharacters(in: .whitespacesAndNewlines) == "---",
              var close = lines.indices.dropFirst().first(where: { lines[$0].trimmingCharacters(in: .whitespacesAndNewlines) == "---" })
        else { return nil }
        if let index = (1..<close).first(where: { lines[$0].hasPrefix("source:") }) {
            let ending = lines[index].hasSuffix("\r") ? "\r" : ""
            lines[index] = line + ending
            // A stamp written as a block list by hand: its `- item` lines belong to the old value.
            while index + 1 < close, lines[index + 1].trimmingCharacters(in: .whitespaces).hasPrefix("-") {
                lines.remove(at: index + 1)
                close -= 1
            }
        } else {
            let ending = lines[close].hasSuffix("\r") ? "\r" : ""
            lines.insert(line + ending, at: close)
        }
        return lines.joined(separator: "\n")
    }

    // MARK: - Files

    private func fileURL(_ path: String) -> URL {
        let relative = displayRoot.isEmpty ? path : String(path.dropFirst(displayRoot.count + 1))
        return root.appendingPathComponent(relative)
    }

    /// Replaces the file at `url` with `data` in one rename, flushed first. A symlink is written through to its
    /// target (the link stays a link) and the file keeps its permissions: an author's private lesson stays private.
    static func atomicWrite(_ data: Data, to url: URL) throws {
        let target = URL(fileURLWithPath: url.resolvingSymlinksInPath().path)
        var info = stat()
        let mode = stat(target.path, &info) == 0 ? info.st_mode & 0o7777 : 0o644
        let temporary = target.deletingLastPathComponent().appendingPathComponent(".\(target.lastPathComponent).\(UUID().uuidString).tmp")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode)
        guard fd >= 0 else { throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: target.path]) }
        var failed = false
        data.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress! + done, raw.count - done)
                if n < 0 { if errno == EINTR { continue }; failed = true; return }
                done += n
            }
        }
        fchmod(fd, mode)
        if fsync(fd) != 0 { failed = true }
        close(fd)
        if failed || rename(temporary.path, target.path) != 0 {
            unlink(temporary.path)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: target.path])
        }
    }
}
