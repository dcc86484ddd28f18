/// The result of a simulation: a titled table of numbers (and a few texts), with the parameters that made it.
public struct Table: Hashable, Sendable {
    public struct Column: Hashable, Sendable, Codable {
        /// A stable machine name (`grad_norm`), used in JSON, CSV and charts.
        public var key: String
        public var label: Localized

        public init(_ key: String, _ label: Localized) {
            self.key = key
            self.label = label
        }
    }

    public enum Cell: Hashable, Sendable {
        case number(Double)
        case text(Localized)
    }

    public var simulation: String
    public var title: Localized
    public var seed: UInt64?
    /// Every parameter with the value used, in the order of the simulation's specs.
    public var parameters: [(key: String, value: ParameterValue)]
    public var columns: [Column]
    public var rows: [[Cell]]

    public init(simulation: String, title: Localized, seed: UInt64?, parameters: [(key: String, value: ParameterValue)],
                columns: [Column], rows: [[Cell]]) {
        self.simulation = simulation
        self.title = title
        self.seed = seed
        self.parameters = parameters
        self.columns = columns
        self.rows = rows
    }

    /// The numbers of column `key`, with nil for text cells.
    public func column(_ key: String) -> [Double?] {
        guard let index = columns.firstIndex(where: { $0.key == key }) else { return [] }
        return rows.map { row in
            if case .number(let value) = row[index] { return value }
            return nil
        }
    }

    public static func == (a: Table, b: Table) -> Bool {
        a.simulation == b.simulation && a.title == b.title && a.seed == b.seed && a.columns == b.columns
            && a.rows == b.rows && a.parameters.map(\.key) == b.parameters.map(\.key)
            && a.parameters.map(\.value) == b.parameters.map(\.value)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(simulation)
        hasher.combine(rows)
    }
}
