import Foundation

extension MustacheValue {
    /// The deepest nesting of lists and objects that `init(json:name:)` accepts. Deeper data is refused
    /// rather than risking the stack when the nested value is later destroyed.
    public static let maximumJSONDepth = 512

    /// Reads RFC 8259 JSON (UTF-8, an optional byte-order mark), keeping the order of object keys.
    ///
    /// Throws a `MustacheError` named `name` at the 1-based line and column (Unicode scalars) of the first
    /// problem: a syntax error (trailing commas included), invalid UTF-8 or an unpaired surrogate escape, a
    /// number beyond Double's range, nesting deeper than `maximumJSONDepth`. A repeated key keeps its first position and its last value. Iterative and O(n).
    public init(json: Data, name: String = "JSON") throws(MustacheError) {
        var reader = JSONReader(bytes: Array(json), name: name)
        self = try reader.read()
    }

    /// Reads JSON from a string; see `init(json:name:)`.
    public init(jsonText: String, name: String = "JSON") throws(MustacheError) {
        var reader = JSONReader(bytes: Array(jsonText.utf8), name: name)
        self = try reader.read()
    }
}

/// A strict JSON reader over UTF-8 bytes with an explicit stack instead of recursion.
private struct JSONReader {
    let bytes: [UInt8]
    let name: String
    var position = 0

    init(bytes: [UInt8], name: String) {
        self.bytes = bytes
        self.name = name
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
    }

    /// An open container: a list being filled, or an object with the key whose value comes next.
    private enum Open {
        case list([MustacheValue])
        case object(MustacheObject, key: String)
    }

    mutating func read() throws(MustacheError) -> MustacheValue {
        var stack: [Open] = []
        var value: MustacheValue
        parsing: while true {
            skipWhitespace()
            // A value starts here: a scalar, or an opening bracket that pushes a container.
            switch peek() {
            case UInt8(ascii: "["):
                try checkDepth(stack.count)
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "]") {
                    position += 1
                    value = .list([])
                } else {
                    stack.append(.list([]))
                    continue parsing
                }
            case UInt8(ascii: "{"):
                try checkDepth(stack.count)
                position += 1
                skipWhitespace()
                if peek() == UInt8(ascii: "}") {
                    position += 1
                    value = .object(MustacheObject())
                } else {
                    let key = try readKey()
                    stack.append(.object(MustacheObject(), key: key))
                    continue parsing
                }
            default:
                value = try readScalar()
            }
            // Close every container that this value completes.
            while true {
                guard let top = stack.popLast() else {
                    skipWhitespace()
                    if position < bytes.count { throw error("unexpected text after the JSON value") }
                    return value
                }
                skipWhitespace()
                switch top {
                case .list(var items):
                    items.append(value)
                    if peek() == UInt8(ascii: ",") {
                        position += 1
                        stack.append(.list(items))
                        continue parsing
                    }
                    guard peek() == UInt8(ascii: "]") else { throw error("expected ',' or ']' in a list") }
                    position += 1
                    value = .list(items)
                case .object(var object, let key):
                    object[key] = value
                    if peek() == UInt8(ascii: ",") {
                        position += 1
                        skipWhitespace()
                        let next = try readKey()
                        stack.append(.object(object, key: next))
                        continue parsing
                    }
                    guard peek() == UInt8(ascii: "}") else { throw error("expected ',' or '}' in an object") }
                    position += 1
                    value = .object(object)
                }
            }
        }
    }

    // MARK: - Pieces

    private func checkDepth(_ depth: Int) throws(MustacheError) {
        if depth >= MustacheValue.maximumJSONDepth {
            throw error("lists and objects nest deeper than \(MustacheValue.maximumJSONDepth) levels")
        }
    }

    private func peek() -> UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x20, 0x09, 0x0A, 0x0D: position += 1
            default: return
            }
        }
    }

    /// Reads `"key"` and the colon after it, leaving the position at the value.
    private mutating func readKey() throws(MustacheError) -> String {
        skipWhitespace()
        guard peek() == UInt8(ascii: "\"") else { throw error("expected a string key in an object") }
        let key = try readString()
        skipWhitespace()
        guard peek() == UInt8(ascii: ":") else { throw error("expected ':' after an object key") }
        position += 1
        return key
    }

    private mutating func readScalar() throws(MustacheError) -> MustacheValue {
        guard let byte = peek() else { throw error("unexpected end of JSON; a value is missing") }
        switch byte {
        case UInt8(ascii: "\""): return .string(try readString())
        case UInt8(ascii: "t"): try readWord("true"); return .bool(true)
        case UInt8(ascii: "f"): try readWord("false"); return .bool(false)
        case UInt8(ascii: "n"): try readWord("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try readNumber())
        default: throw error("unexpected character; expected a JSON value")
        }
    }

    private mutating func readWord(_ word: String) throws(MustacheError) {
        let count = word.utf8.count
        guard position + count <= bytes.count, bytes[position..<position + count].elementsEqual(word.utf8) else {
            throw error("unexpected word; expected \(word)")
        }
        position += count
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private mutating func readNumber() throws(MustacheError) -> Double {
        let start = position
        func digits(_ reader: inout JSONReader) -> Int {
            let from = reader.position
            while let b = reader.peek(), b >= UInt8(ascii: "0"), b <= UInt8(ascii: "9") { reader.position += 1 }
            return reader.position - from
        }
        if peek() == UInt8(ascii: "-") { position += 1 }
        if peek() == UInt8(ascii: "0") {
            position += 1
        } else if digits(&self) == 0 {
            throw error("a number needs digits")
        }
        if peek() == UInt8(ascii: ".") {
            position += 1
            if digits(&self) == 0 { throw error("a number needs digits after its decimal point") }
        }
        if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
            position += 1
            if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { position += 1 }
            if digits(&self) == 0 { throw error("a number needs digits in its exponent") }
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number \(text) is out of range for a Double", at: start)
        }
        return value
    }

    private mutating func readString() throws(MustacheError) -> String {
        let start = position
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ reader: JSONReader, _ scalars: inout String.UnicodeScalarView, upTo end: Int) throws(MustacheError) {
            guard runStart < end else { return }
            guard let run = String(validating: reader.bytes[runStart..<end], as: UTF8.self) else {
                throw reader.error("invalid UTF-8 in a string", at: runStart)
            }
            scalars.append(contentsOf: run.unicodeScalars)
        }
        while true {
            guard let byte = peek() else { throw error("unterminated string", at: start) }
            switch byte {
            case UInt8(ascii: "\""):
                try flush(self, &scalars, upTo: position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                try flush(self, &scalars, upTo: position)
                scalars.append(try readEscape())
                runStart = position
            case 0..<0x20:
                throw error("control character in a string; write it as an escape such as \\n")
            default:
                position += 1
            }
        }
    }

    private mutating func readEscape() throws(MustacheError) -> Unicode.Scalar {
        let start = position
        position += 1
        guard let byte = peek() else { throw error("unterminated escape", at: start) }
        position += 1
        switch byte {
        case UInt8(ascii: "\""): return "\""
        case UInt8(ascii: "\\"): return "\\"
        case UInt8(ascii: "/"): return "/"
        case UInt8(ascii: "b"): return "\u{08}"
        case UInt8(ascii: "f"): return "\u{0C}"
        case UInt8(ascii: "n"): return "\n"
        case UInt8(ascii: "r"): return "\r"
        case UInt8(ascii: "t"): return "\t"
        case UInt8(ascii: "u"):
            let high = try readHex4(escapeStart: start)
            if (0xD800..<0xDC00).contains(high) {
                guard bytes[position...].starts(with: [UInt8(ascii: "\\"), UInt8(ascii: "u")]) else {
                    throw error("unpaired surrogate \\u\(String(high, radix: 16, uppercase: true))", at: start)
                }
                position += 2
                let low = try readHex4(escapeStart: start)
                guard (0xDC00..<0xE000).contains(low) else {
                    throw error("unpaired surrogate \\u\(String(high, radix: 16, uppercase: true))", at: start)
                }
                return Unicode.Scalar(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))!
            }
            guard let scalar = Unicode.Scalar(high) else {
                throw error("unpaired surrogate \\u\(String(high, radix: 16, uppercase: true))", at: start)
            }
            return scalar
        default:
            throw error("unknown escape; JSON has \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX", at: start)
        }
    }

    private mutating func readHex4(escapeStart: Int) throws(MustacheError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard let byte = peek(), let digit = hexDigit(byte) else {
                throw error("\\u needs four hexadecimal digits", at: escapeStart)
            }
            value = value << 4 | digit
            position += 1
        }
        return value
    }

    private func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return UInt32(byte - UInt8(ascii: "A") + 10)
        default: return nil
        }
    }

    private func error(_ message: String, at offset: Int? = nil) -> MustacheError {
        MustacheError(name: name, source: bytes, offset: offset ?? position, message: message)
    }
}
