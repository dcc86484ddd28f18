import Foundation

/// The default theme's interface words as the repository's `templates/i18n/LANG.json` holds them, read with
/// Foundation's JSON parser (not Gradus' own), for tests of modules that take words as plain values.
public enum InterfaceWords {
    /// The words of `code` by key (every value is a string).
    public static func of(_ code: String) -> [String: String] {
        let url = TestEnvironment.packageRoot.appendingPathComponent("templates/i18n/\(code).json")
        guard let data = try? Data(contentsOf: url),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
            fatalError("templates/i18n/\(code).json is missing or not an object of strings")
        }
        return object
    }

    /// The words of pt, de and en, by language code.
    public static var all: [String: [String: String]] {
        Dictionary(uniqueKeysWithValues: ["pt", "de", "en"].map { ($0, of($0)) })
    }
}
