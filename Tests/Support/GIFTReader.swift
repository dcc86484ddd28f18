/// A reader of Moodle's GIFT format, written from its documentation as an oracle for the exporter: questions
/// separated by blank lines, `//` comment lines, `$CATEGORY:` lines, `::name::`, an optional `[format]`, the text
/// up to an unescaped `{`, answers starting with `=` or `~` (with an optional `%weight%`), `#feedback` per
/// answer, `####general feedback`, and `TRUE`/`FALSE`/`T`/`F`. Escapes `\~ \= \# \{ \} \: \\ \n` are undone.
public enum GIFTReader {
    public struct Answer: Equatable, Sendable {
        public var text: String
        /// `=` answers are 100; `~` answers 0 unless a weight is given.
        public var weight: Double
        public var feedback: String?

        public init(text: String, weight: Double, feedback: String?) {
            self.text = text
            self.weight = weight
            self.feedback = feedback
        }
    }

    public struct Question: Equatable, Sendable {
        public var category: String?
        public var name: String?
        public var format: String?
        public var text: String
        public var answers: [Answer]
        /// For true-false questions.
        public var truth: Bool?
        /// For numerical questions (`{#VALUE:TOLERANCE}`): the value and the tolerance.
        public var numeric: (value: Double, tolerance: Double)? { numericAnswer.map { ($0[0], $0[1]) } }
        var numericAnswer: [Double]? = nil
        public var generalFeedback: String?
    }

    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public static func read(_ source: String) throws -> [Question] {
        var questions: [Question] = []
        var category: String? = nil
        var block: [String] = []
        func flush() throws {
            defer { block = [] }
            guard !block.isEmpty else { return }
            questions.append(try question(block.joined(separator: "\n"), category: category))
        }
        // By Unicode scalar, as Moodle reads bytes: a mark that would fuse with "\n" or ":" into one Character must
        // not hide the delimiter.
        for line in source.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false)
            .map({ String(String.UnicodeScalarView($0)) }) {
            if line.hasPrefix("//") { continue }
            if line.hasPrefix("$CATEGORY:") {
                try flush()
                category = String(line.dropFirst("$CATEGORY:".count)).trimmingCharacters(in: " ")
                continue
            }
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) { try flush() } else { block.append(line) }
        }
        try flush()
        return questions
    }

    // MARK: - Helpers

    /// Splits at unescaped `separator` characters, keeping escapes for `unescape`.
    static func tokens(_ text: String) -> [(Character, String)] {
        // Marks each character as escaped or not, then works on the marked sequence.
        var out: [(Character, String)] = []
        var escaped = false
        for c in text.unicodeScalars {
            if escaped { out.append(("\\", String(c))); escaped = false; continue }
            if c == "\\" { escaped = true; continue }
            out.append((" ", String(c)))
        }
        return out
    }

    static func unescape(_ marked: ArraySlice<(Character, String)>) -> String {
        marked.map { $0.0 == "\\" ? ($0.1 == "n" ? "\n" : $0.1) : $0.1 }.joined()
            .trimmingCharacters(in: " \n")
    }

    static func question(_ text: String, category: String?) throws -> Question {
        var marked = tokens(text)[...]
        func isPlain(_ i: Int, _ c: String) -> Bool { marked[i].0 == " " && marked[i].1 == c }
        var name: String? = nil
        if marked.count > 2, isPlain(marked.startIndex, ":"), isPlain(marked.startIndex + 1, ":") {
            var i = marked.startIndex + 2
            while i + 1 < marked.endIndex, !(isPlain(i, ":") && isPlain(i + 1, ":")) { i += 1 }
            guard i + 1 < marked.endIndex else { throw Failure(description: "unterminated name in: \(text)") }
            name = unescape(marked[(marked.startIndex + 2)..<i])
            marked = marked[(i + 2)...]
        }
        var format: String? = nil
        if let first = marked.first, first == (" ", "[") {
            guard let close = marked.firstIndex(where: { $0 == (" ", "]") }) else { throw Failure(description: "bad format") }
            format = unescape(marked[(marked.startIndex + 1)..<close])
            marked = marked[(close + 1)...]
        }
        guard let open = marked.firstIndex(where: { $0 == (" ", "{") }),
              let close = marked.lastIndex(where: { $0 == (" ", "}") }), open < close else {
            throw Failure(description: "no answer block in: \(text)")
        }
        let body = unescape(marked[marked.startIndex..<open])
        var answersPart = marked[(open + 1)..<close]
        var general: String? = nil
        if let hashes = (answersPart.startIndex..<answersPart.endIndex).first(where: { i in
            i + 3 < answersPart.endIndex && (0..<4).allSatisfy { answersPart[i + $0] == (" ", "#") }
        }) {
            general = unescape(answersPart[(hashes + 4)...])
            answersPart = answersPart[..<hashes]
        }
        let plainAnswers = unescape(answersPart)
        let trimmedAnswers = plainAnswers.trimmingCharacters(in: " \n\t")
        if trimmedAnswers.hasPrefix("#") {
            // Numerical: "#VALUE:TOLERANCE" (the only numerical form the exporter writes).
            let parts = trimmedAnswers.dropFirst().split(separator: ":", omittingEmptySubsequences: false)
            guard parts.count == 2, let value = Double(parts[0]), let tolerance = Double(parts[1]) else {
                throw Failure(description: "bad numerical answer '\(trimmedAnswers)' in: \(text)")
            }
            var read = Question(category: category, name: name, format: format, text: body, answers: [], truth: nil,
                                generalFeedback: general)
            read.numericAnswer = [value, tolerance]
            return read
        }
        if ["TRUE", "FALSE", "T", "F"].contains(plainAnswers) {
            return Question(category: category, name: name, format: format, text: body, answers: [],
                            truth: plainAnswers.hasPrefix("T"), generalFeedback: general)
        }
        var answers: [Answer] = []
        var start: Int? = nil
        var starts: [Int] = []
        for i in answersPart.indices where answersPart[i].0 == " " && (answersPart[i].1 == "=" || answersPart[i].1 == "~") {
            starts.append(i)
        }
        starts.append(answersPart.endIndex)
        for (from, to) in zip(starts, starts.dropFirst()) {
            start = from
            let right = answersPart[from].1 == "="
            var content = answersPart[(from + 1)..<to]
            var weight: Double = right ? 100 : 0
            if let first = content.first, first == (" ", "%"),
               let end = content.dropFirst().firstIndex(where: { $0 == (" ", "%") }) {
                weight = Double(unescape(content[(content.startIndex + 1)..<end])) ?? .nan
                content = content[(end + 1)...]
            }
            var feedback: String? = nil
            if let hash = content.firstIndex(where: { $0 == (" ", "#") }) {
                feedback = unescape(content[(hash + 1)...])
                content = content[..<hash]
            }
            answers.append(Answer(text: unescape(content), weight: weight, feedback: feedback))
        }
        _ = start
        return Question(category: category, name: name, format: format, text: body, answers: answers, truth: nil,
                        generalFeedback: general)
    }
}

private extension String {
    /// Trims scalars in `set` from both ends (by scalar, like the rest of the reader).
    func trimmingCharacters(in set: String) -> String {
        let trim = Set(set.unicodeScalars)
        var s = Substring(self).unicodeScalars[...]
        while let c = s.first, trim.contains(c) { s = s.dropFirst() }
        while let c = s.last, trim.contains(c) { s = s.dropLast() }
        return String(String.UnicodeScalarView(s))
    }
}
