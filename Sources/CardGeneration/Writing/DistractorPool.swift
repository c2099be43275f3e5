import DeckModel

/// Answers from other decks, by fact type. Multiple-choice options come from the card's
/// own article first; other decks only lend years and dates, which read alike in any
/// subject (a name from another deck is from another subject area).
public struct DistractorPool: Sendable {
    var byType: [FactType: [String]] = [:]
    private var owners: [FactType: [Int]] = [:]
    private var seen = Set<String>()

    public init() {}

    /// Collects the answers of other decks' cards that carry a `factType`.
    public init(cards: [Card]) {
        for c in cards where c.type != .truefalse {
            if let t = c.factType { add(c.answer, factType: t) }
        }
    }

    /// Adds one answer; `factType` is a `FactType` raw value ("year", "organisation", ...).
    /// `owner` marks the article it came from, for `excluding(owner:)`.
    public mutating func add(_ answer: String, factType: String, owner: Int = -1) {
        guard let t = FactType(rawValue: factType) else { return }
        let a = Text.trimmed(answer)
        guard !a.isEmpty, a.count < 80, seen.insert(t.rawValue + "|" + a).inserted else { return }
        byType[t, default: []].append(a)
        owners[t, default: []].append(owner)
    }

    /// The pool without what `owner` added.
    public func excluding(owner: Int) -> DistractorPool {
        var out = self
        for (t, list) in byType {
            let own = owners[t] ?? []
            guard own.contains(owner) else { continue }
            out.byType[t] = zip(list, own).compactMap { $1 == owner ? nil : $0 }
            out.owners[t] = own.filter { $0 != owner }
        }
        return out
    }

    public var count: Int { byType.values.reduce(0) { $0 + $1.count } }
}
