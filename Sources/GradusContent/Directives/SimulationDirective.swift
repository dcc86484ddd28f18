import GradusMarkdown
import GradusSimulation

/// Reads `::: simulation NAME` with `key: value` parameters, an optional `seed:` and `caption:`, and the chart's
/// `chart: line|bar|none`, `x: COLUMN`, `series: COLUMN, COLUMN`, `scale: auto|linear|log`.
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
        var chart = ChartSpec()
        let columns = simulation.columns.map(\.key)
        var runSeed = seed
        var valid = true
        for parameter in node.directiveParameters {
            let at = locate(parameter.position)
            switch parameter.key {
            case "caption":
                caption = parameter.value
            case "chart":
                guard let kind = ChartSpec.Kind(rawValue: parameter.value) else {
                    diagnostics.append(.error(at: at, "chart must be one of line, bar, none; found '\(parameter.value)'"))
                    valid = false
                    continue
                }
                chart.kind = kind
            case "scale":
                guard let scale = ChartSpec.Scale(rawValue: parameter.value) else {
                    diagnostics.append(.error(at: at, "scale must be one of auto, linear, log; found '\(parameter.value)'"))
                    valid = false
                    continue
                }
                chart.scale = scale
            case "x", "series":
                let keys = parameter.value.split(separator: ",").map { $0.trimmingSpaces }
                for key in keys where !columns.contains(key) {
                    diagnostics.append(.error(at: at, "unknown column '\(key)' in \(parameter.key); columns of '\(name)': "
                                              + columns.joined(separator: ", ")))
                    valid = false
                }
                if parameter.key == "x" { chart.x = keys.first } else { chart.series = keys }
            case "seed":
                if let value = UInt64(parameter.value) { runSeed = value } else {
                    diagnostics.append(.error(at: at, "seed must be a whole number ≥ 0, found '\(parameter.value)'"))
                    valid = false
                }
            default:
                // Check each parameter alone so every bad one is reported with its own line.
                if case .failure(let error) = simulation.resolve([(parameter.key, parameter.value)]) {
                    let keys = simulation.parameters.map(\.key) + ["caption", "seed", "chart", "x", "series", "scale"]
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
                             parameters: parameters, caption: caption, chart: chart, location: location)
    }
}
