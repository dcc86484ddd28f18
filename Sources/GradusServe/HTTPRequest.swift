/// An HTTP/1.1 request head, as far as a static file server needs it.
struct HTTPRequest: Equatable {
    var method: String
    /// The request target as sent (`/pt/index.html?x=1`).
    var target: String
    var version: String
    /// Header names in lowercase.
    var headers: [String: String]

    var keepAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        return version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive"
    }

    /// Parses a request head (up to and without the blank line). Nil when it is not a well-formed request line.
    static func parse(_ head: String) -> HTTPRequest? {
        let lines = head.split(separator: "\r\n", omittingEmptySubsequences: false)
        guard let first = lines.first else { return nil }
        let parts = first.split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") || parts[1] == "*" else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() where !line.isEmpty {
            guard let colon = line.firstIndex(of: ":") else { return nil }
            let name = line[..<colon].lowercased()
            let value = line[line.index(after: colon)...].drop { $0 == " " || $0 == "\t" }
            headers[name] = String(value)
        }
        return HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }
}

/// An HTTP response to write: status, headers in order, body.
struct HTTPResponse {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static let reasons = [200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request",
                          403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 500: "Internal Server Error"]

    /// The bytes on the wire; for HEAD, the head only (with the body's length).
    func serialized(includeBody: Bool, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Status")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + (includeBody ? body : [])
    }
}
