import JSONKit

/// The fast path of `DeckCodec.decode`: builds the deck straight from the bytes with a
/// `JSONScanner`, no `JSONValue` tree. It only handles valid decks of the expected shape;
/// on anything else (a syntax error, a failed check, an odd type where the generic path
/// would shrug) it gives up, and the generic path decodes the file or words the error.
extension DeckCodec {
    /// The deck in `bytes` when the fast path can decode it, nil when it declines (the file
    /// may still be valid: `decode(_:path:)` is the authority). Equal to the generic
    /// result whenever it is not nil.
    public static func decodeFast(_ bytes: [UInt8]) -> Deck? {
        bytes.withUnsafeBufferPointer { buf -> Deck? in
            var s = JSONScanner(buf)
            return try? fastDeck(&s)
        }
    }

    private typealias Mismatch = JSONScanner.Mismatch

    private static func fastDeck(_ s: inout JSONScanner) throws(Mismatch) -> Deck {
        var seen: UInt32 = 0
        /// True the first time a key is met; later duplicates are skipped (the generic
        /// path reads the first member of a name too).
        func first(_ bit: UInt32) -> Bool {
            if seen & bit != 0 { return false }
            seen |= bit
            return true
        }
        var format: String?
        var version: Int?
        var id: String?
        var title: String?
        var source = DeckSource()
        var cards: [Card]?
        guard try s.beginObject() else { throw Mismatch() }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "format"), first(1) {
                format = s.null() ? nil : try s.string()
            } else if JSONScanner.equals(k, "version"), first(2) {
                guard !s.null(), let v = JSONScanner.intValue(try s.number()) else { throw Mismatch() }
                version = v
            } else if JSONScanner.equals(k, "id"), first(4) {
                id = s.null() ? nil : try s.string()
            } else if JSONScanner.equals(k, "title"), first(8) {
                title = s.null() ? nil : try s.string()
            } else if JSONScanner.equals(k, "source"), first(16) {
                if !s.null() { source = try fastDeckSource(&s) }
            } else if JSONScanner.equals(k, "cards"), first(32) {
                cards = try fastCards(&s)
            } else {
                try s.skipValue(depth: 1)
            }
        } while try s.nextMember()
        try s.finish()
        guard format == Deck.format, let version, version >= 1, version <= Deck.currentVersion,
            let id, !id.allSatisfy(\.isWhitespace), let cards
        else { throw Mismatch() }
        return Deck(id: id, title: title ?? id, source: source, cards: cards, version: version)
    }

    private static func optionalString(_ s: inout JSONScanner) throws(Mismatch) -> String? {
        s.null() ? nil : try s.string()
    }

    private static func fastDeckSource(_ s: inout JSONScanner) throws(Mismatch) -> DeckSource {
        var source = DeckSource()
        var seen: UInt32 = 0
        guard try s.beginObject() else { return source }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "path"), seen & 1 == 0 {
                seen |= 1
                source.path = try optionalString(&s)
            } else if JSONScanner.equals(k, "title"), seen & 2 == 0 {
                seen |= 2
                source.title = try optionalString(&s)
            } else if JSONScanner.equals(k, "checksum"), seen & 4 == 0 {
                seen |= 4
                source.checksum = try optionalString(&s)
            } else if JSONScanner.equals(k, "generator"), seen & 8 == 0 {
                seen |= 8
                source.generator = try optionalString(&s)
            } else {
                try s.skipValue(depth: 2)
            }
        } while try s.nextMember()
        return source
    }

    private static func fastCards(_ s: inout JSONScanner) throws(Mismatch) -> [Card] {
        var cards: [Card] = []
        guard try s.beginArray() else { return cards }
        // A deck card takes some 100-200 bytes: avoid most regrowth.
        cards.reserveCapacity(max(16, (s.end - s.pos) / 160))
        var ids = Set<String>()
        ids.reserveCapacity(cards.capacity)
        repeat {
            let card = try fastCard(&s)
            guard ids.insert(card.id).inserted else { throw Mismatch() }
            cards.append(card)
        } while try s.nextItem()
        return cards
    }

    private static func fastCardType(_ s: inout JSONScanner) throws(Mismatch) -> CardType {
        if let t = try s.plainStringBytes() {
            if JSONScanner.equals(t, "question") { return .question }
            if JSONScanner.equals(t, "cloze") { return .cloze }
            if JSONScanner.equals(t, "choice") { return .choice }
            if JSONScanner.equals(t, "truefalse") { return .truefalse }
            throw Mismatch()
        }
        guard let t = CardType(rawValue: try s.string()) else { throw Mismatch() }
        return t
    }

    private static func fastStrings(_ s: inout JSONScanner) throws(Mismatch) -> [String] {
        if s.null() { return [] }
        var out: [String] = []
        guard try s.beginArray() else { return out }
        repeat { out.append(try s.string()) } while try s.nextItem()
        return out
    }

    private static func optionalInt(_ s: inout JSONScanner) throws(Mismatch) -> Int? {
        s.null() ? nil : JSONScanner.intValue(try s.number())
    }

    private static func fastCardSource(_ s: inout JSONScanner) throws(Mismatch) -> CardSource {
        var src = CardSource(sentence: "")
        if s.null() { return src }
        if s.peek() == UInt8(ascii: "\"") {
            src.sentence = try s.string()
            return src
        }
        var seen: UInt32 = 0
        guard try s.beginObject() else { return src }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "sentence"), seen & 1 == 0 {
                seen |= 1
                src.sentence = try optionalString(&s) ?? ""
            } else if JSONScanner.equals(k, "section"), seen & 2 == 0 {
                seen |= 2
                src.section = try optionalString(&s)
            } else if JSONScanner.equals(k, "paragraph"), seen & 4 == 0 {
                seen |= 4
                src.paragraph = try optionalInt(&s)
            } else if JSONScanner.equals(k, "index"), seen & 8 == 0 {
                seen |= 8
                src.index = try optionalInt(&s)
            } else {
                try s.skipValue(depth: 4)
            }
        } while try s.nextMember()
        return src
    }

    private static func fastCard(_ s: inout JSONScanner) throws(Mismatch) -> Card {
        var seen: UInt32 = 0
        var id: String?
        var type: CardType?
        var question: String?
        var answer: String?
        var accept: [String] = []
        var choices: [String] = []
        var source = CardSource(sentence: "")
        var score = 0.5
        var fact: String?
        var claim: Claim?
        guard try s.beginObject() else { throw Mismatch() }
        repeat {
            let k = try s.key()
            if JSONScanner.equals(k, "id"), seen & 1 == 0 {
                seen |= 1
                id = try optionalString(&s)
            } else if JSONScanner.equals(k, "type"), seen & 2 == 0 {
                seen |= 2
                type = s.null() ? nil : try fastCardType(&s)
            } else if JSONScanner.equals(k, "question"), seen & 4 == 0 {
                seen |= 4
                question = try optionalString(&s)
            } else if JSONScanner.equals(k, "answer"), seen & 8 == 0 {
                seen |= 8
                answer = try optionalString(&s)
            } else if JSONScanner.equals(k, "accept"), seen & 16 == 0 {
                seen |= 16
                accept = try fastStrings(&s)
            } else if JSONScanner.equals(k, "choices"), seen & 32 == 0 {
                seen |= 32
                choices = try fastStrings(&s)
            } else if JSONScanner.equals(k, "source"), seen & 64 == 0 {
                seen |= 64
                source = try fastCardSource(&s)
            } else if JSONScanner.equals(k, "score"), seen & 128 == 0 {
                seen |= 128
                if !s.null() {
                    let d = try s.number()
                    guard d >= 0, d <= 1 else { throw Mismatch() }
                    score = d
                }
            } else if JSONScanner.equals(k, "fact"), seen & 256 == 0 {
                seen |= 256
                fact = try optionalString(&s)
            } else if JSONScanner.equals(k, "claim"), seen & 512 == 0 {
                seen |= 512
                claim = s.null() ? nil : try fastClaim(&s)
            } else {
                try s.skipValue(depth: 3)
            }
        } while try s.nextMember()
        guard let id, !id.isEmpty, let type, let question, !question.isEmpty, let answer, !answer.isEmpty else {
            throw Mismatch()
        }
        if type == .choice {
            guard choices.count >= 2, choices.contains(answer) else { throw Mismatch() }
        }
        if type == .cloze && !question.contains("____") { throw Mismatch() }
        return Card(
            id: id, type: type, question: question, answer: answer, accept: accept, choices: choices,
            source: source, score: score, factType: fact, claim: claim)
    }

    /// A card's claim; declines whatever the generic path would refuse.
    private static func fastClaim(_ s: inout JSONScanner) throws(Mismatch) -> Claim {
        var seen: UInt32 = 0
        var texts: [String?] = [nil, nil, nil, nil]  // subject, quantity, unit, kind
        var value: Double?
        var low: Double?
        var high: Double?
        var approximate = false
        var trend = false
        var time: String?
        func finite(_ d: Double) throws(Mismatch) -> Double {
            guard d.isFinite else { throw Mismatch() }
            return d
        }
        guard try s.beginObject() else { throw Mismatch() }
        repeat {
            let k = try s.key()
            let textIndex = JSONScanner.equals(k, "subject") ? 0 : JSONScanner.equals(k, "quantity") ? 1
                : JSONScanner.equals(k, "unit") ? 2 : JSONScanner.equals(k, "kind") ? 3 : nil
            if let i = textIndex {
                if seen & (1 << i) == 0 {
                    seen |= 1 << i
                    texts[i] = try s.string()
                } else {
                    try s.skipValue(depth: 4)
                }
            } else if JSONScanner.equals(k, "value"), seen & 16 == 0 {
                seen |= 16
                value = try finite(try s.number())
            } else if JSONScanner.equals(k, "low"), seen & 32 == 0 {
                seen |= 32
                low = s.null() ? nil : try finite(try s.number())
            } else if JSONScanner.equals(k, "high"), seen & 64 == 0 {
                seen |= 64
                high = s.null() ? nil : try finite(try s.number())
            } else if JSONScanner.equals(k, "approximate"), seen & 128 == 0 {
                seen |= 128
                approximate = s.null() ? false : try s.bool()
            } else if JSONScanner.equals(k, "trend"), seen & 256 == 0 {
                seen |= 256
                trend = s.null() ? false : try s.bool()
            } else if JSONScanner.equals(k, "time"), seen & 512 == 0 {
                seen |= 512
                time = try optionalString(&s)
            } else {
                try s.skipValue(depth: 4)
            }
        } while try s.nextMember()
        guard let subject = texts[0], let quantity = texts[1], let unit = texts[2], let kind = texts[3], let value else {
            throw Mismatch()
        }
        if let low, let high, low > high { throw Mismatch() }
        let claim = Claim(
            subject: subject, quantity: quantity, value: value, unit: unit, kind: kind, low: low, high: high,
            approximate: approximate, time: time, trend: trend)
        guard !claim.subject.isEmpty, !claim.quantity.isEmpty, !claim.unit.isEmpty, !claim.kind.isEmpty else { throw Mismatch() }
        return claim
    }
}
