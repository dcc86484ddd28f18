import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor in chunks of bounded size, so that a line of any length costs at most
/// `limit` plus one chunk of memory: a line longer than `limit` bytes is read to its end and thrown away, and
/// reported by its length. (`Swift.readLine` keeps the whole line in memory however long it is.)
public final class LineReader: Sendable {
    /// One line of input.
    public enum Line: Equatable, Sendable {
        /// A line without its `\n` (or `\r\n`), decoded as UTF-8 with invalid bytes replaced.
        case text(String)
        /// A line longer than the limit, discarded; `bytes` counts it without its line break.
        case tooLong(bytes: Int)
        /// End of input, or a read error.
        case end
    }

    /// The longest line accepted, in bytes without the line break: 4 kB, as a terminal's line buffer holds.
    public static let defaultLimit = 4_096

    public let limit: Int
    private let fd: Int32
    private let chunkSize: Int
    private let state = Mutex(State())

    private struct State {
        /// Bytes read but not yet returned: at most `limit` + one chunk.
        var buffer: [UInt8] = []
        var ended = false
    }

    public init(fd: Int32, limit: Int = LineReader.defaultLimit, chunkSize: Int = 16_384) {
        self.fd = fd
        self.limit = limit
        self.chunkSize = chunkSize
    }

    /// The next line.
    public func next() -> Line {
        state.withLock { state in
            var discarded: Int? = nil
            while true {
                if let newline = state.buffer.firstIndex(of: UInt8(ascii: "\n")) {
                    var line = Array(state.buffer[..<newline])
                    state.buffer.removeSubrange(...newline)
                    if line.last == UInt8(ascii: "\r") { line.removeLast() }
                    if let dropped = discarded { return .tooLong(bytes: dropped + line.count) }
                    if line.count > limit { return .tooLong(bytes: line.count) }
                    return .text(String(decoding: line, as: UTF8.self))
                }
                if state.buffer.count > limit || discarded != nil {
                    discarded = (discarded ?? 0) + state.buffer.count
                    state.buffer.removeAll(keepingCapacity: true)
                }
                if state.ended {
                    if let dropped = discarded { return .tooLong(bytes: dropped) }
                    guard !state.buffer.isEmpty else { return .end }
                    let line = state.buffer
                    state.buffer.removeAll()
                    return .text(String(decoding: line, as: UTF8.self))
                }
                if !fill(&state) { state.ended = true }
            }
        }
    }

    /// The capacity of the buffer now, in bytes: what the tests of the memory bound look at.
    public var bufferCapacity: Int { state.withLock { $0.buffer.capacity } }

    // MARK: - Helpers

    /// Appends one chunk; false at end of input or on an error.
    private func fill(_ state: inout State) -> Bool {
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if count > 0 {
                state.buffer.append(contentsOf: chunk[0..<count])
                return true
            }
            if count < 0 && errno == EINTR { continue }
            return false
        }
    }
}
