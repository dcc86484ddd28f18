/// A JSON-like object whose keys keep the order they were inserted in (the order of the JSON text or of the
/// dictionary literal), so that everything rendered from it is deterministic.
///
/// Lookup by key is O(1) on average; iteration yields `(key, value)` pairs in insertion order. Setting an
/// existing key replaces its value in place and keeps its position.
public struct MustacheObject: Equatable, Sendable, Sequence, ExpressibleByDictionaryLiteral {
    /// The keys in insertion order.
    public private(set) var keys: [String] = []
    /// The values, aligned with `keys`.
    public private(set) var values: [MustacheValue] = []
    private var positions: [String: Int] = [:]

    /// An empty object.
    public init() {}

    /// An object with `pairs` in order; a repeated key keeps its first position and its last value.
    public init(_ pairs: some Sequence<(String, MustacheValue)>) {
        for (key, value) in pairs { self[key] = value }
    }

    public init(dictionaryLiteral elements: (String, MustacheValue)...) {
        self.init(elements)
    }

    /// The number of keys.
    public var count: Int { keys.count }

    /// The value for `key`, or nil when the object has no such key. Setting nil removes the key (O(n)).
    public subscript(key: String) -> MustacheValue? {
        get { positions[key].map { values[$0] } }
        set {
            if let position = positions[key] {
                if let newValue {
                    values[position] = newValue
                } else {
                    keys.remove(at: position)
                    values.remove(at: position)
                    positions = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
                }
            } else if let newValue {
                positions[key] = keys.count
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    public func makeIterator() -> Zip2Sequence<[String], [MustacheValue]>.Iterator {
        zip(keys, values).makeIterator()
    }

    public static func == (lhs: MustacheObject, rhs: MustacheObject) -> Bool {
        lhs.keys == rhs.keys && lhs.values == rhs.values
    }
}
