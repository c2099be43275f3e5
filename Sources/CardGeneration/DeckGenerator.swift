import Articles
import DeckModel
import Language
import Parallel

/// A sentence that gave no card, and why (for `--verbose`).
public struct SkippedSentence: Sendable, Hashable {
    public var index: Int
    public var sentence: String
    public var reason: String
}

/// What a generation run produced.
public struct GenerationSummary: Sendable, Hashable {
    public var cardsByType: [CardType: Int] = [:]
    public var factsFound = 0
    public var duplicatesDropped = 0
    public var skipped: [SkippedSentence] = []
}

/// The cards of one article, best first, with the summary.
public struct GeneratedDeck: Sendable {
    public var cards: [Card]
    public var summary: GenerationSummary
}

/// Turns an article's facts into ranked question cards, on the grammatical analysis of
/// the `Language` layer. Pure: no IO, no clock, seeded randomness.
public enum DeckGenerator {
    /// Cards for `article`, ranked best first (by `score`).
    public static func generate<R: RandomNumberGenerator>(
        article: Article, deckID: String, pool: DistractorPool = DistractorPool(), analyzer: SentenceAnalyzer, using rng: inout R
    ) -> GeneratedDeck {
        analyse(article, analyzer: analyzer).cards(pool: pool, using: &rng)
    }

    /// A whole deck: the cards plus the article's title and source fields.
    public static func deck<R: RandomNumberGenerator>(
        article: Article, deckID: String, source: DeckSource, pool: DistractorPool = DistractorPool(), analyzer: SentenceAnalyzer,
        using rng: inout R
    ) -> (deck: Deck, summary: GenerationSummary) {
        analyse(article, analyzer: analyzer).deck(deckID: deckID, source: source, pool: pool, using: &rng)
    }

    /// The first half of `generate`: the article read and its answers found, before any
    /// card is written. Analyses of several articles lend each other distractors, so a run
    /// of many articles analyses them all side by side, then writes them all.
    public static func analyse(_ article: Article, analyzer: SentenceAnalyzer) -> ArticleAnalysis {
        ArticleAnalysis(reading: ArticleReading.read(article, analyzer: analyzer), analyzer: analyzer)
    }
}

/// An article read (see `DeckGenerator.analyse`).
public struct ArticleAnalysis: Sendable {
    let reading: ArticleReading
    let analyzer: SentenceAnalyzer

    /// Text to seed the deck's random draws from: the article's clean sentences, so the same
    /// text gives the same deck whether it came as a web page, a PDF or a text file.
    public var seedText: String { reading.article.title + "\n" + reading.article.sentences.map(\.text).joined(separator: "\n") }

    /// The answers by type, for other articles' distractor pools, marked as `owner`'s.
    public func addAnswers(to pool: inout DistractorPool, owner: Int) {
        for s in reading.sentences {
            for c in s.candidates where c.confident { pool.add(c.answer, factType: c.type.rawValue, owner: owner) }
        }
    }

    /// The cards, ranked best first, with `pool` for multiple-choice distractors.
    public func cards<R: RandomNumberGenerator>(pool: DistractorPool, using rng: inout R) -> GeneratedDeck {
        DeckWriter(reading: reading, pool: pool, analyzer: analyzer).write(rng: &rng)
    }

    /// A whole deck: the cards plus the article's title and source fields.
    public func deck<R: RandomNumberGenerator>(
        deckID: String, source: DeckSource, pool: DistractorPool, using rng: inout R
    ) -> (deck: Deck, summary: GenerationSummary) {
        let g = cards(pool: pool, using: &rng)
        var src = source
        if src.title == nil { src.title = reading.article.title }
        return (Deck(id: deckID, title: reading.article.title, source: src, cards: g.cards), g.summary)
    }
}

/// A small seeded generator (SplitMix64) for reproducible distractors and shuffles.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64
    public init(seed: UInt64) { state = seed }
    /// Seeds from text (e.g. the article checksum), so the same article gives the same deck.
    public init(seedText: String) {
        var h: UInt64 = 0xcbf29ce484222325
        for b in seedText.utf8 { h = (h ^ UInt64(b)) &* 0x100000001b3 }
        state = h
    }
    public mutating func next() -> UInt64 {
        state &+= 0x9e3779b97f4a7c15
        var z = state
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}
