import JSONKit

/// Reads and writes deck files (format "factdeck.deck"), validating every field with a
/// message that names the card, never a decoding stack.
public enum DeckCodec {
    /// Parses and validates a deck file's bytes; `path` is only used in error messages.
    public static func decode(_ bytes: [UInt8], path: String) throws(DeckFileError) -> Deck {
        // Valid decks of the usual shape decode straight from the bytes; anything else
        // (including every error) takes the generic path below, which words the problem.
        if let deck = decodeFast(bytes) { return deck }
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(path: path, line: error.line, column: error.column, problem: error.problem)
        }
        return try decode(root, path: path)
    }

    /// Validates an already parsed deck document.
    public static func decode(_ root: JSONValue, path: String) throws(DeckFileError) -> Deck {
        func bad(_ problem: String) -> DeckFileError { .invalid(path: path, problem: problem) }
        guard root.objectValue != nil else { throw bad("the file holds \(root.typeName), not a deck object") }
        guard root["format"]?.stringValue == Deck.format else {
            throw bad("\"format\" is not \"\(Deck.format)\" (is this a deck file?)")
        }
        guard let version = root["version"]?.intValue, version >= 1 else {
            throw bad("\"version\" is missing or not a positive whole number")
        }
        if version > Deck.currentVersion { throw .newerVersion(path: path, version: version) }
        guard let id = root["id"]?.stringValue, !id.allSatisfy(\.isWhitespace) else {
            throw bad("the deck has no \"id\"")
        }
        let title = root["title"]?.stringValue ?? id
        var source = DeckSource()
        if let s = root["source"], s.objectValue != nil {
            source.path = s["path"]?.stringValue
            source.title = s["title"]?.stringValue
            source.checksum = s["checksum"]?.stringValue
            source.generator = s["generator"]?.stringValue
        }
        guard let rawCards = root["cards"]?.arrayValue else { throw bad("the deck has no \"cards\" list") }
        var cards: [Card] = []
        cards.reserveCapacity(rawCards.count)
        var seen = Set<String>()
        for (i, raw) in rawCards.enumerated() {
            let card = try decodeCard(raw, label: "card \(i + 1)", path: path)
            guard seen.insert(card.id).inserted else { throw bad("card \(i + 1) (\(card.id)) has the same id as an earlier card") }
            cards.append(card)
        }
        return Deck(id: id, title: title, source: source, cards: cards, version: version)
    }

    /// Validates one card object as a deck file holds it (also the learner's edited cards,
    /// stored in the same shape); `label` names it in errors ("card 3").
    public static func decodeCard(_ raw: JSONValue, label number: String, path: String) throws(DeckFileError) -> Card {
        func bad(_ problem: String) -> DeckFileError { .invalid(path: path, problem: problem) }
        guard raw.objectValue != nil else { throw bad("\(number) is \(raw.typeName), not a card object") }
        guard let cid = raw["id"]?.stringValue, !cid.isEmpty else { throw bad("\(number) has no id") }
        let label = "\(number) (\(cid))"
        guard let typeName = raw["type"]?.stringValue else { throw bad("\(label) has no type") }
        guard let type = CardType(rawValue: typeName) else {
            throw bad("\(label) has unknown type \"\(typeName)\" (expected cloze, question, choice or truefalse)")
        }
        guard let question = raw["question"]?.stringValue, !question.isEmpty else { throw bad("\(label) has no question") }
        guard let answer = raw["answer"]?.stringValue, !answer.isEmpty else { throw bad("\(label) has no answer") }
        let accept = try strings(raw["accept"], "\(label): \"accept\"", bad)
        let choices = try strings(raw["choices"], "\(label): \"choices\"", bad)
        if type == .choice {
            guard choices.count >= 2 else { throw bad("\(label) is multiple choice but has fewer than two choices") }
            guard choices.contains(answer) else { throw bad("\(label) is multiple choice but its answer is not among its choices") }
        }
        if type == .cloze && !question.contains("____") {
            throw bad("\(label) is a cloze card but its question has no ____ gap")
        }
        var cardSource = CardSource(sentence: "")
        if let s = raw["source"] {
            if let sentence = s.stringValue {
                cardSource.sentence = sentence
            } else if s.objectValue != nil {
                cardSource.sentence = s["sentence"]?.stringValue ?? ""
                cardSource.section = s["section"]?.stringValue
                cardSource.paragraph = s["paragraph"]?.intValue
                cardSource.index = s["index"]?.intValue
            }
        }
        var score = 0.5
        if let sv = raw["score"], !sv.isNull {
            guard let d = sv.doubleValue, d >= 0, d <= 1 else { throw bad("\(label) has a score outside 0 to 1") }
            score = d
        }
        var claim: Claim?
        if let c = raw["claim"], !c.isNull { claim = try decodeClaim(c, label: label, bad) }
        return Card(
            id: cid, type: type, question: question, answer: answer, accept: accept, choices: choices,
            source: cardSource, score: score, factType: raw["fact"]?.stringValue, claim: claim)
    }

    /// A card's "claim" object. Strict, unlike the older optional fields: a claim that is
    /// there but wrong would make conflicts appear or vanish without a word.
    private static func decodeClaim(
        _ raw: JSONValue, label: String, _ bad: (String) -> DeckFileError
    ) throws(DeckFileError) -> Claim {
        let what = "\(label): \"claim\""
        guard raw.objectValue != nil else { throw bad("\(what) is \(raw.typeName), not an object") }
        func text(_ key: String) throws(DeckFileError) -> String {
            guard let s = raw[key]?.stringValue, !Claim.normalised(s).isEmpty else { throw bad("\(what) has no \"\(key)\" text") }
            return s
        }
        func number(_ key: String) throws(DeckFileError) -> Double? {
            guard let v = raw[key], !v.isNull else { return nil }
            guard let d = v.doubleValue, d.isFinite else { throw bad("\(what): \"\(key)\" is not a number") }
            return d
        }
        func flag(_ key: String) throws(DeckFileError) -> Bool {
            guard let v = raw[key], !v.isNull else { return false }
            guard let b = v.boolValue else { throw bad("\(what): \"\(key)\" is not true or false") }
            return b
        }
        let subject = try text("subject"), quantity = try text("quantity"), unit = try text("unit"), kind = try text("kind")
        guard let value = try number("value") else { throw bad("\(what) has no \"value\" number") }
        let low = try number("low"), high = try number("high")
        if let low, let high, low > high { throw bad("\(what): \"low\" is above \"high\"") }
        var time: String?
        if let t = raw["time"], !t.isNull {
            guard let s = t.stringValue else { throw bad("\(what): \"time\" is not text") }
            time = s
        }
        return Claim(
            subject: subject, quantity: quantity, value: value, unit: unit, kind: kind, low: low, high: high,
            approximate: try flag("approximate"), time: time, trend: try flag("trend"))
    }

    private static func strings(
        _ v: JSONValue?, _ what: String, _ bad: (String) -> DeckFileError
    ) throws(DeckFileError) -> [String] {
        guard let v, !v.isNull else { return [] }
        guard let items = v.arrayValue else { throw bad("\(what) is not a list of text") }
        var out: [String] = []
        for item in items {
            guard let s = item.stringValue else { throw bad("\(what) holds \(item.typeName), expected text") }
            out.append(s)
        }
        return out
    }

    /// The deck as a JSON document, keys in a fixed order (stable diffs across regenerations).
    public static func jsonValue(_ deck: Deck) -> JSONValue {
        var source: [(String, JSONValue)] = []
        if let p = deck.source.path { source.append(("path", .string(p))) }
        if let t = deck.source.title { source.append(("title", .string(t))) }
        if let c = deck.source.checksum { source.append(("checksum", .string(c))) }
        if let g = deck.source.generator { source.append(("generator", .string(g))) }
        return .object([
            ("format", .string(Deck.format)),
            ("version", .number(Double(deck.version))),
            ("id", .string(deck.id)),
            ("title", .string(deck.title)),
            ("source", .object(source)),
            ("cards", .array(deck.cards.map(cardValue))),
        ])
    }

    /// One card as a deck file holds it, keys in a fixed order.
    public static func cardValue(_ card: Card) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("id", .string(card.id)),
            ("type", .string(card.type.rawValue)),
            ("question", .string(card.question)),
            ("answer", .string(card.answer)),
        ]
        if !card.accept.isEmpty { m.append(("accept", .array(card.accept.map(JSONValue.string)))) }
        if !card.choices.isEmpty { m.append(("choices", .array(card.choices.map(JSONValue.string)))) }
        var s: [(String, JSONValue)] = [("sentence", .string(card.source.sentence))]
        if let sec = card.source.section { s.append(("section", .string(sec))) }
        if let p = card.source.paragraph { s.append(("paragraph", .number(Double(p)))) }
        if let i = card.source.index { s.append(("index", .number(Double(i)))) }
        m.append(("source", .object(s)))
        m.append(("score", .number((card.score * 1000).rounded() / 1000)))
        if let f = card.factType { m.append(("fact", .string(f))) }
        if let c = card.claim { m.append(("claim", claimValue(c))) }
        return .object(m)
    }

    /// A claim as a deck file holds it: false flags and absent bounds left out.
    public static func claimValue(_ c: Claim) -> JSONValue {
        var m: [(String, JSONValue)] = [
            ("subject", .string(c.subject)), ("quantity", .string(c.quantity)), ("value", .number(c.value)),
            ("unit", .string(c.unit)), ("kind", .string(c.kind)),
        ]
        if let low = c.low { m.append(("low", .number(low))) }
        if let high = c.high { m.append(("high", .number(high))) }
        if c.approximate { m.append(("approximate", .bool(true))) }
        if let t = c.time { m.append(("time", .string(t))) }
        if c.trend { m.append(("trend", .bool(true))) }
        return .object(m)
    }

    /// Pretty-printed deck file bytes, ending with a newline.
    public static func encode(_ deck: Deck) -> [UInt8] {
        var bytes = jsonValue(deck).encoded(indent: 2)
        bytes.append(0x0A)
        return bytes
    }
}
