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

    @Test("SIGKILL at each write, mkdirat and fsync of a first build leaves nothing or whole-or-short new files under their manifest; the next build completes the site",
          arguments: ["write", "mkdirat", "fsync"])
    func killFirstBuild(_ call: String) throws {
        try walkFirstBuild(call, signal: "KILL")
    }

    @Test("SIGINT at each write and mkdirat of a first build leaves the folder empty", arguments: ["write", "mkdirat"])
    func interruptFirstBuild(_ call: String) throws {
        try walkFirstBuild(call, signal: "INT")
    }

    /// Like `walk`, for a first build into a folder that does not exist: there is no old site to keep, so a kill may
    /// leave part of the new one, but only under the manifest that claims it, each file the new one or a start of it.
    func walkFirstBuild(_ call: String, signal: String) throws {
        var partial = 0
        guard let attempts = try inject(call, signal: signal, before: { try? FileManager.default.removeItem(at: $0.site) }, check: { workspace, run, log, label in
            let seen = try FaultTests.snapshot(workspace.site)
            if signal == "KILL" {
                guard !seen.files.isEmpty && seen.files != workspace.new else { return }
                partial += 1
                // Pages appear only once the manifest that claims them is whole (it may itself be cut short).
                if seen.files.keys.contains(where: { $0 != ".gradus-manifest" }) {
                    #expect(seen.files[".gradus-manifest"] == workspace.new[".gradus-manifest"],
                            "\(label): pages without the whole manifest that claims them")
                }
                for (path, bytes) in seen.files {
                    #expect(workspace.new[path].map { $0.starts(with: bytes) } == true, "\(label): \(path) is not the new page or a start of it")
                }
            } else {
                // Before Gradus takes Ctrl-C over, the default action ends it: nothing was written yet then.
                #expect([0, 130].contains(run.status) || log.contains("+++ killed by SIG\(signal)"), "\(label): \(run.stderrText)")
                // Ctrl-C after the last file (at the summary line) finds the site complete; before it, nothing stays.
                #expect(seen.files == workspace.new || (run.status != 0 && seen.files.isEmpty),
                        "\(label): an interrupted first build left \(seen.files.keys.sorted())")
                #expect(seen.internal.isEmpty, "\(label): bookkeeping left: \(seen.internal)")
            }
        }) else { return }
        print("SyscallFaultTests: SIG\(signal) at \(call) #1…#\(attempts) of a first build: \(partial) left part of the site; every next build gave the whole site")
    }

    /// Injects `signal` at the 1st, 2nd, … `call` until a build runs to its end, checking the site after each.
    func walk(_ call: String, signal: String) throws {
        var outcomes: [Outcome: Int] = [:]
        guard let attempts = try inject(call, signal: signal, before: { try $0.restoreOld() }, check: { workspace, run, log, label in
            if signal != "KILL" {
                #expect([0, 130, 131].contains(run.status) || log.contains("+++ killed by SIG\(signal)"), "\(label): \(run.stderrText)")
                #expect(!run.stderrText.contains("crashed"), "\(label): \(run.stderrText)")
            }
            let seen = try FaultTests.snapshot(workspace.site)
            let outcome: Outcome
            if seen.files == workspace.old { outcome = .old }
            else if seen.files == workspace.new { outcome = .new }
            else {
                outcome = .committed
                let journal = FileManager.default.contents(atPath: workspace.site.appendingPathComponent(".gradus-journal").path)
                #expect(signal == "KILL", "\(label): SIG\(signal) left a mixed site")
                #expect(journal.map { String(decoding: $0, as: UTF8.self).contains("\"committed\"") } == true,
                        "\(label): a mixed site without a committed journal")
            }
            outcomes[outcome, default: 0] += 1
            if signal != "KILL" && run.status != 131 {
                #expect(seen.internal.isEmpty, "\(label): bookkeeping left after SIG\(signal): \(seen.internal)")
            }
        }) else { return }
        print("SyscallFaultTests: SIG\(signal) at \(call) #1…#\(attempts): "
              + Outcome.allCases.map { "\($0.rawValue) \(outcomes[$0] ?? 0)" }.joined(separator: ", ")
              + "; every next build gave the new site")
    }

    /// Runs `gradus build` under strace with `signal` injected at the 1st, 2nd, … `call` (after `before` set the
    /// output folder up each time), until a build runs to its end; after each interrupted build, `check` looks at
    /// what it left, and the next plain build must give exactly the new site, no bookkeeping and no empty folder.
    /// Returns how many builds were interrupted (nil: strace is missing and the test is skipped).
    func inject(_ call: String, signal: String, before: (FaultTests.Workspace) throws -> Void,
                check: (FaultTests.Workspace, ProcessResult, String, String) throws -> Void) throws -> Int? {
        guard TestEnvironment.wants("strace") else { return nil }
        let strace = try #require(TestEnvironment.tool("strace"))
        let binary = try #require(GradusBinary.debug)
        let env = try #require(TestEnvironment.tool("env"))
        // Few extra lessons: every call of the build is tried, so the update is kept small.
        let workspace = try FaultTests.Workspace(extraLessons: 4)
        var attempt = 1
        while attempt < 1_000 {
            try before(workspace)
            let trace = workspace.root.appendingPathComponent("trace.txt")
            // `env --default-signal`: the test runner may hand its children SIGINT ignored; a terminal does not.
            let run = try runProcess(env, ["--default-signal", strace.path, "-f", "-o", trace.path, "-e", "trace=\(call)",
                                           "-e", "inject=\(call):signal=\(signal):when=\(attempt)",
                                           binary.path, "build"], in: workspace.root)
            let log = try String(contentsOf: trace, encoding: .utf8)
            let label = "\(call) #\(attempt)"
            guard log.contains("+++ killed by SIG\(signal)") || log.contains("--- SIG\(signal) {") else {
                #expect(run.status == 0, "\(label): \(run.stderrText)")
                break
            }
            try check(workspace, run, log, label)
            let next = try runProcess(binary, ["build"], in: workspace.root)
            #expect(next.status == 0, "\(label): \(next.stderrText)")
            let completed = try FaultTests.snapshot(workspace.site)
            #expect(completed.files == workspace.new, "\(label): the next build did not give the new site")
            #expect(completed.internal.isEmpty, "\(label): left behind: \(completed.internal)")
            #expect(Self.emptyFolders(workspace.site).isEmpty, "\(label): empty folders left: \(Self.emptyFolders(workspace.site))")
            attempt += 1
        }
        #expect(attempt > 1, "no \(call) call was made")
        return attempt - 1
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
