import SeededRandom
import Articles
import DeckModel
import FuzzInputs
import Testing

@testable import CardGeneration

/// The whole of `factdeck generate` on articles damaged every way a fuzzer would damage
/// them: no crash (the 34-digit number of issue 22 was one), and every deck one that
/// `DeckCodec` writes and reads back, with at most one card of each type per fact.
@Suite struct GenerateFuzzPropertyTests {
    static let seeds: [[UInt8]] = ProjectFiles.files(in: "decks/sources", endingIn: "").map(ProjectFiles.bytes)
        + [ProjectFiles.bytes("Tests/CardGenerationTests/Fixtures/crashes/long-digit-string.txt")]

    static let tokens = [
        "1", "1846", "2019999999999999999999999999999990", "5.3 percent", "$4.5 billion", "1,300", "1e999", "0.000001",
        "12 March 1905", "the 3rd", "between 1970 and 1990", " was ", " is the ", " discovered ", " in ", "Mr. ",
        "United Nations", "Pacific Ocean", ". ", ", ", " (", ") ", "\n\n", "# ",
    ]

    @Test func mutatedArticlesGiveReadableDecks() throws {
        let analyzer = try englishAnalyzer()
        var cards = 0
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 400, seed: 22, maxLength: 2000, tokens: Self.tokens).enumerated() {
            let name = ["mutated.txt", "mutated.md", "mutated"][i % 3]  // the last one sniffed
            guard let article = try? ArticleReader.read(bytes: bytes, fileName: name) else { continue }
            var rng = SeededGenerator(seed: UInt64(i))
            let (deck, summary) = DeckGenerator.deck(article: article, deckID: "mutated", source: DeckSource(path: "mutated.txt"),
                                                     pool: DistractorPool(), analyzer: analyzer, using: &rng)
            #expect(DeckRoundTrip.problem(deck) == nil, "input \(i)")
            #expect(summary.cardsByType.values.reduce(0, +) == deck.cards.count, "input \(i)")
            #expect(deck.cards.count <= CardType.allCases.count * summary.factsFound,
                    "input \(i): \(deck.cards.count) cards from \(summary.factsFound) facts")
            cards += deck.cards.count
        }
        #expect(cards >= 400)
    }
}
