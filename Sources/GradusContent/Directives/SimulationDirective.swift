import GradusMarkdown
import GradusSimulation

/// Reads `::: simulation NAME` with `key: value` parameters, an optional `seed:` and `caption:`.
struct SimulationDirective {
    var registry: Registry
    /// The course's seed, used when the directive gives none.
    var seed: UInt64

    func read(_ node: MarkdownNode, at location: SourceLocation, locate: Locator,
              diagnostics: inout [Diagnostic]) -> SimulationUse? {
        let name = (node.directiveArguments ?? "").split(separator: " ").first.map(String.init) ?? ""
        guard !name.isEmpty else {
            diagnostics.append(.error(at: location, "missing simulation name; write '::: simulation NAME', one of: "
                                      + registry.names.joined(separator: ", ")))
            return nil
        }
        guard let simulation = registry[name] else {
            let hint = nearest(name, in: registry.names).map { "did you mean '\($0)'? " } ?? ""
            diagnostics.append(.error(at: location, "unknown simulation '\(name)'; \(hint)valid names: "
                                      + registry.names.joined(separator: ", ")))
            return nil
        }
        var settings: [(key: String, value: String)] = []
        var caption = ""
        var runSeed = seed
        var valid = true
        for parameter in node.directiveParameters {
            let at = locate(parameter.position)
            switch parameter.key {
            case "caption":
                caption = parameter.value
            case "seed":
                if let value = UInt64(parameter.value) { runSeed = value } else {
                    diagnostics.append(.error(at: at, "seed must be a whole number ≥ 0, found '\(parameter.value)'"))
                    valid = false
                }
            default:
                // Check each parameter alone so every bad one is reported with its own line.
                if case .failure(let error) = simulation.resolve([(parameter.key, parameter.value)]) {
                    let keys = simulation.parameters.map(\.key) + ["caption", "seed"]
                    let message = simulation.parameters.contains(where: { $0.key == parameter.key })
                        ? error.description
                        : "unknown parameter '\(parameter.key)' for simulation '\(name)'; "
                            + (nearest(parameter.key, in: keys).map { "did you mean '\($0)'? " } ?? "")
                            + "valid keys: " + keys.joined(separator: ", ")
                    diagnostics.append(.error(at: at, message))
                    valid = false
                } else {
                    settings.append((parameter.key, parameter.value))
                }
            }
        }
        guard valid, case .success(let parameters) = simulation.resolve(settings) else { return nil }
        return SimulationUse(key: SimulationKey(name: name, parameters: parameters, seed: simulation.usesSeed ? runSeed : 0),
                             parameters: parameters, caption: caption, location: location)
    }
}
