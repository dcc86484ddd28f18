import Testing
@testable import GradusEngine
import GradusTestSupport
