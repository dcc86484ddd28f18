/// An HTTP response to write: status, headers in order, body.
struct HTTPResponse {
    var status: Int
    var headers: [(String, String)] = []
    var body: [UInt8] = []

    static let reasons = [200: "OK", 301: "Moved Permanently", 304: "Not Modified", 400: "Bad Request",
                          403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed", 408: "Request Timeout",
                          411: "Length Required", 413: "Content Too Large", 431: "Request Header Fields Too Large",
                          500: "Internal Server Error", 503: "Service Unavailable"]

    /// A short plain-text answer, such as an error.
    static func text(_ status: Int, _ message: String, headers: [(String, String)] = []) -> HTTPResponse {
        HTTPResponse(status: status, headers: headers + [("Content-Type", "text/plain; charset=utf-8")],
                     body: Array((message + "\n").utf8))
    }

    /// The bytes on the wire; for HEAD, the head only (with the body's length).
    func serialized(includeBody: Bool, keepAlive: Bool) -> [UInt8] {
        var head = "HTTP/1.1 \(status) \(Self.reasons[status] ?? "Status")\r\n"
        for (name, value) in headers { head += "\(name): \(value)\r\n" }
        head += "Content-Length: \(body.count)\r\n"
        head += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n\r\n"
        return Array(head.utf8) + (includeBody ? body : [])
    }
}
