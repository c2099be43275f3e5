/// Finds conflicting sources: cards, in one deck or across decks, whose claims state
/// different values for the same thing with nothing in the sentences to explain it
/// (`Claim.relation(to:)` holds the rules). A pure function of the decks.
public enum ConflictFinder {
    private struct Key: Hashable {
        var subject: String
        var quantity: String
        var unit: String
        var kind: String
        var time: String?
    }

    private struct Member {
        var deck: Int
        var card: Int
    }

    /// The conflicts among `decks`, in the order their first cards appear.
    ///
    /// Cards whose claim states a change over time are left out (their figures are
    /// points on a path). Two cards taken from the same sentence of the same deck never
    /// conflict with each other: one sentence giving two figures for one thing is a
    /// range or a change the generator did not mark, not a disagreement. Cards in
    /// conflict with one another are reported together, with any card that agrees with
    /// one of them, so three sources saying 85, 85 and 90 make one conflict of three cards.
    public static func find(in decks: [Deck]) -> [Conflict] {
        var groups: [Key: [Member]] = [:]
        var order: [Key] = []
        for (d, deck) in decks.enumerated() {
            for (c, card) in deck.cards.enumerated() {
                guard let claim = card.claim, !claim.trend else { continue }
                let key = Key(subject: claim.subject, quantity: claim.quantity, unit: claim.unit, kind: claim.kind, time: claim.time)
                if groups[key] == nil { order.append(key) }
                groups[key, default: []].append(Member(deck: d, card: c))
            }
        }
        var conflicts: [Conflict] = []
        for key in order {
            guard let members = groups[key], members.count > 1 else { continue }
            conflicts += self.conflicts(key, members, decks)
        }
        return conflicts
    }

    private static func conflicts(_ key: Key, _ members: [Member], _ decks: [Deck]) -> [Conflict] {
        func claim(_ m: Member) -> Claim { decks[m.deck].cards[m.card].claim! }
        // The same claim stated by several cards is compared once.
        var claims: [Claim] = []
        var cardsOf: [[Member]] = []
        var index: [Claim: Int] = [:]
        for m in members {
            let c = claim(m)
            if let i = index[c] {
                cardsOf[i].append(m)
            } else {
                index[c] = claims.count
                claims.append(c)
                cardsOf.append([m])
            }
        }
        guard claims.count > 1 else { return [] }
        func sentence(_ m: Member) -> String { decks[m.deck].cards[m.card].source.sentence }
        func fromDifferentSentences(_ i: Int, _ j: Int) -> Bool {
            cardsOf[i].contains { a in cardsOf[j].contains { b in a.deck != b.deck || sentence(a) != sentence(b) } }
        }
        // Claims linked by a conflict form one group (union-find over claim indices).
        var parent = Array(claims.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        var linked = Set<Int>()
        for i in claims.indices {
            for j in claims.indices where j > i {
                guard claims[i].relation(to: claims[j]) == .conflict, fromDifferentSentences(i, j) else { continue }
                parent[root(j)] = root(i)
                linked.formUnion([i, j])
            }
        }
        guard !linked.isEmpty else { return [] }
        // Claims that agree with a member (same figure up to rounding, overlapping range)
        // join its group, so every card saying one side is listed.
        var groups: [Int: [Int]] = [:]
        for i in linked { groups[root(i), default: []].append(i) }
        for i in claims.indices where !linked.contains(i) {
            if let r = groups.keys.sorted().first(where: { r in groups[r]!.contains { claims[$0].relation(to: claims[i]) != .conflict } }) {
                groups[r]!.append(i)
            }
        }
        return groups.keys.sorted { groups[$0]!.min()! < groups[$1]!.min()! }.map { r in
            let members = groups[r]!.flatMap { cardsOf[$0] }.sorted {
                let (a, b) = (claim($0), claim($1))
                return (a.value, $0.deck, $0.card) < (b.value, $1.deck, $1.card)
            }
            let cards = members.map { m in
                let deck = decks[m.deck]
                return ConflictCard(deckId: deck.id, deckTitle: deck.title, card: deck.cards[m.card], claim: claim(m))
            }
            return Conflict(subject: key.subject, quantity: key.quantity, unit: key.unit, kind: key.kind, time: key.time, cards: cards)
        }
    }
}
