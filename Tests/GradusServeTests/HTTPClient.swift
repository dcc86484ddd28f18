import Foundation

/// A raw HTTP client over a socket, so tests can send exactly the bytes they mean (URL libraries would clean up
/// `..` and percent-encodings before sending).
struct RawResponse {
    var status: Int
    var headers: [String: String]
    var body: String
}

enum RawHTTP {
    /// A connected socket whose reads give up after `timeout` seconds without data; `receiveBuffer` (bytes) is set
    /// before connecting, so that the window the peer sees is small from the start.
    static func connect(port: UInt16, timeout: Int = 5, receiveBuffer: Int32? = nil) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if var size = receiveBuffer { setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size)) }
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

    /// Reads until the peer closes, until `until` appears in what was read, or for at most `seconds` in all (an
    /// event stream's keep-alive comments would otherwise outlast any per-read timeout).
    static func read(_ fd: Int32, until marker: String? = nil, seconds: Double = 60) -> String {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
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

extension RawHTTP {
    /// Whether the peer closes the connection within `seconds` (anything it sends first is returned too).
    static func awaitClose(_ fd: Int32, seconds: Double) -> (closed: Bool, received: String) {
        var data: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 8192)
        let end = Date().addingTimeInterval(seconds)
        while Date() < end {
            var watch = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&watch, 1, Int32(max(1, end.timeIntervalSinceNow * 1000))) > 0 else { continue }
            let n = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0 { data += chunk[0..<n]; continue }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { continue }
            return (true, String(decoding: data, as: UTF8.self))
        }
        return (false, String(decoding: data, as: UTF8.self))
    }

    /// The status codes of the responses in `text`, in order (each status line starts a response).
    static func statuses(_ text: String) -> [Int] {
        text.components(separatedBy: "HTTP/1.1 ").dropFirst().compactMap { Int($0.prefix(3)) }
    }
}

/// Waits up to `seconds` for `condition`, checking every 10 ms; true when it came.
func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
    let end = Date().addingTimeInterval(seconds)
    while !condition() {
        if Date() >= end { return false }
        Thread.sleep(forTimeInterval: 0.01)
    }
    return true
}
