/// A value of the YAML subset Gradus reads: a scalar or a list of scalars.
public enum FrontMatterValue: Hashable, Sendable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([FrontMatterValue])

    public var string: String? {
        switch self {
        case .string(let s): return s
        case .number(let n): return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): return b ? "true" : "false"
        case .list: return nil
        }
    }

    public var list: [FrontMatterValue]? {
        if case .list(let items) = self { return items }
        return nil
    }
}

/// One `key: value` line of front matter, with where it stands.
public struct FrontMatterEntry: Hashable, Sendable {
    public var key: String
    public var value: FrontMatterValue
    public var location: SourceLocation
}

/// A parsed front matter block (or YAML-subset file): entries in file order.
public struct FrontMatter: Hashable, Sendable {
    public var entries: [FrontMatterEntry]

    public subscript(key: String) -> FrontMatterValue? { entries.first { $0.key == key }?.value }

    public func location(of key: String) -> SourceLocation? { entries.first { $0.key == key }?.location }
}
