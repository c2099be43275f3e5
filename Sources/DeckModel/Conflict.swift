/// A card that takes part in a conflict, with the deck it belongs to.
public struct ConflictCard: Sendable, Hashable {
    public var deckId: String
    public var deckTitle: String
    public var card: Card
    /// The card's claim (kept apart so no one has to unwrap `card.claim`).
    public var claim: Claim

    public init(deckId: String, deckTitle: String, card: Card, claim: Claim) {
        self.deckId = deckId
        self.deckTitle = deckTitle
        self.card = card
        self.claim = claim
    }

    /// "Where Coffee Grows, Growing regions": the deck and section the card comes from.
    public var place: String {
        [deckTitle, card.source.section].compactMap { $0 }.joined(separator: ", ")
    }
}

/// Cards that state different values for the same thing (the same subject, quantity,
/// unit, kind and period) where nothing in their sentences explains the difference.
public struct Conflict: Sendable, Hashable {
    public var subject: String
    public var quantity: String
    public var unit: String
    public var kind: String
    public var time: String?
    /// Every card of the conflict, by value and then in deck order; cards that agree with
    /// one of them (the same figure, or a rounding of it) are among them.
    public var cards: [ConflictCard]

    public init(subject: String, quantity: String, unit: String, kind: String, time: String?, cards: [ConflictCard]) {
        self.subject = subject
        self.quantity = quantity
        self.unit = unit
        self.kind = kind
        self.time = time
        self.cards = cards
    }

    /// The different values stated, smallest first.
    public var values: [Double] {
        var out: [Double] = []
        for v in cards.map(\.claim.value).sorted() where out.last != v { out.append(v) }
        return out
    }

    /// The ids of the decks its cards come from, in the order of `cards`, each once.
    public var deckIds: [String] {
        var seen = Set<String>()
        return cards.map(\.deckId).filter { seen.insert($0).inserted }
    }

    /// The cards of this conflict that disagree with `card` (relation `.conflict`).
    public func others(disagreeingWith card: ConflictCard) -> [ConflictCard] {
        cards.filter { $0.claim.relation(to: card.claim) == .conflict && !($0.deckId == card.deckId && $0.card.id == card.card.id) }
    }

    /// "china: north korea trade": what the cards disagree about, for a heading.
    public var topic: String {
        var text = subject + ": " + quantity.split(separator: "|").joined(separator: " ")
        if let time { text += " (" + time + ")" }
        return text
    }
}
