import Foundation

/// A small HTTP/1.1 server for a static site folder, on the toolchain's sockets: GET and HEAD, `index.html` for
/// folders, the site's `404.html`, ETag / If-None-Match, persistent connections, and a Server-Sent Events stream
/// (`/__gradus/events`) for live reload.
///
/// One thread polls every connection (`ServerLoop`), with bounds that keep it answering under faults: a request
/// head must arrive within 10 s in total, connections are capped below the descriptor limit, running out of
/// descriptors pauses accepting instead of ending it, and an event stream is freed as soon as its page goes.
public final class HTTPServer: Sendable {
    /// The port listened on (the one the system picked when 0 was asked for).
    public let port: UInt16
    /// The IPv4 address listened on.
    public let host: String
    private let control: ServerControl
    private let finished = DispatchSemaphore(value: 0)

    /// Why the server could not start: the port is taken (with a free one nearby to suggest), or a socket call failed.
    public enum Failure: Error, CustomStringConvertible {
        case busy(port: UInt16, suggestion: UInt16?)
        case socket(String)

        public var description: String {
            switch self {
            case .busy(let port, let suggestion):
                return "port \(port) is busy" + (suggestion.map { "; try --port \($0)" } ?? "")
            case .socket(let reason): return reason
            }
        }
    }

    /// Binds `host:port` (port 0: any free port) and starts serving in the background. `log` receives warnings
    /// (such as running out of descriptors), one line each.
    public convenience init(folder: URL, host: String = "127.0.0.1", port: UInt16,
                            log: @escaping @Sendable (String) -> Void = { _ in }) throws(Failure) {
        try self.init(folder: folder, host: host, port: port, limits: .forDescriptors(), log: log)
    }

    init(folder: URL, host: String = "127.0.0.1", port: UInt16, limits: ServerLimits,
         log: @escaping @Sendable (String) -> Void = { _ in }) throws(Failure) {
        let control = try ServerControl(folder: SiteFolder(folder))
        let listener = try Listener.open(host: host, port: port)
        self.port = listener.port
        self.host = host
        self.control = control
        let finished = finished
        let thread = Thread {
            ServerLoop(listener: listener.fd, control: control, limits: limits, log: log).run()
            finished.signal()
        }
        thread.stackSize = 1 << 20
        thread.start()
    }

    /// Tells every open page to reload (after a successful rebuild) or to show `error` (after a failed one).
    public func announce(error: String?) {
        control.announce(error: error)
    }

    /// Serves another folder from now on (the server keeps its port and connections).
    public func serve(folder: URL) {
        control.serve(SiteFolder(folder))
    }

    /// Stops serving: closes every connection and the listener, and returns once the port is free (or after 5 s).
    /// Calling it again returns at once.
    public func stop() {
        control.stop()
        if finished.wait(timeout: .now() + 5) == .success { finished.signal() }
    }

    /// What the server holds now (as of its loop's last turn).
    var counts: ServerControl.Counts { control.counts }
}
