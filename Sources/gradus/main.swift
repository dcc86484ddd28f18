import Foundation
import GradusCLI

print("gradus")
