/// The live-reload stream (Server-Sent Events) as bytes: its response head, and one message per rebuild.
enum EventStream {
    /// Where the page script connects to hear about rebuilds.
    static let path = "/__gradus/events"

    /// A comment line sent to idle streams: browsers ignore it, and a write to a peer that vanished without
    /// closing fails, which frees its connection.
    static let keepAlive = Array(": keep-alive\n\n".utf8)

    /// The response head, then the current build error if there is one.
    static func head(error: String?) -> [UInt8] {
        var text = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n"
        text += "retry: 500\n\n"
        if let error { text += message(error: error) }
        return Array(text.utf8)
    }

    /// `reload` after a good build; `error` with the diagnostics, one `data:` line each, after a failed one.
    static func message(error: String?) -> String {
        guard let error else { return "event: reload\ndata: ok\n\n" }
        return "event: error\ndata: " + error.split(whereSeparator: \.isNewline).joined(separator: "\ndata: ") + "\n\n"
    }
}
