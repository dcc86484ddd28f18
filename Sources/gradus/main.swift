import Foundation
import GradusCLI

exit(CLI.run(Array(CommandLine.arguments.dropFirst()), console: .process))
