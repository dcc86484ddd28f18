import Foundation
import Testing
@testable import GradusContent

@Suite("Language identifier")
struct LanguageIDTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/langid")

    /// The corpus's paragraphs of `language`: one per line, written for this test (not taken from the course).
    static func paragraphs(_ language: String) throws -> [String] {
        let text = try String(contentsOf: corpus.appendingPathComponent("\(language).txt"), encoding: .utf8)
        return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
    }

    @Test("The corpus has at least 100 paragraphs of 20 words or more per language", arguments: ["pt", "de", "en"])
    func corpusSize(language: String) throws {
        let paragraphs = try Self.paragraphs(language)
        #expect(paragraphs.count >= 100)
        for paragraph in paragraphs {
            #expect(LanguageIdentifier.words(paragraph).count >= 20, "\(paragraph)")
        }
    }

    @Test("At least 95 % of each language's paragraphs are identified as that language", arguments: ["pt", "de", "en"])
    func accuracy(language: String) throws {
        let paragraphs = try Self.paragraphs(language)
        let identifier = LanguageIdentifier()
        let wrong = paragraphs.filter { identifier.identify($0)?.language != language }
        let accuracy = Double(paragraphs.count - wrong.count) / Double(paragraphs.count)
        #expect(accuracy >= 0.95, "accuracy \(accuracy); misread: \(wrong)")
    }

    @Test("No paragraph of the corpus is flagged as foreign in its own language's file", arguments: ["pt", "de", "en"])
    func noFalseWarnings(language: String) throws {
        let identifier = LanguageIdentifier()
        let flagged = try Self.paragraphs(language).filter { identifier.foreignLanguage(of: $0, expected: language) != nil }
        #expect(flagged.isEmpty, "\(flagged)")
    }

    @Test("A paragraph of another language left in a file is flagged with that language, at least 95 % of the time",
          arguments: [("en", "pt"), ("en", "de"), ("pt", "de"), ("de", "en"), ("pt", "en"), ("de", "pt")])
    func foreignParagraphs(written: String, file: String) throws {
        let identifier = LanguageIdentifier()
        let paragraphs = try Self.paragraphs(written)
        let found = paragraphs.filter { identifier.foreignLanguage(of: $0, expected: file) == written }
        #expect(Double(found.count) / Double(paragraphs.count) >= 0.95, "\(paragraphs.count - found.count) missed")
    }

    @Test("English technical terms inside a Portuguese or German sentence do not make it English")
    func technicalTerms() {
        let identifier = LanguageIdentifier()
        let portuguese = "Usamos batch normalization e gradient clipping para que o treinamento da rede não diverja, "
            + "e o learning rate schedule com warmup ajuda nas primeiras épocas do dropout."
        let german = "Wir nutzen Batch Normalization und Gradient Clipping, damit das Training des Netzes nicht divergiert, "
            + "und ein Learning Rate Schedule mit Warmup hilft in den ersten Epochen."
        #expect(identifier.foreignLanguage(of: portuguese, expected: "pt") == nil)
        #expect(identifier.identify(portuguese)?.language == "pt")
        #expect(identifier.foreignLanguage(of: german, expected: "de") == nil)
        #expect(identifier.identify(german)?.language == "de")
    }

    @Test("Short paragraphs and paragraphs without function words are not judged")
    func tooLittleEvidence() {
        let identifier = LanguageIdentifier()
        #expect(identifier.foreignLanguage(of: "The chain rule, again.", expected: "pt") == nil)
        #expect(identifier.identify("σ′(z) ≤ 1/4, ReLU, LSTM, Xavier, Kaiming") == nil)
    }

    @Test("Words are lowercased runs of letters, apostrophes kept inside")
    func words() {
        #expect(LanguageIdentifier.words("Don't stop: Ação, Größe! x2") == ["don't", "stop", "ação", "größe", "x"])
        #expect(LanguageIdentifier.words("L’idée d’un réseau") == ["l'idée", "d'un", "réseau"])
    }

    @Test("Spanish, French and Italian paragraphs are told apart from pt, de and en in a course of that language",
          arguments: ["es", "fr", "it"])
    func romance(language: String) throws {
        let paragraphs = try Self.paragraphs(language)
        #expect(paragraphs.count >= 12 && paragraphs.allSatisfy { LanguageIdentifier.words($0).count >= 20 })
        let identifier = LanguageIdentifier(languages: [language])
        #expect(identifier.languages == ["pt", "de", "en", language])
        let wrong = paragraphs.filter { identifier.identify($0)?.language != language }
        #expect(wrong.isEmpty, "misread: \(wrong)")
        #expect(paragraphs.allSatisfy { identifier.foreignLanguage(of: $0, expected: language) == nil })
        #expect(paragraphs.allSatisfy { identifier.foreignLanguage(of: $0, expected: "en") == language })
        let english = try Self.paragraphs("en")
        let found = english.filter { identifier.foreignLanguage(of: $0, expected: language) == "en" }
        #expect(Double(found.count) / Double(english.count) >= 0.95, "\(english.count - found.count) missed")
    }

    @Test("A word two compared languages share votes for neither; a language without a profile is not compared")
    func shared() {
        let identifier = LanguageIdentifier(languages: ["es", "fr", "nl"])
        #expect(identifier.languages == ["pt", "de", "en", "es", "fr"])
        // "que", "de", "se" and "entre" are Portuguese, Spanish and French alike.
        #expect(identifier.identify("que de se entre") == nil)
        #expect(LanguageIdentifier().identify("que de se entre")?.language == "pt")
    }
}
