import Foundation

/// An HTTP/1.1 request head, as far as a static file server needs it.
struct HTTPRequest: Equatable {
    var method: String
    /// The request target as sent (`/pt/index.html?x=1`).
    var target: String
    var version: String
    /// Header names in lowercase; a field sent more than once has its values joined with ", " (RFC 9110 §5.3).
    var headers: [String: String]

    var keepAlive: Bool {
        let connection = headers["connection"]?.lowercased() ?? ""
        return version == "HTTP/1.1" ? connection != "close" : connection == "keep-alive"
    }

    /// How the body that follows the head is delimited (RFC 9112 §6.3), as far as this server accepts bodies.
    enum Framing: Equatable {
        case none
        /// A body of this many bytes (at most the limit) follows: read and discard it before the next request.
        case length(Int)
        /// A Content-Length over the limit: answer 413 and close.
        case tooLarge
        /// A Transfer-Encoding (chunked or other): answer 411, since a preview server needs no streamed bodies.
        case unsupported
        /// An invalid or contradictory Content-Length, or both framings at once (a smuggling attempt): answer 400.
        case malformed
    }

    /// The body's framing, with bodies over `maxBody` bytes refused.
    func framing(maxBody: Int) -> Framing {
        let length = headers["content-length"]
        if headers["transfer-encoding"] != nil { return length == nil ? .unsupported : .malformed }
        guard let length else { return .none }
        // A repeated field may list the same value several times (RFC 9110 §8.6); any other list is an error.
        let values = Set(length.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) })
        guard values.count == 1, let value = values.first, (1...18).contains(value.utf8.count),
              value.utf8.allSatisfy({ (48...57).contains($0) }), let bytes = Int(value) else { return .malformed }
        if bytes == 0 { return .none }
        return bytes > maxBody ? .tooLarge : .length(bytes)
    }

    /// Parses a request head, with or without its final blank line. Lines end with LF, optionally preceded by CR
    /// (RFC 9112 §2.2); a CR anywhere else, a folded line (§5.2) or whitespace before a field's colon (§5.1) make
    /// the head malformed. Nil when it is not a well-formed request.
    static func parse(_ head: [UInt8]) -> HTTPRequest? {
        var lines = head.split(separator: 10, omittingEmptySubsequences: false).map { $0.last == 13 ? $0.dropLast() : $0 }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let first = lines.first, !lines.contains(where: { $0.contains(13) }) else { return nil }
        let parts = String(decoding: first, as: UTF8.self).split(separator: " ")
        guard parts.count == 3, parts[2].hasPrefix("HTTP/1."), parts[1].hasPrefix("/") || parts[1] == "*" else { return nil }
        var headers: [String: String] = [:]
        for line in lines.dropFirst() {
            guard let colon = line.firstIndex(of: 58), colon > line.startIndex,
                  !isWhitespace(line[line.startIndex]), !isWhitespace(line[colon - 1]) else { return nil }
            let name = String(decoding: line[..<colon], as: UTF8.self).lowercased()
            let value = String(decoding: line[(colon + 1)...].drop(while: isWhitespace).reversed().drop(while: isWhitespace).reversed(),
                               as: UTF8.self)
            headers[name] = headers[name].map { $0 + ", " + value } ?? value
        }
        return HTTPRequest(method: String(parts[0]), target: String(parts[1]), version: String(parts[2]), headers: headers)
    }

    static func parse(_ head: String) -> HTTPRequest? { parse(Array(head.utf8)) }

    private static func isWhitespace(_ byte: UInt8) -> Bool { byte == 32 || byte == 9 }
}
