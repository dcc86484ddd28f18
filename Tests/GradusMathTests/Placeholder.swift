import Testing
@testable import GradusMath
import GradusTestSupport
