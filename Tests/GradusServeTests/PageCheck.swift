import Foundation
@testable import GradusServe

/// Fetches every file of a built site from 127.0.0.1, each on a fresh connection, and compares it byte for byte
/// with the file on disk (HTML pages with the live-reload script added, as the server adds it).
enum PageCheck {
    struct Result: CustomStringConvertible {
        var pages = 0
        /// Pages that were not answered 200 with exactly the file's bytes.
        var wrong: [String] = []
        var worst = 0.0
        var worstPage = ""

        var description: String {
            "\(pages) pages checked, \(wrong.count) wrong, worst \(String(format: "%.1f", worst * 1000)) ms (\(worstPage))"
        }
    }

    static func run(port: UInt16, site: URL) -> Result {
        var result = Result()
        let root = site.standardizedFileURL.path
        let walker = FileManager.default.enumerator(atPath: root)
        var paths: [String] = []
        while let path = walker?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder), !isFolder.boolValue,
                  !path.split(separator: "/").contains(where: { $0.hasPrefix(".gradus-") }) else { continue }
            paths.append(path)
        }
        for path in paths.sorted() {
            guard let file = FileManager.default.contents(atPath: root + "/" + path) else { continue }
            var expected = Array(file)
            if SiteFolder.contentType(of: path).hasPrefix("text/html") { expected = LiveReload.inject(expected) }
            let target = "/" + (path.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? path)
            let started = Date()
            let (status, body) = fetch(port: port, target: target)
            let seconds = Date().timeIntervalSince(started)
            result.pages += 1
            if seconds > result.worst { (result.worst, result.worstPage) = (seconds, target) }
            if status != 200 || body != expected { result.wrong.append("\(target): \(status), \(body.count) of \(expected.count) bytes") }
        }
        return result
    }

    /// One GET with `Connection: close`: the status and the body's bytes.
    static func fetch(port: UInt16, target: String) -> (status: Int, body: [UInt8]) {
        let fd = RawHTTP.connect(port: port, timeout: 2)
        defer { close(fd) }
        RawHTTP.write(fd, "GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65_536)
        while data.count < 64 << 20 {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += chunk[0..<n]
        }
        guard let split = data.firstRange(of: Array("\r\n\r\n".utf8)) else { return (0, []) }
        let statusLine = String(decoding: data[..<split.lowerBound], as: UTF8.self).split(separator: " ")
        return (statusLine.count > 1 ? Int(statusLine[1]) ?? 0 : 0, Array(data[split.upperBound...]))
    }
}
