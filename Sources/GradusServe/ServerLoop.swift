import Glibc

/// The server's one thread: a poll() over the listener, the wake-up pipe and every connection. A connection costs
/// a descriptor and its buffers, never a thread; every wait has a deadline; and the loop only ends when the server
/// is stopped, whatever accept() or a client does.
final class ServerLoop {
    let listener: Int32
    let control: ServerControl
    let limits: ServerLimits
    let log: @Sendable (String) -> Void
    var connections: [Int32: Connection] = [:]
    var subscribers = 0
    /// Accepting resumes at this time after accept() failed (out of descriptors).
    var acceptPausedUntil = 0.0
    var lastAcceptWarning = -Double.infinity
    var nextKeepAlive = 0.0
    /// Where the next turn's window starts when there are more connections than poll() may watch at once.
    var rotation = 0
    var buffer = [UInt8](repeating: 0, count: 16 << 10)

    init(listener: Int32, control: ServerControl, limits: ServerLimits, log: @escaping @Sendable (String) -> Void) {
        self.listener = listener
        self.control = control
        self.limits = limits
        self.log = log
    }

    /// Serves until the control says stop, then closes every connection and the listener.
    func run() {
        nextKeepAlive = MonotonicClock.now() + limits.keepAliveSeconds
        while control.running { turn() }
        for connection in connections.values { close(connection.fd) }
        connections = [:]
        close(listener)
    }

    /// One wait for readiness, and the work it brings.
    private func turn() {
        let now = MonotonicClock.now()
        let accepting = now >= acceptPausedUntil
        let (watched, partial) = window()
        var fds = [pollfd(fd: control.wakeReader, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: accepting ? listener : -1, events: Int16(POLLIN), revents: 0)]
        fds += watched.map { pollfd(fd: $0.fd, events: $0.interest, revents: 0) }
        let wait = partial ? min(10, timeout(now: now, accepting: accepting)) : timeout(now: now, accepting: accepting)
        if poll(&fds, nfds_t(fds.count), wait) < 0 {
            // EINTR, or ENOMEM when the kernel is short (window() keeps EINVAL away): try again, after a pause in the
            // second case.
            if errno != EINTR { usleep(10_000) }
            return
        }
        if fds[0].revents != 0 { deliver(control.takeEvents()) }
        for (index, connection) in watched.enumerated()
        where fds[index + 2].revents != 0 && connections[connection.fd] === connection {
            service(connection, events: fds[index + 2].revents)
        }
        if fds[1].revents != 0 { acceptPending() }
        let later = MonotonicClock.now()
        expire(now: later)
        if later >= nextKeepAlive {
            nextKeepAlive = later + limits.keepAliveSeconds
            for connection in connections.values where connection.phase == .events {
                connection.queue(EventStream.keepAlive)
                sendEvents(connection)
            }
        }
        control.record(ServerControl.Counts(connections: connections.count, subscribers: subscribers))
    }

    /// The connections to watch this turn: all of them, unless poll() may not take that many (it refuses more
    /// entries than the descriptor limit, which can be lowered below what the server holds while it runs); then
    /// a window that moves on each turn, with short waits, so that every connection is watched in a few turns.
    private func window() -> (connections: [Connection], partial: Bool) {
        let all = Array(connections.values)
        let room = ServerLimits.descriptorLimit() - 2
        guard all.count > room else { return (all, false) }
        let size = max(room, 1)
        rotation = rotation % all.count
        let window = (0..<size).map { all[(rotation + $0) % all.count] }
        rotation += size
        return (window, true)
    }

    /// Milliseconds until the next deadline, at most a second.
    private func timeout(now: Double, accepting: Bool) -> Int32 {
        var until = now + 1
        if !accepting { until = min(until, acceptPausedUntil) }
        if subscribers > 0 { until = min(until, nextKeepAlive) }
        for connection in connections.values { until = min(until, connection.deadline) }
        return Int32(max(0, ((until - now) * 1000).rounded(.up)))
    }

    /// Closes every connection whose wait is over; a client cut off mid-request is told so first.
    private func expire(now: Double) {
        for connection in connections.values where connection.deadline <= now {
            switch connection.phase {
            case .head where !connection.input.isEmpty, .body:
                tell(connection.fd, .text(408, "the request did not arrive within \(Int(limits.requestSeconds)) s"))
            default:
                break
            }
            drop(connection)
        }
    }

    // MARK: - Helpers

    /// Closes the connection and forgets it (once: a connection already dropped is left alone).
    func drop(_ connection: Connection) {
        guard connections[connection.fd] === connection else { return }
        if connection.phase == .events { subscribers -= 1 }
        connections[connection.fd] = nil
        close(connection.fd)
    }

    /// Sends a last answer if the socket takes it at once, without waiting; the caller closes.
    func tell(_ fd: Int32, _ response: HTTPResponse) {
        let bytes = response.serialized(includeBody: true, keepAlive: false)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
    }
}
