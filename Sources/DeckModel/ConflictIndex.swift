/// The conflicts by card: for each card in one, the cards of other sources that
/// disagree with it. What study and quiz ask after each answer.
public struct ConflictIndex: Sendable {
    private struct Key: Hashable {
        var deck: String
        var card: String
    }

    private var others: [Key: [ConflictCard]] = [:]
    private var conflictCount: [String: Int] = [:]

    public init(_ conflicts: [Conflict] = []) {
        for conflict in conflicts {
            for card in conflict.cards {
                let disagreeing = conflict.others(disagreeingWith: card)
                if !disagreeing.isEmpty { others[Key(deck: card.deckId, card: card.card.id), default: []] += disagreeing }
            }
            for deck in conflict.deckIds { conflictCount[deck, default: 0] += 1 }
        }
    }

    /// The cards that disagree with card `card` of deck `deck`; empty when it is in no conflict.
    public func others(deck: String, card: String) -> [ConflictCard] {
        others[Key(deck: deck, card: card)] ?? []
    }

    /// How many conflicts have a card in deck `deck`.
    public func count(deck: String) -> Int { conflictCount[deck] ?? 0 }

    public var isEmpty: Bool { others.isEmpty }
}
