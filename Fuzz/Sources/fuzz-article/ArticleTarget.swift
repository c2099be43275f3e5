import Articles
import CardGeneration
import DeckModel
import FuzzSupport
import Language
import SeededRandom

@_cdecl("fuzz_article_main")
public func fuzzArticleMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: ArticleTarget.check)
}

/// An article through the whole of `factdeck generate`: `ArticleReader`, then
/// `DeckGenerator` to a deck, which `DeckCodec` must write and read back.
///
/// Mode byte 0-2 reads the rest as text, Markdown or HTML; 3 as the text `pdftotext -layout`
/// prints for a PDF; 4 as HTML whose first line is the charset a web server declared for
/// the rest. Without one, the format is sniffed, as for a file without a known extension.
enum ArticleTarget {
    static let formats: [ArticleFormat] = [.text, .markdown, .html]
    /// The bundled English model, read once as `factdeck generate` reads it once a run.
    static let analyzer: SentenceAnalyzer = {
        do { return try SentenceAnalyzer.english() } catch { Invariant.fail("the bundled English model does not load: \(error)") }
    }()

    static func check(_ input: [UInt8]) {
        let fuzz = FuzzInput(input, modes: 5)
        let article: Article
        do {
            switch fuzz.mode {
            case 3?:
                article = try ArticleReader.read(pdfText: String(decoding: fuzz.body, as: UTF8.self), fileName: "fuzz.pdf")
            case 4?:
                let newline = fuzz.body.firstIndex(of: 0x0A) ?? fuzz.body.endIndex
                article = try ArticleReader.read(bytes: Array(fuzz.body[newline...].dropFirst()), fileName: "fuzz", format: .html,
                                                 charset: String(decoding: fuzz.body[..<newline], as: UTF8.self))
            default:
                article = try ArticleReader.read(bytes: fuzz.body, fileName: "fuzz", format: fuzz.mode.map { formats[Int($0)] })
            }
        } catch {
            Invariant.require(error != .unreadable(""), "a reader of bytes cannot fail to read")
            return  // a typed ArticleError: empty, binary, no sentences, not English, no text layer
        }
        var rng = SeededGenerator(seed: 1)
        let (deck, summary) = DeckGenerator.deck(
            article: article, deckID: "fuzz", source: DeckSource(path: "fuzz"), pool: DistractorPool(), analyzer: analyzer, using: &rng)
        Invariant.require(summary.cardsByType.values.reduce(0, +) == deck.cards.count,
                          "the summary counts \(summary.cardsByType) for \(deck.cards.count) cards")
        Invariant.require(deck.cards.count <= CardType.allCases.count * summary.factsFound,
                          "\(deck.cards.count) cards from \(summary.factsFound) facts")
        Invariant.requireReadable(deck)
    }
}
