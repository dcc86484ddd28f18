import Foundation

/// A private tmux server (its own socket) running one command in a pane of a fixed size, for end-to-end tests
/// of what a person sees: keys go in with `send-keys`, the screen comes out with `capture-pane`.
public final class TmuxPane: @unchecked Sendable {
    public let tmux: URL
    public let socket: String

    /// Starts `command` (run by `/bin/sh -c`) in a new detached session of `width` × `height` cells.
    public init(tmux: URL, command: String, width: Int = 80, height: Int = 40) throws {
        self.tmux = tmux
        socket = "gradus-test-\(UUID().uuidString.prefix(8))"
        // Foundation's Process does not see the tmux client exit once it has forked the server, so the session
        // starts through system(3), which waits with waitpid; the server gets /dev/null for its streams.
        let quoted = { (text: String) in "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
        let line = ([tmux.path, "-L", socket, "-f", "/dev/null", "new-session", "-d", "-x", "\(width)", "-y", "\(height)",
                     "/bin/sh", "-c", command].map(quoted)).joined(separator: " ") + " </dev/null >/dev/null 2>&1"
        let status = system(line)
        guard status == 0 else { throw TmuxFailure(description: "tmux new-session failed with status \(status)") }
    }

    /// The pane's visible text (`escapes` keeps the colour and bold codes).
    public func screen(escapes: Bool = false) -> String {
        let arguments = ["-L", socket, "capture-pane", "-p", "-J"] + (escapes ? ["-e"] : []) + ["-S", "-200"]
        return (try? runProcess(tmux, arguments).stdoutText) ?? ""
    }

    /// Types `keys` (tmux key names such as `Enter`, `C-c`, `C-d`, or literal text with `literal`).
    public func send(_ keys: String, literal: Bool = false) {
        _ = try? runProcess(tmux, ["-L", socket, "send-keys"] + (literal ? ["-l"] : []) + ["-t", "0", keys])
    }

    /// Waits until the screen contains `text` (up to `timeout` seconds); returns whether it did. The default is
    /// generous: under ThreadSanitizer on a busy machine (Benchmarks/sanitizers.sh) the first prompt once took
    /// more than 10 s to show. A passing wait returns as soon as the text is there.
    @discardableResult
    public func wait(for text: String, timeout: Double = 60) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if screen().contains(text) { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }

    deinit {
        _ = try? runProcess(tmux, ["-L", socket, "kill-server"])
    }
}

public struct TmuxFailure: Error, CustomStringConvertible {
    public var description: String
}
