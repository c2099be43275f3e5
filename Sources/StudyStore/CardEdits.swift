import DeckModel
import Foundation

/// The learner's own changes to generated cards: edited text and deleted cards, by deck id
/// and card id. Kept in the progress folder (`edits.json`), never in the deck files, so
/// regenerating a deck keeps them; applied whenever decks are loaded.
public struct CardEdits: Sendable, Hashable {
    /// The parts of a card the learner can change.
    public enum Field: String, Sendable, Hashable, CaseIterable, Comparable {
        case question, answer, accept, choices
        public static func < (a: Field, b: Field) -> Bool { allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)! }
    }

    /// What the learner did to one card.
    public struct Entry: Sendable, Hashable {
        public var deck: String
        public var card: String
        /// The card as the learner last left it, whole (nil when it was only deleted).
        public var edited: Card?
        /// The fields the learner changed: these win over a regenerated card's.
        public var fields: Set<Field>
        public var editedAt: Date?
        /// Set while the card is deleted.
        public var deletedAt: Date?

        public init(deck: String, card: String, edited: Card? = nil, fields: Set<Field> = [], editedAt: Date? = nil, deletedAt: Date? = nil) {
            self.deck = deck
            self.card = card
            self.edited = edited
            self.fields = fields
            self.editedAt = editedAt
            self.deletedAt = deletedAt
        }
    }

    /// Entries by deck id, then card id.
    public private(set) var decks: [String: [String: Entry]] = [:]

    public init(_ entries: [Entry] = []) {
        for e in entries { decks[e.deck, default: [:]][e.card] = e }
    }

    public var isEmpty: Bool { decks.isEmpty }

    /// Every entry, by deck then card id.
    public var entries: [Entry] {
        decks.keys.sorted().flatMap { d in decks[d]!.keys.sorted().map { decks[d]![$0]! } }
    }

    public func entry(deck: String, card: String) -> Entry? { decks[deck]?[card] }

    /// The entries for card id `card` in any deck (ids are unique within a deck only).
    public func entries(card: String) -> [Entry] { entries.filter { $0.card == card } }

    // MARK: changing

    /// Records the learner's version of a card; `fields` adds to the fields changed before.
    /// A card whose answer the learner changed keeps no claim: the generator's analysis
    /// was of the old answer, and the learner's answer is the learner's to settle.
    public mutating func recordEdit(deck: String, card: Card, fields: Set<Field>, at time: Date) {
        var e = decks[deck]?[card.id] ?? Entry(deck: deck, card: card.id)
        e.fields.formUnion(fields)
        var card = card
        if e.fields.contains(.answer) { card.claim = nil }
        e.edited = card
        e.editedAt = time
        decks[deck, default: [:]][card.id] = e
    }

    public mutating func delete(deck: String, card: String, at time: Date) {
        var e = decks[deck]?[card] ?? Entry(deck: deck, card: card)
        e.deletedAt = time
        decks[deck, default: [:]][card] = e
    }

    /// Brings a deleted card back (with the learner's edits, if any).
    public mutating func undelete(deck: String, card: String) {
        guard var e = decks[deck]?[card] else { return }
        e.deletedAt = nil
        if e.edited == nil {
            decks[deck]![card] = nil
            if decks[deck]!.isEmpty { decks[deck] = nil }
        } else {
            decks[deck]![card] = e
        }
    }

    // MARK: applying

    /// The deck as the learner sees it: deleted cards left out, edited ones as edited.
    ///
    /// When the deck still has the card (same id), the fields the learner changed replace
    /// the deck's and the rest (a better source sentence, say) comes from the deck; if the
    /// card changed kind in between, or the mix would not be a valid card, the learner's
    /// whole card is used. An edited card the deck no longer has (its fact left the
    /// article) stays, at the end, as the learner wrote it. Card ids, and so progress, are
    /// kept throughout. A card with the learner's answer has no claim (it never conflicts);
    /// other edits keep the regenerated card's claim.
    public func apply(to deck: Deck) -> Deck {
        guard let mine = decks[deck.id] else { return deck }
        var out = deck
        out.cards = []
        out.cards.reserveCapacity(deck.cards.count)
        var present = Set<String>()
        for card in deck.cards {
            present.insert(card.id)
            guard let e = mine[card.id] else {
                out.cards.append(card)
                continue
            }
            if e.deletedAt != nil { continue }
            out.cards.append(e.edited.map { Self.merge(generated: card, learner: $0, fields: e.fields) } ?? card)
        }
        for id in mine.keys.sorted() where !present.contains(id) {
            if let e = mine[id], e.deletedAt == nil, let edited = e.edited { out.cards.append(edited) }
        }
        return out
    }

    static func merge(generated: Card, learner: Card, fields: Set<Field>) -> Card {
        guard generated.type == learner.type else { return learner }
        var c = generated
        for f in fields {
            switch f {
            case .question: c.question = learner.question
            case .answer:
                c.answer = learner.answer
                c.claim = nil
            case .accept: c.accept = learner.accept
            case .choices: c.choices = learner.choices
            }
        }
        return CardValidation.problem(in: c) == nil ? c : learner
    }
}
