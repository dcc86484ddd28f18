import Dispatch
import Foundation
import GradusRender
import Synchronization

/// Turns Ctrl-C (SIGINT), Ctrl-\ (SIGQUIT), SIGTERM and SIGHUP into a flag for the length of one piece of work, so that work can
/// stop where it is safe to (the site writer rolls back before its commit point and finishes after it).
enum InterruptFlag {
    static let signals = [SIGINT, SIGQUIT, SIGTERM, SIGHUP]

    /// Runs `work` with a closure that tells whether a signal came; the signals' earlier actions are restored
    /// afterwards. `SiteWriter.Interrupted` thrown by the work becomes `CommandInterrupted` (exit 130).
    static func during<T>(_ work: (@escaping @Sendable () -> Bool) throws -> T) throws -> T {
        let box = FlagBox()
        let previous = signals.map { signal($0, SIG_IGN) }
        let sources = signals.map { number in
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { box.flag.store(true, ordering: .relaxed) }
            source.resume()
            return source
        }
        defer {
            for source in sources { source.cancel() }
            for (number, action) in zip(signals, previous) { signal(number, action) }
        }
        do {
            return try work { box.flag.load(ordering: .relaxed) }
        } catch let interruption as SiteWriter.Interrupted {
            throw CommandInterrupted(message: interruption.description)
        }
    }

    private final class FlagBox: Sendable {
        let flag = Atomic<Bool>(false)
    }
}

/// A command stopped by a signal; the CLI prints the message and exits with 130.
struct CommandInterrupted: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
