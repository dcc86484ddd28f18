/// A course language, by its code as in file names (`pt`, `de`, `en`).
public struct Language: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var code: String

    public init(_ code: String) { self.code = code }

    public var description: String { code }

    public static func < (a: Language, b: Language) -> Bool { a.code < b.code }

    /// The language of a POSIX locale name such as `pt_BR.UTF-8`, if it is one of `available`.
    public static func fromLocale(_ locale: String?, among available: [Language]) -> Language? {
        guard let locale, !locale.isEmpty else { return nil }
        let code = locale.prefix { $0.isLetter }.lowercased()
        return available.first { $0.code == code }
    }
}
