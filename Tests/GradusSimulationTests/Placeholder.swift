import Testing
@testable import GradusSimulation
import GradusTestSupport
