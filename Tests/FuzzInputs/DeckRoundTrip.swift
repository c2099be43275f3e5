import DeckModel
import JSONKit

/// Whether a deck a reader made (decoded, generated or imported) is one `factdeck study`
/// reads back as it was written.
public enum DeckRoundTrip {
    /// What goes wrong when `deck` is written and read back, nil when nothing does: the file
    /// must read, hold the same cards (scores rounded to the three decimals the file keeps),
    /// and be written again byte for byte.
    public static func problem(_ deck: Deck) -> String? {
        let path = "decks/\(deck.id).json"
        let written = DeckCodec.encode(deck)
        let read: Deck
        do {
            read = try DeckCodec.decode(written, path: path)
        } catch {
            return "the deck as written does not read: \(error)"
        }
        // Rounded as the writer rounds, not compared within half a thousandth: 0.2895 is
        // written as 0.29, and in binary the two are a little more than 0.0005 apart (a fuzz finding).
        var expected = deck
        for i in expected.cards.indices { expected.cards[i].score = (expected.cards[i].score * 1000).rounded() / 1000 }
        if read != expected {
            guard read.cards.count == expected.cards.count,
                  let i = read.cards.indices.first(where: { read.cards[$0] != expected.cards[$0] }) else {
                return "the deck reads back as another deck: \(read)"
            }
            return "card \(i + 1) reads back as \(read.cards[i]), not \(expected.cards[i])"
        }
        if DeckCodec.encode(read) != written { return "the deck is written otherwise once read back" }
        return nil
    }

    /// `DeckCodec.decode` without its fast path: the JSON tree, then the deck's checks. The
    /// fast path must give the same deck whenever it gives one.
    public static func decodeGeneric(_ bytes: [UInt8], path: String) throws(DeckFileError) -> Deck {
        let root: JSONValue
        do {
            root = try JSONParser.parse(bytes)
        } catch {
            throw .syntax(path: path, line: error.line, column: error.column, problem: error.problem)
        }
        return try DeckCodec.decode(root, path: path)
    }
}
