import Glibc

extension ServerLoop {
    /// Acts on what poll() reported for one connection.
    func service(_ connection: Connection, events: Int16) {
        if events & Int16(POLLERR | POLLNVAL) != 0 {
            drop(connection)
            return
        }
        switch connection.phase {
        case .writing:
            write(connection)
            if connection.phase == .head { advance(connection) }
        case .events:
            // A client that goes makes its stream readable (end of file): the stream is freed at once.
            if events & Int16(POLLIN | POLLHUP) != 0, buffer.withUnsafeMutableBytes({ connection.receive($0) }) == .closed {
                drop(connection)
            } else if events & Int16(POLLOUT) != 0 {
                sendEvents(connection)
            }
        case .lingering:
            if buffer.withUnsafeMutableBytes({ connection.receive($0) }) == .closed { drop(connection) }
        case .head, .body:
            switch buffer.withUnsafeMutableBytes({ connection.receive($0) }) {
            case .closed: drop(connection)
            case .wouldBlock: break
            case .progress: advance(connection)
            }
        }
    }

    /// Handles the complete requests in the connection's input in order (pipelining) until it needs more bytes or
    /// has a response that the socket did not take at once. A body is read and dropped, never taken for a request.
    func advance(_ connection: Connection) {
        while connections[connection.fd] === connection {
            switch connection.phase {
            case .head:
                guard let end = connection.scanner.scan(&connection.input) else {
                    if connection.input.count > limits.maxHeadBytes { finish(connection, .text(431, "request head too large")) }
                    return
                }
                // A head may also arrive whole in a read that ends it past the limit.
                guard end <= limits.maxHeadBytes else {
                    finish(connection, .text(431, "request head too large"))
                    return
                }
                let head = Array(connection.input[..<end])
                connection.input.removeFirst(end)
                guard let request = HTTPRequest.parse(head) else {
                    finish(connection, .text(400, "bad request"))
                    return
                }
                switch request.framing(maxBody: limits.maxBodyBytes) {
                case .none:
                    dispatch(connection, request)
                case .length(let bytes):
                    connection.phase = .body(remaining: bytes, request: request)
                case .tooLarge:
                    finish(connection, .text(413, "request body too large: at most \(limits.maxBodyBytes) bytes"))
                case .unsupported:
                    finish(connection, .text(411, "a request body needs a Content-Length"))
                case .malformed:
                    finish(connection, .text(400, "bad request: invalid Content-Length or Transfer-Encoding"))
                }
            case .body(let remaining, let request):
                let taken = min(remaining, connection.input.count)
                connection.input.removeFirst(taken)
                guard taken == remaining else {
                    connection.phase = .body(remaining: remaining - taken, request: request)
                    return
                }
                dispatch(connection, request)
            case .writing, .lingering, .events:
                return
            }
        }
    }

    /// Tells every open page about a rebuild.
    func deliver(_ events: [String]) {
        guard !events.isEmpty else { return }
        let bytes = Array(events.joined().utf8)
        for connection in connections.values where connection.phase == .events {
            connection.queue(bytes)
            sendEvents(connection)
        }
    }

    func sendEvents(_ connection: Connection) {
        if connection.flush() == .closed || connection.pendingOutput > limits.maxPendingEventBytes { drop(connection) }
    }

    // MARK: - Helpers

    private func dispatch(_ connection: Connection, _ request: HTTPRequest) {
        if request.method == "GET" && request.target == EventStream.path {
            subscribe(connection)
        } else {
            respond(connection, Responder.respond(to: request, folder: control.folder), to: request)
        }
    }

    private func subscribe(_ connection: Connection) {
        guard subscribers < limits.subscribers else {
            finish(connection, .text(503, "too many live-reload streams", headers: [("Retry-After", "5")]))
            return
        }
        subscribers += 1
        connection.phase = .events
        connection.input = []
        connection.deadline = .infinity
        connection.queue(EventStream.head(error: control.error))
        sendEvents(connection)
    }

    /// Answers and closes (after the client has read the answer).
    private func finish(_ connection: Connection, _ response: HTTPResponse) {
        respond(connection, response, to: nil)
    }

    private func respond(_ connection: Connection, _ response: HTTPResponse, to request: HTTPRequest?) {
        let keepAlive = request?.keepAlive ?? false
        connection.queue(response.serialized(includeBody: request?.method != "HEAD", keepAlive: keepAlive))
        connection.phase = .writing(close: !keepAlive)
        connection.deadline = MonotonicClock.now() + limits.writeSeconds
        write(connection)
    }

    /// Sends what the socket takes; once the response is out, the connection lingers to close or waits for the
    /// next request.
    private func write(_ connection: Connection) {
        switch connection.flush() {
        case .closed:
            drop(connection)
        case .wouldBlock:
            break
        case .progress:
            let now = MonotonicClock.now()
            guard connection.pendingOutput == 0 else {
                connection.deadline = now + limits.writeSeconds
                return
            }
            guard case .writing(let close) = connection.phase else { return }
            if close {
                shutdown(connection.fd, Int32(SHUT_WR))
                connection.phase = .lingering
                connection.input = []
                connection.deadline = now + limits.lingerSeconds
            } else {
                connection.phase = .head
                connection.deadline = now + limits.requestSeconds
            }
        }
    }
}
