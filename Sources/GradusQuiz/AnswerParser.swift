/// Reads a learner's choice: letters (`b`, `A`) or 1-based numbers (`2`), several separated by commas, spaces
/// or `+` for a multiple-answer question.
public enum AnswerParser {
    /// The chosen option indices, or nil when the text names no valid option (or several for a single answer).
    public static func parse(_ text: String, optionCount: Int, allowsMany: Bool) -> Set<Int>? {
        let words = text.split(whereSeparator: { $0 == "," || $0 == " " || $0 == "+" || $0 == ";" || $0 == "\t" })
        guard !words.isEmpty else { return nil }
        var chosen = Set<Int>()
        for word in words {
            let lower = word.lowercased()
            if let number = Int(lower), (1...optionCount).contains(number) {
                chosen.insert(number - 1)
            } else if lower.count == 1, let scalar = lower.unicodeScalars.first,
                      scalar.value >= 97, Int(scalar.value) - 97 < optionCount {
                chosen.insert(Int(scalar.value) - 97)
            } else {
                return nil
            }
        }
        if !allowsMany && chosen.count != 1 { return nil }
        return chosen
    }

    /// The letter of option `index` (0 → a).
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + index % 26)))
    }
}
