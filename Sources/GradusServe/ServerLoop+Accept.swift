import Glibc

extension ServerLoop {
    /// Accepts what waits in the listen queue, a bounded batch per turn so that open connections are not starved.
    /// At the connection limit the longest-waiting connection makes room; with none to close, the new one gets 503.
    func acceptPending() {
        for _ in 0..<128 {
            let fd = accept(listener, nil, nil)
            guard fd >= 0 else {
                switch errno {
                case EAGAIN, EWOULDBLOCK: return
                case EINTR, ECONNABORTED, EPROTO: continue
                default:
                    pauseAccepting(errno)
                    return
                }
            }
            Listener.configure(fd)
            if connections.count >= limits.connections && !makeRoom() {
                tell(fd, .text(503, "too many connections", headers: [("Retry-After", "1")]))
                close(fd)
                continue
            }
            connections[fd] = Connection(fd: fd, deadline: MonotonicClock.now() + limits.requestSeconds)
        }
    }

    /// Out of descriptors (EMFILE, ENFILE) or kernel memory: new connections wait in the listen queue while
    /// accepting pauses briefly, and open ones finish or time out meanwhile, which frees descriptors. The loop
    /// goes on; a warning says so, at most every 10 s.
    private func pauseAccepting(_ code: Int32) {
        let now = MonotonicClock.now()
        acceptPausedUntil = now + limits.backoffSeconds
        guard now - lastAcceptWarning >= 10 else { return }
        lastAcceptWarning = now
        log("gradus: warning: cannot accept connections: \(String(cString: strerror(code))) "
            + "(open files allowed: \(ServerLimits.descriptorLimit())); retrying\n")
    }

    /// Closes the connection that will time out first (one waiting for a slow, idle or silent client); event streams
    /// are kept. False when there is none to close.
    private func makeRoom() -> Bool {
        var oldest: Connection?
        for connection in connections.values where connection.phase != .events {
            if connection.deadline < oldest?.deadline ?? .infinity { oldest = connection }
        }
        guard let oldest else { return false }
        switch oldest.phase {
        case .head where !oldest.input.isEmpty, .body:
            tell(oldest.fd, .text(503, "too many connections", headers: [("Retry-After", "1")]))
        default:
            break
        }
        drop(oldest)
        return true
    }
}
