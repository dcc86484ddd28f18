import Foundation
import Testing
@testable import GradusQuiz

@Suite("Progress store and review schedule")
struct ProgressStoreTests {
    let day: TimeInterval = 86_400
    let start = Date(timeIntervalSince1970: 1_800_000_000)

    func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gradus-progress-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test("Progress written is read back the same, versioned, and only the lock file is left beside it")
    func roundTrip() throws {
        let folder = try temporaryFolder()
        let store = ProgressStore(url: folder.appendingPathComponent("sub/progress.json"))
        var progress = ProgressFile()
        progress.questions["l/q1"] = Leitner.update(nil, lesson: "l", firstTry: true, now: start)
        try store.save(progress)
        let (read, warning) = try store.load(now: start)
        #expect(warning == nil)
        #expect(read == progress)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("sub").path) .sorted() == [".progress.json.lock", "progress.json"])
        let json = try #require(String(data: Data(contentsOf: store.url), encoding: .utf8))
        #expect(json.contains("\"version\" : 1"))
        #expect(json.contains("\"due\" : \"2027-01-16T08:00:00Z\""), "box 2: one day after 2027-01-15T08:00:00Z")
    }

    @Test("A corrupt file is kept aside with a warning, never overwritten silently")
    func corrupt() throws {
        let folder = try temporaryFolder()
        let url = folder.appendingPathComponent("progress.json")
        try Data("{\"version\": 1, \"questions\": {".utf8).write(to: url)
        let (progress, warning) = try ProgressStore(url: url).load(now: start)
        #expect(progress.questions.isEmpty)
        let kept = folder.appendingPathComponent("progress.json.corrupt-20270115T080000Z")
        #expect(warning == "\(url.path) could not be read; it was kept as \(kept.path) and progress starts afresh")
        #expect(try String(contentsOf: kept, encoding: .utf8) == "{\"version\": 1, \"questions\": {")
        #expect(!FileManager.default.fileExists(atPath: url.path))
    }

    @Test("Numbers no quiz writes (a box outside 1…6, negative or absurd counts) set the file aside like a corrupt one; the next answer is saved")
    func outOfRange() throws {
        let records = [#""box":-2,"seen":1,"first_try_right":1"#, #""box":9223372036854775807,"seen":1,"first_try_right":1"#,
                       #""box":2,"seen":9223372036854775807,"first_try_right":1"#, #""box":2,"seen":1,"first_try_right":2"#,
                       #""box":2,"seen":-1,"first_try_right":0"#]
        for record in records {
            let folder = try temporaryFolder()
            let url = folder.appendingPathComponent("progress.json")
            let text = #"{"format":"gradus-progress","version":1,"questions":{"l/q":{"lesson":"l","#
                + record + #","due":"2026-11-24T10:17:49Z","last":"2026-11-23T10:17:49Z"}}}"#
            try Data(text.utf8).write(to: url)
            let store = ProgressStore(url: url)
            let (progress, warning) = try store.load(now: start)
            #expect(progress.questions.isEmpty, "\(record)")
            #expect(warning?.hasSuffix("progress starts afresh") == true, "\(record)")
            var next = progress
            next.questions["l/q"] = Leitner.update(progress.questions["l/q"], lesson: "l", firstTry: true, now: start)
            try store.save(next)
            #expect(try store.load(now: start).0.questions["l/q"]?.box == 2)
        }
    }

    @Test("A file from a newer Gradus is refused and left untouched")
    func newer() throws {
        let url = try temporaryFolder().appendingPathComponent("progress.json")
        try Data("{\"format\": \"gradus-progress\", \"version\": 2, \"questions\": {}}".utf8).write(to: url)
        #expect(throws: ProgressStore.Failure.newerVersion(path: url.path, version: 2)) {
            try ProgressStore(url: url).load(now: start)
        }
        #expect(FileManager.default.fileExists(atPath: url.path))
    }

    @Test("Leitner: right first tries climb 1→2→3→4→5 with 1, 3, 7, 16 days; the fifth graduates; a miss drops to box 1")
    func schedule() {
        var record = Leitner.update(nil, lesson: "l", firstTry: false, now: start)
        #expect(record.box == 1 && record.due == start)
        var now = start
        for (box, days) in [(2, 1.0), (3, 3), (4, 7), (5, 16)] {
            record = Leitner.update(record, lesson: "l", firstTry: true, now: now)
            #expect(record.box == box)
            #expect(record.due == now.addingTimeInterval(days * day))
            now = record.due!
        }
        let graduated = Leitner.update(record, lesson: "l", firstTry: true, now: now)
        #expect(graduated.box == Leitner.graduated && graduated.due == nil)
        let missed = Leitner.update(record, lesson: "l", firstTry: false, now: now)
        #expect(missed.box == 1 && missed.due == now && missed.seen == 6 && missed.firstTryRight == 4)
    }

    @Test("A review asks due questions first (earliest first), then unseen ones; not-yet-due and graduated wait")
    func reviewOrder() {
        var progress = ProgressFile()
        progress.questions["late"] = Leitner.update(nil, lesson: "l", firstTry: false, now: start.addingTimeInterval(3600))
        progress.questions["early"] = Leitner.update(nil, lesson: "l", firstTry: false, now: start)
        progress.questions["future"] = Leitner.update(nil, lesson: "l", firstTry: true, now: start)
        var graduated = Leitner.update(nil, lesson: "l", firstTry: true, now: start)
        graduated.box = Leitner.lastBox
        progress.questions["done"] = Leitner.update(graduated, lesson: "l", firstTry: true, now: start)
        let order = Leitner.reviewOrder(["new", "late", "future", "done", "early"], progress: progress,
                                        now: start.addingTimeInterval(7200))
        #expect(order == ["early", "late", "new"])
        let dayLater = Leitner.reviewOrder(["new", "late", "future", "done", "early"], progress: progress,
                                           now: start.addingTimeInterval(day))
        #expect(dayLater == ["early", "late", "future", "new"])
    }
}
