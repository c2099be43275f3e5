import Articles
import CardGeneration
import DeckModel
import FuzzSupport

@_cdecl("fuzz_article_main")
public func fuzzArticleMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: ArticleTarget.check)
}

/// An article file through the whole of `factdeck generate`: `ArticleReader.read(bytes:)`,
/// then `DeckGenerator` to a deck, which `DeckCodec` must write and read back.
///
/// Mode byte 0-2 reads the rest as text, Markdown or HTML; without one, the format is
/// sniffed from the content, as for a file without a known extension.
enum ArticleTarget {
    static let formats: [ArticleFormat] = [.text, .markdown, .html]

    static func check(_ input: [UInt8]) {
        let fuzz = FuzzInput(input, modes: UInt8(formats.count))
        let article: Article
        do {
            article = try ArticleReader.read(bytes: fuzz.body, fileName: "fuzz", format: fuzz.mode.map { formats[Int($0)] })
        } catch {
            return  // a typed ArticleError: empty, binary, no sentences
        }
        var rng = SeededGenerator(seed: 1)
        let (deck, summary) = DeckGenerator.deck(
            article: article, deckID: "fuzz", source: DeckSource(path: "fuzz"), pool: DistractorPool(), using: &rng)
        Invariant.require(summary.cardsByType.values.reduce(0, +) == deck.cards.count,
                          "the summary counts \(summary.cardsByType) for \(deck.cards.count) cards")
        Invariant.requireReadable(deck)
    }
}
