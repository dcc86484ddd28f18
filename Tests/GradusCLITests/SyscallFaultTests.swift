import Foundation
import Testing
import GradusTestSupport

/// Kills `gradus build` at each `rename`, `unlink`, `write`, `mkdir`, `rmdir`, `fsync` and `syncfs` call in turn
/// (strace's fault injection), while it updates a site. After every kill the site a reader sees is the old one or the new one
/// entirely, or the build had passed its commit point and the next build completes it; that next build always
/// leaves exactly the new site and nothing of Gradus' own bookkeeping but its manifest.
@Suite("Faults at every system call of a build", .serialized)
struct SyscallFaultTests {
    static let calls = ["rename", "unlink", "write", "mkdir", "rmdir", "fsync", "syncfs"]

    /// What a reader sees after a kill.
    enum Outcome: String {
        case old, new, committed
    }

    @Test("SIGKILL at each rename, unlink, write, mkdir, rmdir, fsync and syncfs of an update", arguments: calls)
    func killAtEachCall(_ call: String) throws {
        try walk(call, signal: "KILL")
    }

    @Test("SIGINT at each rename and write of an update ends with the old or the new site and no bookkeeping left",
          arguments: ["rename", "write"])
    func interruptAtEachCall(_ call: String) throws {
        try walk(call, signal: "INT")
    }

    @Test("Ctrl-\\ (SIGQUIT) at each rename of an update is an interruption like Ctrl-C, never a crash report")
    func quitAtEachCall() throws {
        try walk("rename", signal: "QUIT")
    }

    @Test("SIGKILL at each write, mkdir and fsync of a first build leaves nothing or whole-or-short new files under their manifest; the next build completes the site",
          arguments: ["write", "mkdir", "fsync"])
    func killFirstBuild(_ call: String) throws {
        try walkFirstBuild(call, signal: "KILL")
    }

    @Test("SIGINT at each write and mkdir of a first build leaves the folder empty", arguments: ["write", "mkdir"])
    func interruptFirstBuild(_ call: String) throws {
        try walkFirstBuild(call, signal: "INT")
    }

    /// Like `walk`, for a first build into a folder that does not exist: there is no old site to keep, so a kill may
    /// leave part of the new one, but only under the manifest that claims it, each file the new one or a start of it.
    func walkFirstBuild(_ call: String, signal: String) throws {
        guard TestEnvironment.wants("strace") else { return }
        let strace = try #require(TestEnvironment.tool("strace"))
        let binary = try #require(GradusBinary.debug)
        let env = try #require(TestEnvironment.tool("env"))
        let workspace = try FaultTests.Workspace(extraLessons: 4)
        var partial = 0, attempt = 1
        while attempt < 1_000 {
            try? FileManager.default.removeItem(at: workspace.site)
            let trace = workspace.root.appendingPathComponent("trace.txt")
            let run = try runProcess(env, ["--default-signal", strace.path, "-f", "-o", trace.path, "-e", "trace=\(call)",
                                           "-e", "inject=\(call):signal=\(signal):when=\(attempt)",
                                           binary.path, "build"], in: workspace.root)
            let log = try String(contentsOf: trace, encoding: .utf8)
            guard log.contains("+++ killed by SIG\(signal)") || log.contains("--- SIG\(signal) {") else {
                #expect(run.status == 0, "\(call) #\(attempt): \(run.stderrText)")
                break
            }
            let seen = try FaultTests.snapshot(workspace.site)
            if signal == "KILL" {
                if !seen.files.isEmpty && seen.files != workspace.new {
                    partial += 1
                    // Pages appear only once the manifest that claims them is whole (it may itself be cut short).
                    if seen.files.keys.contains(where: { $0 != ".gradus-manifest" }) {
                        #expect(seen.files[".gradus-manifest"] == workspace.new[".gradus-manifest"],
                                "\(call) #\(attempt): pages without the whole manifest that claims them")
                    }
                    for (path, bytes) in seen.files {
                        let whole = workspace.new[path]
                        #expect(whole.map { $0.starts(with: bytes) } == true, "\(call) #\(attempt): \(path) is not the new page or a start of it")
                    }
                }
            } else {
                // Before Gradus takes Ctrl-C over, the default action ends it: nothing was written yet then.
                #expect([0, 130].contains(run.status) || log.contains("+++ killed by SIG\(signal)"),
                        "\(call) #\(attempt): \(run.stderrText)")
                // Ctrl-C after the last file (at the summary line) finds the site complete; before it, nothing stays.
                #expect(seen.files == workspace.new || (run.status != 0 && seen.files.isEmpty),
                        "\(call) #\(attempt): an interrupted first build left \(seen.files.keys.sorted())")
                #expect(seen.internal.isEmpty, "\(call) #\(attempt): bookkeeping left: \(seen.internal)")
            }
            let next = try runProcess(binary, ["build"], in: workspace.root)
            #expect(next.status == 0, "\(call) #\(attempt): \(next.stderrText)")
            let completed = try FaultTests.snapshot(workspace.site)
            #expect(completed.files == workspace.new, "\(call) #\(attempt): the next build did not give the new site")
            #expect(completed.internal.isEmpty, "\(call) #\(attempt): left behind: \(completed.internal)")
            #expect(Self.emptyFolders(workspace.site).isEmpty, "\(call) #\(attempt): empty folders left")
            attempt += 1
        }
        #expect(attempt > 1, "no \(call) call was made")
        print("SyscallFaultTests: SIG\(signal) at \(call) #1…#\(attempt - 1) of a first build: \(partial) left part of the site; every next build gave the whole site")
    }

    /// Injects `signal` at the 1st, 2nd, … `call` until a build runs to its end, checking the site after each.
    func walk(_ call: String, signal: String) throws {
        guard TestEnvironment.wants("strace") else { return }
        let strace = try #require(TestEnvironment.tool("strace"))
        let binary = try #require(GradusBinary.debug)
        let env = try #require(TestEnvironment.tool("env"))
        // Few extra lessons: every call of the update is tried, so the update is kept small.
        let workspace = try FaultTests.Workspace(extraLessons: 4)
        // The old site also has a page the new one drops, so that updates remove files too.
        try workspace.restoreOld()
        var outcomes: [Outcome: Int] = [:]
        var attempt = 1
        while attempt < 1_000 {
            try workspace.restoreOld()
            let trace = workspace.root.appendingPathComponent("trace.txt")
            // `env --default-signal`: the test runner may hand its children SIGINT ignored; a terminal does not.
            let run = try runProcess(env, ["--default-signal", strace.path, "-f", "-o", trace.path, "-e", "trace=\(call)",
                                           "-e", "inject=\(call):signal=\(signal):when=\(attempt)",
                                           binary.path, "build"], in: workspace.root)
            let log = try String(contentsOf: trace, encoding: .utf8)
            guard log.contains("+++ killed by SIG\(signal)") || log.contains("--- SIG\(signal) {") else {
                #expect(run.status == 0, "\(call) #\(attempt): \(run.stderrText)")
                break
            }
            if signal != "KILL" {
                #expect([0, 130, 131].contains(run.status) || log.contains("+++ killed by SIG\(signal)"),
                        "\(call) #\(attempt): \(run.stderrText)")
                #expect(!run.stderrText.contains("crashed"), "\(call) #\(attempt): \(run.stderrText)")
            }
            let seen = try FaultTests.snapshot(workspace.site)
            let outcome: Outcome
            if seen.files == workspace.old { outcome = .old }
            else if seen.files == workspace.new { outcome = .new }
            else {
                outcome = .committed
                let journal = FileManager.default.contents(atPath: workspace.site.appendingPathComponent(".gradus-journal").path)
                #expect(signal == "KILL", "\(call) #\(attempt): SIG\(signal) left a mixed site")
                #expect(journal.map { String(decoding: $0, as: UTF8.self).contains("\"committed\"") } == true,
                        "\(call) #\(attempt): a mixed site without a committed journal")
            }
            outcomes[outcome, default: 0] += 1
            if signal != "KILL" && run.status != 131 {
                #expect(seen.internal.isEmpty, "\(call) #\(attempt): bookkeeping left after SIG\(signal): \(seen.internal)")
            }
            let next = try runProcess(binary, ["build"], in: workspace.root)
            #expect(next.status == 0, "\(call) #\(attempt): \(next.stderrText)")
            let completed = try FaultTests.snapshot(workspace.site)
            #expect(completed.files == workspace.new, "\(call) #\(attempt): the next build did not give the new site")
            #expect(completed.internal.isEmpty, "\(call) #\(attempt): left behind: \(completed.internal)")
            #expect(Self.emptyFolders(workspace.site).isEmpty, "\(call) #\(attempt): empty folders left: \(Self.emptyFolders(workspace.site))")
            attempt += 1
        }
        #expect(attempt > 1, "no \(call) call was made")
        print("SyscallFaultTests: SIG\(signal) at \(call) #1…#\(attempt - 1): "
              + Outcome.allCases.map { "\($0.rawValue) \(outcomes[$0] ?? 0)" }.joined(separator: ", ")
              + "; every next build gave the new site")
    }
}

extension SyscallFaultTests.Outcome: CaseIterable {}

extension SyscallFaultTests {
    /// Folders below `folder` with nothing in them (a removed page's folder that a kill left behind).
    static func emptyFolders(_ folder: URL) -> [String] {
        let root = folder.path
        return (FileManager.default.enumerator(atPath: root)?.allObjects as? [String] ?? []).filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder) && isFolder.boolValue
                && ((try? FileManager.default.contentsOfDirectory(atPath: root + "/" + path)) ?? []).isEmpty
        }.sorted()
    }
}
