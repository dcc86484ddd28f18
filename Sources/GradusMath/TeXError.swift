/// A located error in a TeX formula: an unknown command, a missing argument, an unbalanced brace.
///
/// `line` and `column` are 1-based within the TeX source given to the renderer (the content layer adds the
/// position of the `$` in the lesson); `column` counts Unicode scalars. The message says what to do.
public struct TeXError: Error, Equatable, Sendable, CustomStringConvertible {
    /// 1-based line within the TeX source.
    public var line: Int
    /// 1-based column within that line, in Unicode scalars.
    public var column: Int
    /// What is wrong and how to fix it, e.g. `unknown command \fracc; did you mean \frac?`.
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    /// `line:column: message`.
    public var description: String { "\(line):\(column): \(message)" }
}
