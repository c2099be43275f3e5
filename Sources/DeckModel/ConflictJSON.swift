import JSONKit

extension Conflict {
    /// The conflict as `factdeck conflicts --json` and `stats --json` print it (a public
    /// contract, DESIGN.md): what the cards disagree about, the values, and each card with
    /// its deck, id, answer, value, section and sentence.
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [
            ("subject", .string(subject)), ("quantity", .string(quantity)), ("unit", .string(unit)), ("kind", .string(kind)),
        ]
        if let time { m.append(("time", .string(time))) }
        m.append(("values", .array(values.map(JSONValue.number))))
        m.append(("cards", .array(cards.map(\.json))))
        return .object(m)
    }
}

extension ConflictCard {
    public var json: JSONValue {
        var m: [(String, JSONValue)] = [
            ("deck", .string(deckId)), ("deckTitle", .string(deckTitle)), ("card", .string(card.id)),
            ("answer", .string(card.answer)), ("value", .number(claim.value)),
        ]
        if let low = claim.low { m.append(("low", .number(low))) }
        if let high = claim.high { m.append(("high", .number(high))) }
        if let section = card.source.section { m.append(("section", .string(section))) }
        m.append(("sentence", .string(card.source.sentence)))
        return .object(m)
    }
}
