/// Where a deck came from: the article it was generated or imported from.
public struct DeckSource: Sendable, Hashable {
    /// Path of the article as given on the command line (or the imported file).
    public var path: String?
    /// The article's own title.
    public var title: String?
    /// "sha256:<hex>" of the article bytes, to tell when a deck is stale.
    public var checksum: String?
    /// Which program made the deck ("factdeck generate 0.1.0").
    public var generator: String?

    public init(path: String? = nil, title: String? = nil, checksum: String? = nil, generator: String? = nil) {
        self.path = path
        self.title = title
        self.checksum = checksum
        self.generator = generator
    }
}

/// A deck file: a titled, ordered list of cards from one article.
public struct Deck: Sendable, Hashable {
    /// The `format` value every deck file carries.
    public static let format = "factdeck.deck"
    /// The newest deck format version this build reads and writes.
    public static let currentVersion = 1

    public var version: Int
    /// Stable deck id; also names the deck's progress (made file-safe by the store).
    public var id: String
    public var title: String
    public var source: DeckSource
    public var cards: [Card]

    public init(id: String, title: String, source: DeckSource = DeckSource(), cards: [Card], version: Int = Deck.currentVersion) {
        self.version = version
        self.id = id
        self.title = title
        self.source = source
        self.cards = cards
    }
}
