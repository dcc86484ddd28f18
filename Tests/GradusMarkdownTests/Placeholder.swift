import Testing
@testable import GradusMarkdown
import GradusTestSupport
