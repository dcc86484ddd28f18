import Foundation

/// libFuzzer target: the Mustache compiler and renderer.
///
/// The input is split at NUL bytes: the template, then the JSON data, then partials named `a`, `b`, `c`, …
/// (so partials may include each other and themselves). Errors are fine; crashes and hangs are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMustache(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let parts = UnsafeBufferPointer(start: data, count: size).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    guard let first = parts.first, let template = try? MustacheTemplate(source: first, name: "fuzz") else { return 0 }
    var value: MustacheValue = .null
    if parts.count > 1, let parsed = try? MustacheValue(json: Data(parts[1].utf8), name: "data") { value = parsed }
    var partials: [String: MustacheTemplate] = [:]
    for (index, source) in parts.dropFirst(2).prefix(26).enumerated() {
        let name = String(UnicodeScalar(UInt8(97 + index)))
        partials[name] = try? MustacheTemplate(source: source, name: name)
    }
    _ = try? template.render(value) { name throws(MustacheError) in partials[name] }
    return 0
}
