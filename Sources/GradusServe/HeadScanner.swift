/// Finds where a request head ends in bytes that arrive in pieces. It resumes where it stopped, so a client that
/// sends one byte at a time costs linear time, not quadratic.
struct HeadScanner {
    private var position = 0
    private var lineStart = 0

    /// The index just past the empty line that ends the head in `bytes`, or nil while the head is incomplete.
    /// A line ends with LF or CRLF (RFC 9112 §2.2). Empty lines before the request line are removed from `bytes`
    /// first (§2.2: a server should ignore at least one), as some clients send CRLF after a body.
    mutating func scan(_ bytes: inout [UInt8]) -> Int? {
        if position == 0 {
            let blank = bytes.prefix { $0 == 13 || $0 == 10 }.count
            if blank > 0 { bytes.removeFirst(blank) }
        }
        while position < bytes.count {
            let index = position
            position += 1
            guard bytes[index] == 10 else { continue }
            let length = index - lineStart - (index > lineStart && bytes[index - 1] == 13 ? 1 : 0)
            if length == 0 {
                self = HeadScanner()
                return index + 1
            }
            lineStart = index + 1
        }
        return nil
    }
}
