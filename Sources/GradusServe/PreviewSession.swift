import Foundation
import GradusContent
import GradusRender

/// `gradus serve`: builds the site into a temporary folder, serves it, and rebuilds when content or templates
/// change (debounced), telling open pages to reload; a failed build keeps the last good site and shows the error
/// in the terminal and over the pages.
public final class PreviewSession: Sendable {
    public let server: HTTPServer
    public let output: URL
    private let builder: SiteBuilder
    private let log: @Sendable (String) -> Void
    private let watched: [URL]

    /// Builds once and starts serving. Throws `ContentFailure` when the first build fails (exit 65: nothing to
    /// serve yet) and `HTTPServer.Failure` when the port cannot be had.
    public init(builder: SiteBuilder, host: String, port: UInt16, log: @escaping @Sendable (String) -> Void) throws {
        var builder = builder
        // Each rebuild compiles and renders again only the lessons whose inputs changed.
        if builder.memo == nil { builder.memo = BuildMemo() }
        self.builder = builder
        self.log = log
        watched = [builder.content, builder.templates]
        output = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-serve-\(getpid())-\(UUID().uuidString)")
        let result = try builder.build()
        for warning in result.warnings { log(warning.formatted + "\n") }
        do {
            _ = try SiteWriter(output: output).write(result.site)
            server = try HTTPServer(folder: output, host: host, port: port, log: log)
        } catch {
            // A busy port or a bad address: the temporary site is Gradus' own, and goes with the session.
            try? FileManager.default.removeItem(at: output)
            throw error
        }
    }

    /// Watches and rebuilds until `shouldStop` returns true; looks every `interval` seconds, or at once when the
    /// kernel tells of a change (inotify), and waits for a quiet `debounce` after a change so that an editor's
    /// save-in-several-steps makes one rebuild.
    public func watch(interval: Double = 0.1, debounce: Double = 0.02, shouldStop: () -> Bool) {
        var watcher = FolderWatcher(folders: watched)
        while !shouldStop() {
            _ = watcher.wait(upTo: interval)
            var changed = watcher.changes()
            guard !changed.isEmpty else { continue }
            while true {
                watcher.waitForQuiet(debounce)
                let more = watcher.changes()
                if more.isEmpty { break }
                changed += more
            }
            rebuild(changed: Set(changed).count)
        }
    }

    /// One rebuild: on success the changed files are replaced and pages reload; on failure the last good site stays,
    /// and the terminal and the open pages get the cause (the diagnostics, or the file and the system's reason).
    public func rebuild(changed: Int = 1) {
        let started = Date()
        do {
            let result = try builder.build()
            let report = try SiteWriter(output: output).write(result.site)
            server.announce(error: nil)
            log(String(format: "rebuilt in %.0f ms: %d file%@ changed\n", Date().timeIntervalSince(started) * 1000,
                       report.written.count + report.removed.count,
                       report.written.count + report.removed.count == 1 ? "" : "s"))
        } catch let failure as ContentFailure {
            let text = failure.diagnostics.filter { $0.severity == .error }.map(\.formatted).joined(separator: "\n")
            log(text + "\nthe last good site is still served\n")
            server.announce(error: text)
        } catch {
            let text = "gradus: error: " + RebuildFailure.describe(error)
            log(text + "\nthe last good site is still served\n")
            server.announce(error: text)
        }
    }

    /// Stops the server and removes the temporary site.
    public func stop() {
        server.stop()
        try? FileManager.default.removeItem(at: output)
    }
}
