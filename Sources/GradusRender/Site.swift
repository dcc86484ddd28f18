import Foundation

/// A rendered site in memory: every file by its path relative to the site's root (`pt/backpropagation/index.html`).
/// Nothing touches the disk until `SiteWriter` writes it, so a failed render writes nothing.
public struct Site: Sendable {
    public private(set) var files: [String: Data] = [:]

    public init() {}

    /// Adds a file. Paths are relative, use `/`, and never climb out of the site (`..`, absolute).
    public mutating func add(_ path: String, _ data: Data) {
        precondition(Site.isSafe(path), "unsafe site path \(path)")
        files[path] = data
    }

    public mutating func add(_ path: String, _ text: String) { add(path, Data(text.utf8)) }

    /// Paths in a fixed order, so output and reports do not depend on hashing.
    public var paths: [String] { files.keys.sorted() }

    public subscript(path: String) -> String? { files[path].map { String(decoding: $0, as: UTF8.self) } }

    static func isSafe(_ path: String) -> Bool {
        !path.isEmpty && !path.hasPrefix("/") && !path.contains("\\")
            && !path.unicodeScalars.contains { $0.properties.generalCategory == .control }
            && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != ".." && $0 != "." }
    }
}
