import Glibc
import Synchronization

/// What the server's public methods share with its loop thread: the folder served, the current build error, the
/// events not yet sent, whether to keep running, and the loop's counts. Every change wakes the loop through a pipe,
/// so that it never polls for them.
final class ServerControl: Sendable {
    /// What the loop holds, as of its last turn.
    struct Counts: Equatable, Sendable {
        var connections = 0
        var subscribers = 0
    }

    private struct State {
        var folder: SiteFolder
        var error: String?
        var events: [String] = []
        var running = true
        var counts = Counts()
    }

    private let state: Mutex<State>
    /// The loop polls `wakeReader`; a byte written to `wakeWriter` ends its wait.
    let wakeReader: Int32
    private let wakeWriter: Int32

    init(folder: SiteFolder) throws(HTTPServer.Failure) {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { throw .socket("cannot create a pipe: \(String(cString: strerror(errno)))") }
        for fd in ends {
            _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
        }
        wakeReader = ends[0]
        wakeWriter = ends[1]
        state = Mutex(State(folder: folder))
    }

    deinit {
        close(wakeReader)
        close(wakeWriter)
    }

    var folder: SiteFolder { state.withLock { $0.folder } }
    var error: String? { state.withLock { $0.error } }
    var running: Bool { state.withLock { $0.running } }
    var counts: Counts { state.withLock { $0.counts } }

    func serve(_ folder: SiteFolder) { state.withLock { $0.folder = folder } }

    /// Records the build's outcome and queues the event that tells open pages.
    func announce(error: String?) {
        state.withLock { state in
            state.error = error
            state.events.append(EventStream.message(error: error))
        }
        wake()
    }

    func stop() {
        state.withLock { $0.running = false }
        wake()
    }

    /// The events announced since the last call, oldest first; empties the pipe.
    func takeEvents() -> [String] {
        var sink = [UInt8](repeating: 0, count: 64)
        while sink.withUnsafeMutableBytes({ read(wakeReader, $0.baseAddress, $0.count) }) > 0 {}
        return state.withLock { state in
            defer { state.events = [] }
            return state.events
        }
    }

    func record(_ counts: Counts) {
        state.withLock { if $0.counts != counts { $0.counts = counts } }
    }

    /// A full pipe already wakes the loop, so a failed write needs no retry.
    private func wake() {
        var byte: UInt8 = 1
        _ = write(wakeWriter, &byte, 1)
    }
}
