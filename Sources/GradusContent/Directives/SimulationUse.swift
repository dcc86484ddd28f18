import GradusSimulation

/// What a `::: simulation NAME` directive asks for: a simulation, its parameters and seed, and a caption.
public struct SimulationUse: Sendable {
    public var key: SimulationKey
    /// The validated parameters, defaults filled in.
    public var parameters: Parameters
    public var caption: String
    public var chart: ChartSpec
    public var location: SourceLocation
}

/// Identifies one run: the same key gives the same table, so each distinct key runs once per build.
public struct SimulationKey: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var name: String
    /// Every parameter with its value (defaults filled in), in the simulation's order.
    public var parameters: [String]
    public var seed: UInt64

    public init(name: String, parameters: Parameters, seed: UInt64) {
        self.name = name
        self.parameters = parameters.values.map { "\($0.key)=\($0.value)" }
        self.seed = seed
    }

    public var description: String { ([name] + parameters + ["seed=\(seed)"]).joined(separator: " ") }

    public static func < (a: SimulationKey, b: SimulationKey) -> Bool { a.description < b.description }
}
