import Testing
@testable import GradusContent
import GradusTestSupport
