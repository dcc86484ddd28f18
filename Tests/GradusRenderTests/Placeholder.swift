import Testing
@testable import GradusRender
import GradusTestSupport
