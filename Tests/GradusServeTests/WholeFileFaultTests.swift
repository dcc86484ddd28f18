import Foundation
import Testing
import GradusTestSupport
@testable import GradusServe

/// The server reads a file whole or not at all: one that changes while it is read is read again, then refused.
@Suite("Whole-file reads")
struct WholeFileFaultTests {
    func file(_ bytes: Int) throws -> String {
        let path = try makeScratchFolder("gradus-whole-file").appendingPathComponent("page.html").path
        try Data(repeating: UInt8(ascii: "a"), count: bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    func append(_ text: String, to path: String) {
        let fd = open(path, O_WRONLY | O_APPEND)
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
        close(fd)
    }

    @Test("A file that grows during the read is read again, and the answer is the new file, whole")
    func grewWhileRead() throws {
        let path = try file(300_000)
        var appended = false
        let result = WholeFile.read(path, chunk: 65_536) { done in
            if !appended && done == 65_536 {
                appended = true
                append("<!-- the end -->", to: path)
            }
        }
        let bytes = try result.get()
        #expect(appended)
        #expect(bytes.count == 300_016)
        #expect(bytes == Array(try Data(contentsOf: URL(fileURLWithPath: path))))
    }

    @Test("A file that never holds still is refused as busy, not sent half-written")
    func neverStill() throws {
        let path = try file(200_000)
        let result = WholeFile.read(path, chunk: 65_536) { _ in append("more", to: path) }
        guard case .failure(.busy(let reason)) = result else {
            Issue.record("expected busy, got \(result)")
            return
        }
        #expect(reason.contains("changing"))
    }

    @Test("A file removed before it is read is missing (the site's 404), not an error")
    func removed() throws {
        let path = try file(10)
        try FileManager.default.removeItem(atPath: path)
        #expect(WholeFile.read(path) == .failure(.missing))
    }
}
