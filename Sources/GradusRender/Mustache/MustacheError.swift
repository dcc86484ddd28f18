/// A located error in a Mustache template (or in the JSON given as its data).
///
/// `line` and `column` are 1-based; `column` counts Unicode scalars. `description` prints in swiftc's format,
/// `name:line:column: error: message`, so terminals and editors can jump to it.
public struct MustacheError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The template's name as given to `MustacheTemplate(source:name:)`, usually its path.
    public var name: String
    /// 1-based line of the offending tag.
    public var line: Int
    /// 1-based column of the offending tag, in Unicode scalars.
    public var column: Int
    /// What is wrong and, where it helps, what to do.
    public var message: String

    public init(name: String, line: Int, column: Int, message: String) {
        self.name = name
        self.line = line
        self.column = column
        self.message = message
    }

    /// Locates byte `offset` of UTF-8 `source`: lines split at LF, columns count scalars (continuation bytes
    /// are skipped). O(offset); only called on the error path.
    init(name: String, source: [UInt8], offset: Int, message: String) {
        var line = 1, column = 1
        for byte in source[..<min(offset, source.count)] {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        self.init(name: name, line: line, column: column, message: message)
    }

    public var description: String { "\(name):\(line):\(column): error: \(message)" }
}
