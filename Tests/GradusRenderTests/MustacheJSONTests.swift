import Foundation
import Testing
@testable import GradusRender
import GradusTestSupport

/// The engine's JSON reader, checked against Foundation's JSONSerialization as the oracle for what is valid,
/// and against hand-counted positions for its messages.
@Suite("Mustache JSON")
struct MustacheJSONTests {
    static let documents: [String] = [
        #"{"a": 1, "b": [true, false, null], "c": {"d": "e"}}"#, "[]", "{}", " 3.5e-2 ", "\"\\u00e9\\ud83c\\udf93\"",
        "-0", "[01]", "[1.]", "[.5]", "[1e]", "+1", "[\"\\x\"]", "[\"tab\there\"]",
        "{\"a\" 1}", "{a: 1}", "[1] [2]", "\"\\ud800\"", "\"\\udc00x\"", "tru", "nul", "[", "{\"a\":", "",
        "[1e400]", "\u{FEFF}[1]", "[\"\\/\"]", "{\"\": 0}", "[-]", "[2.]", "[1E+2, 1e-2, 0.0]",
    ]

    @Test("Accepts exactly what Foundation's JSONSerialization accepts, with the same values",
          arguments: MustacheJSONTests.documents)
    func agreesWithFoundation(_ text: String) throws {
        let data = Data(text.utf8)
        let oracle = try? JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
        let ours = try? MustacheValue(json: data)
        #expect((oracle != nil) == (ours != nil), "oracle: \(String(describing: oracle)), ours: \(String(describing: ours))")
        if let ours, let oracle {
            let encoded = try JSONSerialization.data(withJSONObject: oracle, options: [.sortedKeys, .fragmentsAllowed])
            let decoded = try JSONDecoder().decode(SpecJSON.self, from: encoded)
            #expect(SpecJSON(ours) == decoded)
        }
    }

    @Test("Refuses trailing commas, as RFC 8259's grammar does (Foundation on Linux accepts them)")
    func trailingCommas() {
        #expect(throws: MustacheError(name: "JSON", line: 1, column: 4, message: "unexpected character; expected a JSON value")) {
            try MustacheValue(jsonText: "[1,]")
        }
        #expect(throws: MustacheError(name: "JSON", line: 1, column: 8, message: "expected a string key in an object")) {
            try MustacheValue(jsonText: "{\"a\":1,}")
        }
    }

    @Test("Reads escapes and surrogate pairs into the right scalars")
    func escapes() throws {
        #expect(try MustacheValue(jsonText: #""a\"\\\/\b\f\n\r\t\u00e9\ud83c\udf93""#)
                == .string("a\"\\/\u{08}\u{0C}\n\r\té🎓"))
    }

    @Test("Errors are located at the offending character")
    func errorPositions() {
        func message(_ text: String) -> String {
            do {
                _ = try MustacheValue(jsonText: text, name: "d.json")
                return "no error"
            } catch {
                return error.description
            }
        }
        #expect(message("{\n  \"a\": tru\n}") == "d.json:2:8: error: unexpected word; expected true")
        #expect(message("[1 2]") == "d.json:1:4: error: expected ',' or ']' in a list")
        #expect(message("{\"é\": \"x\n\"}") == "d.json:1:9: error: control character in a string; write it as an escape such as \\n")
        #expect(message("[\"\\ud800\"]") == "d.json:1:3: error: unpaired surrogate \\uD800")
        #expect(message("[1] x") == "d.json:1:5: error: unexpected text after the JSON value")
        #expect(message("\"abc") == "d.json:1:1: error: unterminated string")
    }

    @Test("Nesting deeper than the limit is refused without recursion")
    func deepNesting() throws {
        let limit = MustacheValue.maximumJSONDepth
        let ok = String(repeating: "[", count: limit) + String(repeating: "]", count: limit)
        #expect(throws: Never.self) { try MustacheValue(jsonText: ok) }
        let hostile = String(repeating: "[", count: 100_000)
        #expect(throws: MustacheError(name: "JSON", line: 1, column: limit + 1,
                                      message: "lists and objects nest deeper than 512 levels")) {
            try MustacheValue(jsonText: hostile)
        }
    }
}
