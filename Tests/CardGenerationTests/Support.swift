import Foundation
import Articles
import DeckModel
import Language
@testable import CardGeneration

/// The shipped grammar model, read once for all tests.
func englishAnalyzer() throws -> SentenceAnalyzer { try SentenceAnalyzer.english() }

/// Builds an article by hand (title + paragraphs of sentences), independent of the reader.
func makeArticle(_ title: String, _ paragraphs: [[String]], section: String? = nil) -> Article {
    var index = 0
    var ps: [Paragraph] = []
    for (p, sentences) in paragraphs.enumerated() {
        var ss: [Sentence] = []
        var offset = 0
        for s in sentences {
            ss.append(Sentence(text: s, index: index, paragraph: p, section: section, offset: offset))
            index += 1
            offset += s.utf8.count + 1
        }
        ps.append(Paragraph(index: p, section: section, text: sentences.joined(separator: " "), sentences: ss))
    }
    return Article(title: title, format: .text, paragraphs: ps)
}

/// Cards for a hand-built article with a fixed seed.
func cards(_ title: String, _ paragraphs: [[String]], pool: DistractorPool = DistractorPool(), seed: UInt64 = 7) throws -> GeneratedDeck {
    var rng = SeededGenerator(seed: seed)
    return DeckGenerator.generate(article: makeArticle(title, paragraphs), deckID: "test", pool: pool, analyzer: try englishAnalyzer(), using: &rng)
}

enum Paths {
    /// /work/main (the package root), from this file's path.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    /// ../shared beside the package.
    static let shared: URL = packageRoot.deletingLastPathComponent().appendingPathComponent("shared")
    static let seed000 = shared.appendingPathComponent("seeds/000_707503f0f0d9d6d3.txt").path
    static let seed004 = shared.appendingPathComponent("seeds/004_d3ccf8472db550c6.txt").path
    static let gold000 = shared.appendingPathComponent("eval/seeds/000.gold.json").path
    static let scoreGold = shared.appendingPathComponent("tools/score_gold.py").path
    static let fixtures: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
}

/// Reads an article file with the real reader and generates its deck.
func deck(fromFile path: String, seed: UInt64 = 1, pool: DistractorPool = DistractorPool()) throws -> (Deck, GenerationSummary) {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let article = try ArticleReader.read(bytes: bytes, fileName: path)
    var rng = SeededGenerator(seed: seed)
    return DeckGenerator.deck(article: article, deckID: "d", source: DeckSource(path: path), pool: pool, analyzer: try englishAnalyzer(), using: &rng)
}

/// SQuAD-style normalisation (lower case, no punctuation, no articles), as the scorers use.
func squadNormalize(_ s: String) -> [String] {
    let lowered = s.lowercased().replacingOccurrences(of: "____", with: " ")
    let kept = String(lowered.unicodeScalars.map { CharacterSet.punctuationCharacters.contains($0) || CharacterSet.symbols.contains($0) ? " " : Character($0) })
    return kept.split(separator: " ").map(String.init).filter { !["a", "an", "the"].contains($0) }
}

func containsRun(_ hay: [String], _ needle: [String]) -> Bool {
    guard !needle.isEmpty, needle.count <= hay.count else { return false }
    for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle { return true }
    return false
}
