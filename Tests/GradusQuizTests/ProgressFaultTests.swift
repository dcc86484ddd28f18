import Dispatch
import Foundation
import Testing
import GradusTestSupport
@testable import GradusQuiz

/// The progress store when several sessions share one file, when files are corrupt, left behind, symlinked or
/// locked: no answer is lost and no backup overwritten.
@Suite("Progress store faults")
struct ProgressFaultTests {
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func answer(_ id: String, right: Bool, at seconds: Double = 0) -> ProgressRecorder.Answer {
        ProgressRecorder.Answer(questionID: id, lesson: "l", firstTry: right, at: start.addingTimeInterval(seconds))
    }

    func stored(_ url: URL) throws -> ProgressFile {
        try ProgressFile.decode(Data(contentsOf: url))
    }

    @Test("Two sessions answering the same question both count: seen adds up and the box follows the later answer")
    func sameQuestion() throws {
        let url = try makeScratchFolder("gradus-progress-fault").appendingPathComponent("progress.json")
        var first = ProgressRecorder(store: ProgressStore(url: url))
        var second = ProgressRecorder(store: ProgressStore(url: url))
        try first.record(answer("l/q", right: true), now: start)
        try second.record(answer("l/q", right: false, at: 60), now: start)
        try first.record(answer("l/other", right: true, at: 120), now: start)
        let progress = try stored(url)
        let record = try #require(progress.questions["l/q"])
        #expect(record.seen == 2)
        #expect(record.firstTryRight == 1)
        #expect(record.box == 1, "the miss, saved last, sends it back to box 1")
        #expect(record.last == start.addingTimeInterval(60))
        #expect(progress.questions["l/other"]?.seen == 1, "the first session did not overwrite the second's answer")
    }

    @Test("Eight threads saving 25 answers each at once keep all 200, each in its own open file description")
    func threads() throws {
        let url = try makeScratchFolder("gradus-progress-fault").appendingPathComponent("progress.json")
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 8) { thread in
            var recorder = ProgressRecorder(store: ProgressStore(url: url))
            for index in 0..<25 {
                // Every fifth answer goes to one question that all threads share.
                let id = index % 5 == 0 ? "l/shared" : "l/t\(thread)-\(index)"
                do { try recorder.record(answer(id, right: true, at: Double(index)), now: start) } catch {
                    failures.add("\(error)")
                }
            }
        }
        #expect(failures.all.isEmpty)
        let progress = try stored(url)
        #expect(progress.questions.count == 8 * 20 + 1)
        #expect(progress.questions["l/shared"]?.seen == 8 * 5)
        #expect(progress.questions.values.map(\.seen).reduce(0, +) == 200)
    }

    @Test("Corrupt files found in the same second are kept under new names; no backup is overwritten")
    func corruptBackups() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let url = folder.appendingPathComponent("progress.json")
        let store = ProgressStore(url: url)
        let base = folder.appendingPathComponent("progress.json.corrupt-20270115T080000Z").path
        try Data("first".utf8).write(to: url)
        #expect(try store.load(now: start).warning
                == "\(url.path) could not be read; it was kept as \(base) and progress starts afresh")
        try Data("second".utf8).write(to: url)
        #expect(try store.load(now: start).warning
                == "\(url.path) could not be read; it was kept as \(base)-2 and progress starts afresh")
        // A name taken by something else is skipped too.
        try Data("not ours".utf8).write(to: URL(fileURLWithPath: base + "-3"))
        try Data("third".utf8).write(to: url)
        #expect(try store.load(now: start).warning
                == "\(url.path) could not be read; it was kept as \(base)-4 and progress starts afresh")
        #expect(try String(contentsOfFile: base, encoding: .utf8) == "first")
        #expect(try String(contentsOfFile: base + "-2", encoding: .utf8) == "second")
        #expect(try String(contentsOfFile: base + "-3", encoding: .utf8) == "not ours")
        #expect(try String(contentsOfFile: base + "-4", encoding: .utf8) == "third")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("A file corrupted by someone else during a session is kept aside at the next save, which keeps the answer")
    func corruptMidSession() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let url = folder.appendingPathComponent("progress.json")
        var recorder = ProgressRecorder(store: ProgressStore(url: url))
        try recorder.record(answer("l/a", right: true), now: start)
        try Data("{\"format\": \"gradus-progress\", \"version\": 1, \"questions\": {".utf8).write(to: url)
        let warning = try recorder.record(answer("l/b", right: true), now: start)
        #expect(warning?.hasSuffix("it was kept as \(url.path).corrupt-20270115T080000Z and progress starts afresh") == true)
        #expect(Set(try stored(url).questions.keys) == ["l/b"])
    }

    @Test("A newer file found at a save is left untouched; the answers stay pending and go with the next save")
    func newerMidSession() throws {
        let url = try makeScratchFolder("gradus-progress-fault").appendingPathComponent("progress.json")
        var recorder = ProgressRecorder(store: ProgressStore(url: url))
        let newer = Data("{\"format\": \"gradus-progress\", \"version\": 2, \"questions\": {}}".utf8)
        try newer.write(to: url)
        #expect(throws: ProgressStore.Failure.newerVersion(path: url.path, version: 2)) {
            try recorder.record(answer("l/a", right: true), now: start)
        }
        #expect(try Data(contentsOf: url) == newer)
        #expect(recorder.pending.map(\.questionID) == ["l/a"])
        try FileManager.default.removeItem(at: url)
        try recorder.record(answer("l/b", right: false), now: start)
        #expect(Set(try stored(url).questions.keys) == ["l/a", "l/b"])
        #expect(recorder.pending.isEmpty)
    }

    @Test("A save removes the temporaries killed writers left of this file, and nothing else")
    func staleTemporaries() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let url = folder.appendingPathComponent("progress.json")
        let stale = [".progress.json.123.tmp", ".progress.json.123.9f3a0c.tmp"]
        let kept = [".progress.jsonl.1.tmp", "progress.json.1.tmp", ".progress.json.tmp", ".progress.json.notes"]
        for name in stale + kept { try Data("{".utf8).write(to: folder.appendingPathComponent(name)) }
        var recorder = ProgressRecorder(store: ProgressStore(url: url))
        try recorder.record(answer("l/a", right: true), now: start)
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        #expect(names == Set(kept + ["progress.json", ".progress.json.lock"]))
    }

    @Test("A symlinked progress file is written through to its target; the link stays a link, the lock sits beside the target")
    func symlink() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let data = folder.appendingPathComponent("data")
        let links = folder.appendingPathComponent("links")
        try FileManager.default.createDirectory(at: data, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: links, withIntermediateDirectories: true)
        let target = data.appendingPathComponent("real.json")
        let inner = links.appendingPathComponent("inner.json")
        let outer = links.appendingPathComponent("progress.json")
        try FileManager.default.createSymbolicLink(atPath: inner.path, withDestinationPath: "../data/real.json")
        try FileManager.default.createSymbolicLink(atPath: outer.path, withDestinationPath: "inner.json")
        var recorder = ProgressRecorder(store: ProgressStore(url: outer))
        try recorder.record(answer("l/a", right: true), now: start)
        try recorder.record(answer("l/b", right: true), now: start)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: outer.path) == "inner.json")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: inner.path) == "../data/real.json")
        #expect(Set(try stored(target).questions.keys) == ["l/a", "l/b"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: data.path)) == ["real.json", ".real.json.lock"])
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: links.path)) == ["inner.json", "progress.json"])
        try ProgressStore(url: outer).reset()
        #expect(!FileManager.default.fileExists(atPath: target.path), "reset deletes the progress")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: outer.path) == "inner.json", "and keeps the link")
    }

    @Test("A link to a file not yet written creates the target on the first save")
    func danglingSymlink() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let link = folder.appendingPathComponent("progress.json")
        let target = folder.appendingPathComponent("synced/progress.json")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
        var recorder = ProgressRecorder(store: ProgressStore(url: link))
        try recorder.record(answer("l/a", right: true), now: start)
        #expect(try stored(target).questions["l/a"]?.seen == 1)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
    }

    @Test("A lock held longer than the wait fails with a typed error naming it; the answer waits and is saved later")
    func lockTimeout() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let url = folder.appendingPathComponent("progress.json")
        let lock = folder.appendingPathComponent(".progress.json.lock").path
        let holder = open(lock, O_RDWR | O_CREAT, 0o600)
        try #require(holder >= 0 && flock(holder, LOCK_EX) == 0)
        var recorder = ProgressRecorder(store: ProgressStore(url: url, lockTimeout: 0.2))
        let started = Date()
        #expect(throws: ProgressStore.Failure.locked(path: url.path, lock: lock, seconds: 0.2)) {
            try recorder.record(answer("l/a", right: true), now: start)
        }
        #expect(Date().timeIntervalSince(started) >= 0.2)
        #expect(!FileManager.default.fileExists(atPath: url.path))
        close(holder)
        try recorder.record(answer("l/b", right: true), now: start)
        #expect(Set(try stored(url).questions.keys) == ["l/a", "l/b"])
        #expect(ProgressStore.Failure.locked(path: "p.json", lock: ".p.json.lock", seconds: 10).description
                == "p.json is busy: another process has held .p.json.lock for more than 10 s "
                + "(if no gradus is running, that process is stuck; end it and try again)")
    }

    @Test("A progress path that exists but cannot be read is refused, never overwritten")
    func unreadable() throws {
        let folder = try makeScratchFolder("gradus-progress-fault")
        let url = folder.appendingPathComponent("progress.json")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        #expect(throws: ProgressStore.Failure.unreadable(path: url.path, message: "Is a directory")) {
            try ProgressStore(url: url).load(now: start)
        }
        var recorder = ProgressRecorder(store: ProgressStore(url: url))
        #expect(throws: ProgressStore.Failure.unreadable(path: url.path, message: "Is a directory")) {
            try recorder.record(answer("l/a", right: true), now: start)
        }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) && isFolder.boolValue)
    }
}

/// Errors collected from several threads.
private final class Failures: @unchecked Sendable {
    private let lock = NSLock()
    private var list: [String] = []
    func add(_ text: String) { lock.lock(); list.append(text); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return list }
}
