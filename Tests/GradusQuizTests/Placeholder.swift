import Testing
@testable import GradusQuiz
import GradusTestSupport
