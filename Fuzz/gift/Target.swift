/// libFuzzer target: the GIFT writer, read back by the test suite's independent GIFT reader.
///
/// The input is split at NUL bytes: a course title, a question id, the prompt, the explanation, then options;
/// the first byte picks the kind and which options are correct. Each text is used both as plain text and as
/// raw HTML. However hostile the text, the file must read back as one question with its id as name and, for
/// choice questions, one answer per option: no text may end a field or a question early.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzGIFT(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    guard size > 1 else { return 0 }
    let selector = data[0]
    let parts = UnsafeBufferPointer(start: data + 1, count: size - 1).split(separator: 0, omittingEmptySubsequences: false)
        .map { String(decoding: $0, as: UTF8.self) }
    guard parts.count >= 4 else { return 0 }
    func text(_ s: String) -> QuizText { QuizText(runs: s.isEmpty ? [] : [.text(s)], html: s) }
    let kinds: [Question.Kind] = [.single, .multiple, .trueFalse, .notMentioned]
    let kind = kinds[Int(selector & 3)]
    var options = parts.dropFirst(4).prefix(8).enumerated().map { index, s in
        Question.Option(text: text(s), isCorrect: (selector >> (2 + index % 6)) & 1 == 1, why: index % 2 == 0 ? text(s) : nil)
    }
    if kind == .trueFalse { options = [Question.Option(text: "true", isCorrect: selector & 4 != 0),
                                       Question.Option(text: "false", isCorrect: selector & 4 == 0)] }
    // Ids are one word without spaces or quotes: the lesson compiler rejects any other (QuizDirective).
    guard !options.isEmpty, !parts[1].isEmpty,
          !parts[1].contains(where: { $0.isWhitespace || $0 == "\"" || $0 == "'" }) else { return 0 }
    let question = Question(id: parts[1], kind: kind, prompt: text(parts[2]), options: options,
                            explanation: text(parts[3]), origin: "fuzz")
    let quiz = Quiz(lessonSlug: "fuzz", lessonTitle: parts[0], language: "en", questions: [question])
    let gift = GIFTWriter.write([quiz], courseTitle: parts[0])
    let read: [GIFTReader.Question]
    do { read = try GIFTReader.read(gift) } catch { preconditionFailure("unreadable GIFT: \(error)\n\(gift)") }
    precondition(read.count == 1, "\(read.count) questions read back from:\n\(gift)")
    precondition(read[0].name == parts[1], "name \(String(describing: read[0].name)) for id \(parts[1])")
    if kind != .trueFalse {
        precondition(read[0].answers.count == options.count, "\(read[0].answers.count) answers for \(options.count) options")
    }
    return 0
}
