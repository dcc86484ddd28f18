import Testing
@testable import GradusCLI
import GradusTestSupport
