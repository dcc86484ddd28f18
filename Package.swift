// swift-tools-version:6.0
import Foundation
import PackageDescription

// One target per module (docs/architecture.md), no package dependencies: Gradus uses the toolchain alone.
let modules: [(name: String, dependencies: [String])] = [
    ("GradusMarkdown", []),
    ("GradusMath", []),
    ("GradusEngine", []),
    ("GradusSimulation", ["GradusEngine"]),
    ("GradusQuiz", ["GradusMath"]),
    ("GradusContent", ["GradusMarkdown", "GradusMath", "GradusQuiz", "GradusSimulation"]),
    ("GradusRender", ["GradusContent", "GradusSimulation", "GradusQuiz", "GradusMarkdown", "GradusMath"]),
    ("GradusServe", ["GradusContent", "GradusRender"]),
    ("GradusCLI", ["GradusMarkdown", "GradusMath", "GradusEngine", "GradusSimulation", "GradusQuiz",
                   "GradusContent", "GradusRender", "GradusServe"]),
]

/// The numeric modules are optimised in debug builds too: the tests and `swift run` build the real course, whose
/// simulations run 50–100× slower unoptimised.
let optimizedInDebug: Set<String> = ["GradusEngine", "GradusSimulation"]

let package = Package(
    name: "Gradus",
    products: [.executable(name: "gradus", targets: ["gradus"])],
    targets: modules.map { module in
        .target(name: module.name, dependencies: module.dependencies.map { .target(name: $0) },
                swiftSettings: optimizedInDebug.contains(module.name) ? [.unsafeFlags(["-O"], .when(configuration: .debug))] : [])
    } + modules.map { module in
        .testTarget(name: "\(module.name)Tests",
                    dependencies: [.target(name: module.name), "GradusTestSupport"],
                    exclude: testData(of: "\(module.name)Tests"))
    } + [
        // Helpers shared by the test targets only (golden files, oracles, spec fetching); never in the binary.
        .target(name: "GradusTestSupport", dependencies: ["GradusTestConsole"], path: "Tests/Support"),
        // Chooses the test run's console output before Swift Testing starts (see Tests/Console/console.c).
        .target(name: "GradusTestConsole", path: "Tests/Console"),
        .executableTarget(name: "gradus", dependencies: ["GradusCLI"]),
    ]
)

/// Fixture and golden folders of a test target: read by the tests through their paths, not built.
func testData(of target: String) -> [String] {
    ["Fixtures", "Golden", "Browser"].filter {
        FileManager.default.fileExists(atPath: "\(Context.packageDirectory)/Tests/\(target)/\($0)")
    }
}
