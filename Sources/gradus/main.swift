import Foundation
import GradusCLI

// Ctrl-\ quits like Ctrl-C, with the status of a process ended by SIGQUIT (128 + 3), instead of the runtime's
// crash report and core dump; commands that must finish cleanly (a site write, a quiz) install their own handling.
signal(SIGQUIT) { _ in _exit(131) }
exit(CLI.run(Array(CommandLine.arguments.dropFirst()), console: .process))
