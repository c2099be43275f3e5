/// Finds conflicting sources: cards, in one deck or across decks, whose claims state
/// different values for the same thing with nothing in the sentences to explain it
/// (`Claim.relation(to:)` holds the rules). A pure function of the decks.
public enum ConflictFinder {
    /// Claims are grouped by subject and quantity only (hashing is most of the cost at a
    /// study start); a different unit, kind or period within a group is no conflict by
    /// `Claim.relation(to:)`.
    private struct Key: Hashable {
        var subject: String
        var quantity: String
    }

    private struct Member {
        var deck: Int
        var card: Int
        /// Index of the card's claim in the list `find` gathers.
        var claim: Int
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
        // Cards are read by index, never copied whole: this runs at every study start.
        var all: [Claim] = []
        var groupOf: [Key: Int] = [:]
        var groups: [[Member]] = []
        let cards = decks.reduce(0) { $0 + $1.cards.count }
        all.reserveCapacity(cards / 4)
        groupOf.reserveCapacity(cards / 4)
        groups.reserveCapacity(cards / 4)
        for d in decks.indices {
            for c in decks[d].cards.indices {
                guard let claim = decks[d].cards[c].claim, !claim.trend else { continue }
                let key = Key(subject: claim.subject, quantity: claim.quantity)
                let member = Member(deck: d, card: c, claim: all.count)
                all.append(claim)
                if let g = groupOf[key] {
                    groups[g].append(member)
                } else {
                    groupOf[key] = groups.count
                    groups.append([member])
                }
            }
        }
        var conflicts: [Conflict] = []
        for members in groups where members.count > 1 && anyConflict(members, all) {
            conflicts += self.conflicts(members, all, decks)
        }
        return conflicts
    }

    /// Whether any two of `members` conflict, sentences aside: most groups are the same
    /// fact stated again, and answering that allocates nothing.
    private static func anyConflict(_ members: [Member], _ all: [Claim]) -> Bool {
        // A large group is compared claim by distinct claim in `conflicts` instead.
        if members.count > 16 { return true }
        for i in members.indices {
            for j in members.indices where j > i && all[members[i].claim].relation(to: all[members[j].claim]) == .conflict {
                return true
            }
        }
        return false
    }

    private static func conflicts(_ members: [Member], _ all: [Claim], _ decks: [Deck]) -> [Conflict] {
        func claim(_ m: Member) -> Claim { all[m.claim] }
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
        let agreeing: Set<ClaimRelation> = [.same, .rounding, .overlappingRanges]
        for i in claims.indices where !linked.contains(i) {
            if let r = groups.keys.sorted().first(where: { r in groups[r]!.contains { agreeing.contains(claims[$0].relation(to: claims[i])) } }) {
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
            let first = claims[r]
            return Conflict(subject: first.subject, quantity: first.quantity, unit: first.unit, kind: first.kind, time: first.time, cards: cards)
        }
    }
}
