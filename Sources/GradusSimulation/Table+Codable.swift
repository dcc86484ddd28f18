/// Tables are stored in the build cache (`.gradus-cache/`) as JSON: every field, every language, exact numbers.

extension Table.Cell: Codable {
    private enum CodingKeys: String, CodingKey { case number, text }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let number = try container.decodeIfPresent(Double.self, forKey: .number) {
            self = .number(number)
        } else {
            self = .text(try container.decode(Localized.self, forKey: .text))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .number(let x): try container.encode(x, forKey: .number)
        case .text(let t): try container.encode(t, forKey: .text)
        }
    }
}

extension ParameterValue: Codable {
    private enum CodingKeys: String, CodingKey { case integer, real, choice, flag }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        if let n = try c.decodeIfPresent(Int.self, forKey: .integer) { self = .integer(n) }
        else if let x = try c.decodeIfPresent(Double.self, forKey: .real) { self = .real(x) }
        else if let s = try c.decodeIfPresent(String.self, forKey: .choice) { self = .choice(s) }
        else { self = .flag(try c.decode(Bool.self, forKey: .flag)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .integer(let n): try c.encode(n, forKey: .integer)
        case .real(let x): try c.encode(x, forKey: .real)
        case .choice(let s): try c.encode(s, forKey: .choice)
        case .flag(let b): try c.encode(b, forKey: .flag)
        }
    }
}

extension Table: Codable {
    private enum CodingKeys: String, CodingKey { case simulation, title, seed, parameterKeys, parameterValues, columns, rows }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let keys = try c.decode([String].self, forKey: .parameterKeys)
        let values = try c.decode([ParameterValue].self, forKey: .parameterValues)
        guard keys.count == values.count else {
            throw DecodingError.dataCorruptedError(forKey: .parameterValues, in: c, debugDescription: "keys and values differ in count")
        }
        self.init(simulation: try c.decode(String.self, forKey: .simulation), title: try c.decode(Localized.self, forKey: .title),
                  seed: try c.decodeIfPresent(UInt64.self, forKey: .seed),
                  parameters: Array(zip(keys, values)).map { (key: $0.0, value: $0.1) },
                  columns: try c.decode([Column].self, forKey: .columns), rows: try c.decode([[Cell]].self, forKey: .rows))
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(simulation, forKey: .simulation)
        try c.encode(title, forKey: .title)
        try c.encodeIfPresent(seed, forKey: .seed)
        try c.encode(parameters.map(\.key), forKey: .parameterKeys)
        try c.encode(parameters.map(\.value), forKey: .parameterValues)
        try c.encode(columns, forKey: .columns)
        try c.encode(rows, forKey: .rows)
    }
}
