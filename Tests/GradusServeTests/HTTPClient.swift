import Foundation

/// A raw HTTP client over a socket, so tests can send exactly the bytes they mean (URL libraries would clean up
/// `..` and percent-encodings before sending).
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String
}

enum RawHTTP {
    /// A connected socket whose reads give up after `timeout` seconds without data.
    static func connect(port: UInt16, timeout: Int = 5) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        _ = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        var limit = timeval(tv_sec: timeout, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &limit, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func write(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, bytes.count, Int32(MSG_NOSIGNAL)) }
    }

    /// Reads until the peer closes, or until `until` appears in what was read.
    static func read(_ fd: Int32, until marker: String? = nil) -> String {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if n <= 0 { break }
            data += chunk[0..<n]
            if let marker, String(decoding: data, as: UTF8.self).contains(marker) { break }
        }
        return String(decoding: data, as: UTF8.self)
    }

    /// One request with `Connection: close`, parsed.
    static func request(_ port: UInt16, _ method: String = "GET", _ target: String, headers: [String] = []) -> RawResponse {
        let fd = connect(port: port)
        defer { close(fd) }
        write(fd, "\(method) \(target) HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                  + headers.map { $0 + "\r\n" }.joined() + "\r\n")
        return parse(read(fd))
    }

    static func parse(_ text: String) -> RawResponse {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first ?? ""
        let lines = head.components(separatedBy: "\r\n")
        let status = Int(lines.first?.split(separator: " ").dropFirst().first ?? "") ?? 0
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            if let colon = line.firstIndex(of: ":") {
                headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            }
        }
        return RawResponse(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }
}
