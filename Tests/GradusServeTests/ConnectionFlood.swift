import Foundation

/// Many careless or hostile clients of one server on 127.0.0.1 (and only there): `connections` connections opened
/// in `bursts` evenly spread over `seconds`, of three kinds in turn, each held until the end unless the server
/// closes it:
/// - idle: connects and sends nothing;
/// - dripping: sends a request line, then a header line every 2 s, never the empty line that ends the head;
/// - vanishing: opens a live-reload stream, or sends half a request, and closes after 0.3 s.
/// A probe request every second checks that a page is still served meanwhile.
struct ConnectionFlood {
    var port: UInt16
    var connections = 2000
    var seconds = 60.0
    var bursts = 20

    struct Report: CustomStringConvertible {
        var attempted = 0
        var connected = 0
        /// connect() failed, or did not complete within 5 s.
        var failed = 0
        /// Closed by the server before the end (a deadline, or to make room); those answered 503 or 408 first too.
        var closedByServer = 0
        var answered503 = 0
        var answered408 = 0
        /// Connections of the idle and dripping kinds still open when the run ended.
        var heldAtEnd = 0
        /// The longest time, in seconds, that the server kept a dripping client.
        var longestDrip = 0.0
        var probes = 0
        var probeFailures = 0
        var worstProbe = 0.0

        var description: String {
            "\(attempted) connections attempted, \(connected) connected, \(failed) failed to connect, "
                + "\(closedByServer) closed by the server (\(answered503) with 503, \(answered408) with 408), \(heldAtEnd) held at the end; "
                + "longest drip \(String(format: "%.1f", longestDrip)) s; \(probes) probes, \(probeFailures) failed, "
                + "worst \(String(format: "%.1f", worstProbe * 1000)) ms"
        }
    }

    private enum Kind { case idle, dripping, vanishing }

    private final class Client {
        var fd: Int32
        let kind: Kind
        let index: Int
        let opened: Double
        var connectedAt: Double?
        var nextDrip = 0.0
        var drips = 0
        var received: [UInt8] = []

        init(fd: Int32, kind: Kind, index: Int, opened: Double) {
            self.fd = fd
            self.kind = kind
            self.index = index
            self.opened = opened
        }
    }

    /// Runs the flood, then calls `whileHolding` with the connections the server kept still open, then closes them.
    func run(whileHolding: () -> Void = {}) -> Report {
        var report = Report()
        var clients: [Client] = []
        let start = now()
        var opened = 0
        var nextProbe = start + 1
        while now() < start + seconds {
            let burst = min(bursts, Int((now() - start) / (seconds / Double(bursts))) + 1)
            while opened < connections * burst / bursts {
                report.attempted += 1
                if let client = open(opened) { clients.append(client) } else { report.failed += 1 }
                opened += 1
            }
            clients.removeAll { $0.fd < 0 }
            var fds = clients.map { pollfd(fd: $0.fd, events: Int16($0.connectedAt == nil ? POLLOUT : POLLIN), revents: 0) }
            _ = poll(&fds, nfds_t(fds.count), 20)
            let time = now()
            for (client, entry) in zip(clients, fds) {
                if client.connectedAt == nil {
                    if entry.revents != 0 { finishConnecting(client, at: time, &report) }
                    else if time - client.opened > 5 { report.failed += 1; shut(client) }
                    continue
                }
                if entry.revents != 0 { read(client, at: time, &report) }
                guard client.fd >= 0 else { continue }
                if client.kind == .dripping && time >= client.nextDrip {
                    client.drips += 1
                    client.nextDrip = time + 2
                    send(client, "X-Drip-\(client.drips): still here\r\n")
                } else if client.kind == .vanishing && time - client.opened >= 0.3 {
                    shut(client)
                }
            }
            if time >= nextProbe {
                nextProbe = time + 1
                let probeStart = now()
                let probe = RawHTTP.request(port, "GET", "/en/index.html")
                report.probes += 1
                report.worstProbe = max(report.worstProbe, now() - probeStart)
                if probe.status != 200 { report.probeFailures += 1 }
            }
        }
        report.heldAtEnd = clients.filter { $0.fd >= 0 && $0.connectedAt != nil && $0.kind != .vanishing }.count
        whileHolding()
        for client in clients where client.fd >= 0 { shut(client) }
        return report
    }

    // MARK: - Helpers

    private func open(_ index: Int) -> Client? {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = port.bigEndian
        inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 || errno == EINPROGRESS else {
            close(fd)
            return nil
        }
        let kinds: [Kind] = [.idle, .dripping, .vanishing]
        return Client(fd: fd, kind: kinds[index % 3], index: index, opened: now())
    }

    private func finishConnecting(_ client: Client, at time: Double, _ report: inout Report) {
        var failure: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        getsockopt(client.fd, SOL_SOCKET, SO_ERROR, &failure, &length)
        guard failure == 0 else {
            report.failed += 1
            shut(client)
            return
        }
        report.connected += 1
        client.connectedAt = time
        switch client.kind {
        case .idle:
            break
        case .dripping:
            client.nextDrip = time + 2
            send(client, "GET /en/index.html HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        case .vanishing:
            send(client, client.index % 2 == 0 ? "GET /__gradus/events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n" : "GET /en/ind")
        }
    }

    /// Takes what the server sent; when it closed, counts how.
    private func read(_ client: Client, at time: Double, _ report: inout Report) {
        var chunk = [UInt8](repeating: 0, count: 4096)
        while true {
            let n = chunk.withUnsafeMutableBytes { recv(client.fd, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
            if n > 0 {
                if client.received.count < 64 { client.received += chunk[0..<min(n, 64)] }
                continue
            }
            if n < 0 && (errno == EAGAIN || errno == EINTR) { return }
            break
        }
        report.closedByServer += 1
        let status = String(decoding: client.received.prefix(12), as: UTF8.self)
        if status == "HTTP/1.1 503" { report.answered503 += 1 }
        if status == "HTTP/1.1 408" { report.answered408 += 1 }
        if client.kind == .dripping, let connected = client.connectedAt { report.longestDrip = max(report.longestDrip, time - connected) }
        shut(client)
    }

    private func send(_ client: Client, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(client.fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL | MSG_DONTWAIT)) }
    }

    private func shut(_ client: Client) {
        close(client.fd)
        client.fd = -1
    }

    private func now() -> Double { Date().timeIntervalSinceReferenceDate }
}
