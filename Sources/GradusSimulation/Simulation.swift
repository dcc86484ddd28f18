/// A named experiment: documented parameters with defaults, and a deterministic run that returns a table.
public struct Simulation: Sendable {
    public var name: String
    public var title: Localized
    /// One sentence for `gradus simulate --list`.
    public var summary: String
    public var parameters: [ParameterSpec]
    /// Whether the result depends on the seed (closed-form tables do not).
    public var usesSeed: Bool
    public var compute: @Sendable (Parameters, UInt64) -> [[Table.Cell]]
    public var columns: [Table.Column]

    public init(name: String, title: Localized, summary: String, parameters: [ParameterSpec], usesSeed: Bool,
                columns: [Table.Column], compute: @escaping @Sendable (Parameters, UInt64) -> [[Table.Cell]]) {
        self.name = name
        self.title = title
        self.summary = summary
        self.parameters = parameters
        self.usesSeed = usesSeed
        self.columns = columns
        self.compute = compute
    }

    /// Validates `settings` (key → text) against the specs, filling in defaults, in spec order.
    public func resolve(_ settings: [(key: String, value: String)]) -> Result<Parameters, ParameterError> {
        var values: [(key: String, value: ParameterValue)] = parameters.map { ($0.key, $0.defaultValue) }
        for (key, text) in settings {
            guard let index = parameters.firstIndex(where: { $0.key == key }) else {
                let valid = parameters.isEmpty ? "it takes no parameters" : "valid keys: " + parameters.map(\.key).joined(separator: ", ")
                return .failure(ParameterError("unknown parameter '\(key)' for simulation '\(name)'; \(valid)"))
            }
            switch parameters[index].parse(text) {
            case .success(let value): values[index].value = value
            case .failure(let error): return .failure(error)
            }
        }
        return .success(Parameters(values: values))
    }

    /// Runs the experiment. The same parameters and seed give the same table, bit for bit.
    public func run(_ parameters: Parameters, seed: UInt64) -> Table {
        Table(simulation: name, title: title, seed: usesSeed ? seed : nil, parameters: parameters.values,
              columns: columns, rows: compute(parameters, seed))
    }
}
