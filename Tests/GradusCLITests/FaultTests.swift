import Foundation
import Testing
import GradusTestSupport

/// `gradus build` updating a site when the process is killed, the disk is full, or the output folder cannot be
/// written: every file stays whole (old or new), the next build completes the update, and an error leaves the
/// old site in place with a clear message. Runs the real debug binary.
@Suite("Faults during a build", .serialized)
struct FaultTests {
    /// The site's files by path, read from `folder`; the writer's own bookkeeping (temporaries, its journal: every
    /// `.gradus-` name but the manifest) is listed apart.
    static func snapshot(_ folder: URL) throws -> (files: [String: Data], internal: [String]) {
        var files: [String: Data] = [:], temporaries: [String] = []
        let root = folder.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]) else {
            return (files, temporaries)
        }
        for case let url as URL in walker where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = String(url.standardizedFileURL.path.dropFirst(root.count + 1))
            let name = url.lastPathComponent
            if name.hasPrefix(".gradus-") && name != ".gradus-manifest" { temporaries.append(path); continue }
            files[path] = try Data(contentsOf: url)
        }
        return (files, temporaries)
    }

    /// `gradus build` started in `folder` in the background, its output discarded, for a test to signal.
    static func startBuild(_ binary: URL, in folder: URL) throws -> Process {
        let process = Process()
        process.executableURL = binary
        process.arguments = ["build"]
        process.currentDirectoryURL = folder
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// The mini course (two languages, a simulation, a quiz) with the repository's templates, built once as the
    /// old site; then its content changed (edited lessons, a new lesson, `extraLessons` more, one lesson gone) so
    /// that the next build writes, replaces and removes files.
    struct Workspace {
        var root: URL
        var old: [String: Data]
        var new: [String: Data]
        var site: URL { root.appendingPathComponent("_site") }
        var oldCopy: URL { root.appendingPathComponent("old-site") }

        init(extraLesson: String = "Brand new.\n", extraLessons: Int = 30) throws {
            root = try makeScratchFolder("gradus-fault")
            let fixtures = TestEnvironment.packageRoot.appendingPathComponent("Tests/GradusRenderTests/Fixtures/mini/content")
            try FileManager.default.copyItem(at: fixtures, to: root.appendingPathComponent("content"))
            try FileManager.default.copyItem(at: TestEnvironment.packageRoot.appendingPathComponent("templates"),
                                             to: root.appendingPathComponent("templates"))
            let gone = root.appendingPathComponent("content/lessons/05-gone.en.md")
            try "---\ntitle: Gone\n---\nThis lesson is dropped.\n".write(to: gone, atomically: true, encoding: .utf8)
            let binary = try #require(GradusBinary.debug, "swift test builds .build/debug/gradus")
            let first = try runProcess(binary, ["build"], in: root)
            try #require(first.status == 0, "\(first.stderrText)")
            let site = root.appendingPathComponent("_site")
            old = try FaultTests.snapshot(site).files
            try FileManager.default.copyItem(at: site, to: root.appendingPathComponent("old-site"))
            let lessons = root.appendingPathComponent("content/lessons")
            try FileManager.default.removeItem(at: gone)
            for name in ["01-first.en.md", "01-first.de.md"] {
                let url = lessons.appendingPathComponent(name)
                let text = try String(contentsOf: url, encoding: .utf8)
                try text.replacingOccurrences(of: "$x^2$", with: "$x^3$ (changed)")
                    .write(to: url, atomically: true, encoding: .utf8)
            }
            try ("---\ntitle: Third\n---\n## New {#new}\n\n" + extraLesson)
                .write(to: lessons.appendingPathComponent("03-third.en.md"), atomically: true, encoding: .utf8)
            // More pages, and a course title on every page that changes, so that the update writes many files.
            for number in 10..<(10 + extraLessons) {
                try "---\ntitle: Lesson \(number)\n---\nText \(number).\n"
                    .write(to: lessons.appendingPathComponent("\(number)-extra\(number).en.md"), atomically: true, encoding: .utf8)
            }
            let course = root.appendingPathComponent("content/course.en.md")
            try String(contentsOf: course, encoding: .utf8).replacingOccurrences(of: "Mini course", with: "Mini course, revised")
                .write(to: course, atomically: true, encoding: .utf8)
            let reference = try runProcess(binary, ["build", "--out", "new-site"], in: root)
            try #require(reference.status == 0, "\(reference.stderrText)")
            let newSite = try FaultTests.snapshot(root.appendingPathComponent("new-site")).files
            new = newSite
            try FileManager.default.removeItem(at: root.appendingPathComponent("new-site"))
        }

        /// Puts the old site back in `_site`.
        func restoreOld() throws {
            try? FileManager.default.removeItem(at: site)
            try FileManager.default.copyItem(at: oldCopy, to: site)
        }
    }

    @Test("SIGKILL at 50 random moments of an update leaves every file whole, and the next build completes it")
    func killDuringBuild() throws {
        let binary = try #require(GradusBinary.debug)
        let workspace = try Workspace()
        let changed = Set(workspace.new.keys).filter { workspace.old[$0] != workspace.new[$0] }
        try #require(changed.count >= 5, "the update changes several files")
        // The mean time of three full updates; kills fall uniformly from half to one and a half times it, where
        // the writes (at the end of a build) happen on a loaded machine as well as on an idle one.
        var updateSeconds = 0.0
        for _ in 1...3 {
            try workspace.restoreOld()
            let started = Date()
            #expect(try runProcess(binary, ["build"], in: workspace.root).status == 0)
            updateSeconds += Date().timeIntervalSince(started) / 3
        }
        var generator = SystemRandomNumberGenerator()
        var outcomes: [String: Int] = ["old": 0, "mixed": 0, "new": 0]
        for attempt in 1...50 {
            try workspace.restoreOld()
            let process = try Self.startBuild(binary, in: workspace.root)
            usleep(UInt32(Double.random(in: (updateSeconds * 0.5)...(updateSeconds * 1.5), using: &generator) * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let after = try Self.snapshot(workspace.site).files
            var old = 0, new = 0
            for (path, data) in after {
                let isOld = workspace.old[path] == data, isNew = workspace.new[path] == data
                #expect(isOld || isNew, "kill \(attempt): \(path) is neither the old nor the new file (\(data.count) bytes)")
                if isOld && !isNew { old += 1 }
                if isNew && !isOld { new += 1 }
            }
            for path in workspace.old.keys where workspace.new[path] != nil {
                #expect(after[path] != nil, "kill \(attempt): \(path) vanished")
            }
            outcomes[new == 0 ? "old" : old == 0 ? "new" : "mixed", default: 0] += 1
            let next = try runProcess(binary, ["build"], in: workspace.root)
            #expect(next.status == 0, "kill \(attempt): \(next.stderrText)")
            let completed = try Self.snapshot(workspace.site)
            #expect(completed.files == workspace.new, "kill \(attempt): the next build did not complete the update")
            #expect(completed.internal.isEmpty, "kill \(attempt): temporaries left: \(completed.internal)")
        }
        print("FaultTests: 50 kills, update \(String(format: "%.3f", updateSeconds)) s: \(outcomes)")
    }

    /// Runs `body` with `folder` as a mount point, then unmounts it. Returns false when mounting is not permitted
    /// (not root, no CAP_SYS_ADMIN); under CI, which runs as root on this kind of machine, that is a failure.
    static func mounted(_ arguments: [String], at folder: URL, _ body: () throws -> Void) throws -> Bool {
        let mount = try #require(TestEnvironment.tool("mount")), umount = try #require(TestEnvironment.tool("umount"))
        let result = try runProcess(mount, arguments + [folder.path])
        guard result.status == 0 else {
            if TestEnvironment.isCI { Issue.record("mount failed under CI: \(result.stderrText)") }
            else { FileHandle.standardError.write(Data("notice: mount not permitted; fault test skipped\n".utf8)) }
            return false
        }
        defer { _ = try? runProcess(umount, [folder.path]) }
        try body()
        return true
    }

    /// Asserts a failed build exited 1 with a clear message and left the old site exactly as it was.
    static func expectOldSiteKept(_ run: ProcessResult, _ workspace: Workspace, mentioning words: String) throws {
        #expect(run.status == 1, "\(run.stderrText)")
        #expect(run.stderrText.contains("gradus: error: cannot write"), "\(run.stderrText)")
        #expect(run.stderrText.contains(words), "\(run.stderrText)")
        let after = try snapshot(workspace.site)
        #expect(after.files == workspace.old, "the old site changed")
        #expect(after.internal.isEmpty, "temporaries left: \(after.internal)")
    }

    @Test("A full disk (a small tmpfs) gives a clear error and leaves the old site in place")
    func fullDisk() throws {
        let binary = try #require(GradusBinary.debug)
        // The new lesson alone is larger than the room left on the file system.
        let workspace = try Workspace(extraLesson: String(repeating: "Many words of a long lesson. ", count: 120_000))
        let oldBytes = workspace.old.values.map(\.count).reduce(0, +)
        try FileManager.default.removeItem(at: workspace.site)
        try FileManager.default.createDirectory(at: workspace.site, withIntermediateDirectories: true)
        let size = (oldBytes + 4096 * workspace.old.count) / 1024 + 256
        _ = try Self.mounted(["-t", "tmpfs", "-o", "size=\(size)k", "tmpfs"], at: workspace.site) {
            for path in try FileManager.default.contentsOfDirectory(atPath: workspace.oldCopy.path) {
                try FileManager.default.copyItem(at: workspace.oldCopy.appendingPathComponent(path),
                                                 to: workspace.site.appendingPathComponent(path))
            }
            try Self.expectOldSiteKept(try runProcess(binary, ["build"], in: workspace.root), workspace,
                                       mentioning: "No space left on device")
        }
    }

    @Test("An output folder mounted read-only gives a clear error and leaves the old site in place")
    func readOnlyOutput() throws {
        let binary = try #require(GradusBinary.debug)
        let workspace = try Workspace()
        try workspace.restoreOld()
        let mount = try #require(TestEnvironment.tool("mount"))
        _ = try Self.mounted(["--bind", workspace.site.path], at: workspace.site) {
            let remount = try runProcess(mount, ["-o", "remount,bind,ro", workspace.site.path])
            try #require(remount.status == 0, "\(remount.stderrText)")
            try Self.expectOldSiteKept(try runProcess(binary, ["build"], in: workspace.root), workspace,
                                       mentioning: "Read-only file system")
        }
    }

    @Test("A build waiting for another build's lock on the folder still stops at Ctrl-C, leaving the site as it was")
    func interruptWhileWaiting() throws {
        let binary = try #require(GradusBinary.debug)
        let workspace = try Workspace(extraLessons: 2)
        try workspace.restoreOld()
        let fd = open(workspace.site.path, O_RDONLY | O_DIRECTORY)
        try #require(fd >= 0 && flock(fd, LOCK_EX) == 0, "the test holds the folder's lock")
        defer { close(fd) }
        let process = try Self.startBuild(binary, in: workspace.root)
        // The build renders first (well under a second for this course), then waits for the lock.
        usleep(1_500_000)
        let stopped = Date()
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        #expect(Date().timeIntervalSince(stopped) < 2, "the interruption is seen while waiting")
        #expect(try Self.snapshot(workspace.site).files == workspace.old)
    }
}
