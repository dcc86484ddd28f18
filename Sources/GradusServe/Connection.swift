import Glibc

/// One client of the server loop: the bytes it sent that are not handled yet, the bytes still to send it, and
/// what it is waiting for. Owned by the loop's thread.
final class Connection {
    enum Phase: Equatable {
        /// Waiting for a request head: a new connection, or a kept-alive one between requests.
        case head
        /// The head arrived; this many bytes of its body are still to be read and dropped before answering.
        case body(remaining: Int, request: HTTPRequest)
        /// Sending a response; then the connection closes, or waits for the next request.
        case writing(close: Bool)
        /// The last response is sent and the write side shut: reading until the client closes.
        case lingering
        /// A live-reload stream: only event messages are sent, and any input is dropped.
        case events
    }

    enum Transfer { case progress, wouldBlock, closed }

    let fd: Int32
    var phase: Phase = .head
    var input: [UInt8] = []
    var scanner = HeadScanner()
    private(set) var output: [UInt8] = []
    private var sent = 0
    /// When the current wait ends (monotonic seconds); infinity for event streams.
    var deadline: Double

    init(fd: Int32, deadline: Double) {
        self.fd = fd
        self.deadline = deadline
    }

    var pendingOutput: Int { output.count - sent }

    /// What poll() should watch for, given the phase.
    var interest: Int16 {
        switch phase {
        case .head, .body, .lingering: return Int16(POLLIN)
        case .writing: return Int16(POLLOUT)
        case .events: return Int16(POLLIN) | (pendingOutput > 0 ? Int16(POLLOUT) : 0)
        }
    }

    /// One read into `buffer`; the bytes are kept unless the phase ignores input.
    func receive(_ buffer: UnsafeMutableRawBufferPointer) -> Transfer {
        let n = recv(fd, buffer.baseAddress, buffer.count, 0)
        if n == 0 { return .closed }
        if n < 0 { return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR ? .wouldBlock : .closed }
        switch phase {
        case .lingering, .events: break
        default: input.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[..<n]))
        }
        return .progress
    }

    func queue(_ bytes: [UInt8]) {
        if sent == output.count {
            output = bytes
            sent = 0
        } else {
            output += bytes
        }
    }

    /// Sends as much of the queued output as the socket takes now.
    func flush() -> Transfer {
        var progressed = false
        while sent < output.count {
            let n = output.withUnsafeBytes { send(fd, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL)) }
            if n < 0 {
                if errno == EINTR { continue }
                if errno == EAGAIN || errno == EWOULDBLOCK { return progressed ? .progress : .wouldBlock }
                return .closed
            }
            sent += n
            progressed = true
        }
        output = []
        sent = 0
        return .progress
    }
}
