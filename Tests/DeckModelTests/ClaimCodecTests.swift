import Foundation
import DeckModel
import JSONKit
import Testing

/// The "claim" object of a deck card: written, read back, refused when wrong, absent in old decks.
@Suite struct ClaimCodecTests {
    static let full = Claim(
        subject: "China", quantity: "North Korea|trade", value: 84.6, unit: "percent", kind: "percent", low: 80, high: 90,
        approximate: true, time: "2019-2020", trend: true)
    static let plain = Claim(subject: "university of bologna", quantity: "found", value: 1088, unit: "year", kind: "year")

    static func deck(_ claims: [Claim?]) -> Deck {
        Deck(id: "d", title: "D", cards: claims.enumerated().map { i, claim in
            Card(id: "c-\(i)", type: .question, question: "Q\(i)?", answer: "A\(i)", source: CardSource(sentence: "S."), score: 0.5,
                 factType: claim?.kind, claim: claim)
        })
    }

    @Test func claimsRoundTripThroughBothDecoders() throws {
        let deck = Self.deck([Self.full, Self.plain, nil])
        let bytes = DeckCodec.encode(deck)
        #expect(try DeckCodec.decode(bytes, path: "d.json") == deck)
        #expect(DeckCodec.decodeFast(bytes) == deck, "written decks take the fast path")
        #expect(try DeckCodec.decode(JSONParser.parse(bytes), path: "d.json") == deck)
    }

    @Test func theClaimIsWrittenUnderItsOwnKeyBesideTheFactType() throws {
        let root = try JSONParser.parse(DeckCodec.encode(Self.deck([Self.full, Self.plain, nil])))
        let cards = try #require(root["cards"]?.arrayValue)
        #expect(cards[0]["fact"]?.stringValue == "percent")
        let full = try #require(cards[0]["claim"])
        #expect(full["subject"]?.stringValue == "china", "normalised lower-case")
        #expect(full["quantity"]?.stringValue == "north korea|trade")
        #expect(full["value"]?.doubleValue == 84.6)
        #expect(full["unit"]?.stringValue == "percent" && full["kind"]?.stringValue == "percent")
        #expect(full["low"]?.doubleValue == 80 && full["high"]?.doubleValue == 90)
        #expect(full["approximate"]?.boolValue == true && full["trend"]?.boolValue == true)
        #expect(full["time"]?.stringValue == "2019-2020")
        let plain = try #require(cards[1]["claim"]?.objectValue)
        #expect(plain.map(\.0) == ["subject", "quantity", "value", "unit", "kind"], "false flags and absent bounds are left out")
        #expect(cards[2]["claim"] == nil)
    }

    @Test func anOldDeckWithoutClaimsReadsAsBefore() throws {
        let json = #"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"question","question":"Q?","answer":"85%","fact":"percent","score":0.5}]}"#
        let deck = try DeckCodec.decode(Array(json.utf8), path: "d.json")
        #expect(deck.cards[0].claim == nil && deck.cards[0].factType == "percent")
        #expect(DeckCodec.decodeFast(Array(json.utf8)) == deck)
        let withNull = json.replacingOccurrences(of: #""score":0.5"#, with: #""score":0.5,"claim":null"#)
        #expect(try DeckCodec.decode(Array(withNull.utf8), path: "d.json") == deck)
    }

    static let base = #""subject":"china","quantity":"trade","unit":"percent","kind":"percent""#

    @Test(arguments: [
        (#"{"subject":"china","quantity":"trade","unit":"percent","kind":"percent"}"#, "has no \"value\" number"),
        (#"{"quantity":"trade","unit":"percent","kind":"percent","value":85}"#, "has no \"subject\" text"),
        (#"{"subject":"  ","quantity":"trade","unit":"percent","kind":"percent","value":85}"#, "has no \"subject\" text"),
        (#"{"subject":"china","quantity":"trade","unit":"percent","kind":7,"value":85}"#, "has no \"kind\" text"),
        ("{\(base),\"value\":\"85\"}", "\"value\" is not a number"),
        ("{\(base),\"value\":85,\"low\":90,\"high\":80}", "\"low\" is above \"high\""),
        ("{\(base),\"value\":85,\"approximate\":\"yes\"}", "\"approximate\" is not true or false"),
        ("{\(base),\"value\":85,\"time\":2019}", "\"time\" is not text"),
        (#""85 percent""#, "is text, not an object"),
    ])
    func aWrongClaimIsRefusedInWords(claim: String, expected: String) {
        let json = #"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"question","question":"Q?","answer":"x","claim":"#
            + claim + "}]}"
        #expect(DeckCodec.decodeFast(Array(json.utf8)) == nil, "the fast path leaves it to the generic one")
        do {
            _ = try DeckCodec.decode(Array(json.utf8), path: "decks/x.json")
            Issue.record("expected an error for \(claim)")
        } catch {
            #expect(error.description.contains("card 1 (a): \"claim\""), "\(error.description)")
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }
}
