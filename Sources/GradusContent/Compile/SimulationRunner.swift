import GradusSimulation

/// Runs each distinct simulation the course uses once (the same table serves every language).
public struct SimulationRunner: Sendable {
    public var registry: Registry

    public init(registry: Registry) { self.registry = registry }

    public func run(_ course: CompiledCourse) -> [SimulationKey: Table] {
        var uses: [SimulationKey: SimulationUse] = [:]
        for lesson in course.lessons {
            for translation in lesson.translations.values {
                for use in translation.simulations.values where uses[use.key] == nil { uses[use.key] = use }
            }
        }
        var tables: [SimulationKey: Table] = [:]
        for key in uses.keys.sorted() {
            let use = uses[key]!
            tables[key] = registry[key.name]!.run(use.parameters, seed: key.seed)
        }
        return tables
    }
}
