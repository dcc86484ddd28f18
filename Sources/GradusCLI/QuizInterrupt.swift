import Dispatch
import Foundation

/// Ctrl-C (SIGINT) and Ctrl-\ (SIGQUIT) in a real terminal end the quiz the same way: the summary is printed and
/// the process exits with 130. Both mean "stop now" to a learner, so scripts see one code for a session the
/// learner stopped; Ctrl-\ would otherwise dump core and show the Swift runtime's crash report. The quiz never
/// changes the terminal's mode (it reads in line mode and closes every colour on its line), so there is nothing
/// to restore.
enum QuizInterrupt {
    /// The signals that end a quiz.
    static let signals = [SIGINT, SIGQUIT]

    /// Installs the handlers when standard input and output are terminals of this process (and
    /// `GRADUS_NO_SIGNALS` is unset); `stop` runs on a background queue, prints, and must not return.
    /// Returns the sources to cancel when the quiz ends.
    static func install(console: Console, stop: @escaping @Sendable () -> Never) -> [DispatchSourceSignal] {
        guard console.isTerminal, isatty(STDIN_FILENO) == 1, console.environment["GRADUS_NO_SIGNALS"] == nil else {
            return []
        }
        return signals.map { number in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { stop() }
            source.resume()
            return source
        }
    }
}
