import Glibc

/// The bounds that keep slow, silent or numerous clients from taking the preview server down.
struct ServerLimits: Sendable {
    /// Connections held at once, event streams included. At the limit, a new connection makes the one that has
    /// waited longest for its client (idle, dripping a head, not reading its answer) close.
    var connections: Int
    /// Event streams held at once, at most half the connections so that page requests always find room; beyond it
    /// a new stream gets 503.
    var subscribers: Int
    /// Seconds for a whole request head and its body to arrive, counted from when the server starts waiting for
    /// it (the connection's start, or the end of the previous response): a total, however the bytes trickle in.
    var requestSeconds: Double = 10
    /// Seconds without progress after which a client that does not read its response is dropped.
    var writeSeconds: Double = 10
    /// Seconds to wait for the client to close after a final response, so that unread input does not make the
    /// kernel reset the connection before the client has read the answer.
    var lingerSeconds: Double = 2
    var maxHeadBytes = 64 << 10
    var maxBodyBytes = 64 << 10
    /// Bytes an event stream may have waiting for a client that does not read before it is dropped.
    var maxPendingEventBytes = 256 << 10
    /// Seconds between comments on event streams.
    var keepAliveSeconds: Double = 15
    /// Seconds to stop accepting after the process ran out of descriptors (or accept failed otherwise).
    var backoffSeconds: Double = 0.1

    init(connections: Int, subscribers: Int? = nil) {
        self.connections = max(connections, 2)
        self.subscribers = min(subscribers ?? self.connections / 2, self.connections / 2)
    }

    /// The limits for a process allowed `descriptors` open files (RLIMIT_NOFILE): connections leave an eighth of
    /// them, at least 32, to the files being served, the rebuild and the runtime.
    static func forDescriptors(_ descriptors: Int = ServerLimits.descriptorLimit()) -> ServerLimits {
        ServerLimits(connections: min(max(descriptors - max(32, descriptors / 8), 8), 8192))
    }

    /// The process's soft limit on open files.
    static func descriptorLimit() -> Int {
        var limit = rlimit()
        guard getrlimit(__rlimit_resource_t(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 1024 }
        return Int(clamping: min(limit.rlim_cur, 1 << 20))
    }
}
