/// Where a node (block or inline) starts in its source. `line` and `column` are 1-based; `column` counts
/// Unicode scalars (a tab counts as one).
public struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    public var description: String { "\(line):\(column)" }
}

/// A `key: value` parameter line at the top of a directive's body, with where it is.
public struct DirectiveParameter: Hashable, Sendable {
    public var key: String
    public var value: String
    /// The position of the key's first character.
    public var position: SourcePosition

    public init(key: String, value: String, position: SourcePosition) {
        self.key = key
        self.value = value
        self.position = position
    }
}
