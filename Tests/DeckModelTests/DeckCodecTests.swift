import DeckModel
import JSONKit
import Testing

@Suite struct DeckCodecTests {
    static let sample = Deck(
        id: "solar-system", title: "The Solar System",
        source: DeckSource(path: "decks/sources/solar-system.md", title: "The Solar System", checksum: "sha256:00", generator: "test"),
        cards: [
            Card(
                id: "c-1", type: .cloze, question: "The largest planet is ____.", answer: "Jupiter", accept: ["planet Jupiter"],
                source: CardSource(sentence: "The largest planet is Jupiter.", section: "Planets", paragraph: 2, index: 7), score: 0.9,
                factType: "place"),
            Card(
                id: "c-2", type: .choice, question: "Which planet is closest to the Sun?", answer: "Mercury",
                choices: ["Venus", "Mercury", "Mars", "Earth"], source: CardSource(sentence: "Mercury is closest to the Sun."), score: 0.75),
        ])

    @Test func roundTripsEveryField() throws {
        let bytes = DeckCodec.encode(Self.sample)
        let back = try DeckCodec.decode(bytes, path: "x.json")
        #expect(back == Self.sample)
        let root = try JSONParser.parse(bytes)
        #expect(root["format"]?.stringValue == "factdeck.deck")
        #expect(root["version"]?.intValue == 1)
        #expect(root["cards"]?.arrayValue?[0]["source"]?["sentence"]?.stringValue == "The largest planet is Jupiter.")
    }

    /// Mutations of a valid deck and the words the error must contain.
    @Test(arguments: [
        (#"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"question","question":"Q?"}]}"#, "card 1 (a) has no answer"),
        (#"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"essay","question":"Q?","answer":"x"}]}"#, "unknown type \"essay\""),
        (#"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"cloze","question":"no gap","answer":"x"}]}"#, "has no ____ gap"),
        (#"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"choice","question":"Q?","answer":"x","choices":["y","z"]}]}"#, "answer is not among its choices"),
        (#"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"question","question":"Q?","answer":"x"},{"id":"a","type":"question","question":"Q?","answer":"y"}]}"#, "card 2 (a) has the same id"),
        (#"{"format":"factdeck.deck","version":1,"id":"d","cards":[{"id":"a","type":"question","question":"Q?","answer":"x","score":3}]}"#, "score outside 0 to 1"),
        (#"{"format":"factdeck.deck","version":1,"cards":[]}"#, "has no \"id\""),
        (#"{"format":"anki","version":1,"id":"d","cards":[]}"#, "is this a deck file?"),
        (#"[1,2]"#, "not a deck object"),
    ])
    func invalidDecksAreExplainedInWords(json: String, expected: String) {
        do {
            _ = try DeckCodec.decode(Array(json.utf8), path: "decks/x.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("decks/x.json: "))
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test func syntaxErrorNamesFileAndLine() {
        let text = "{\n\"format\": \"factdeck.deck\",\n\"version\": 1,,\n}"
        #expect(throws: DeckFileError.syntax(path: "d.json", line: 3, column: 14, problem: "expected a quoted key")) {
            try DeckCodec.decode(Array(text.utf8), path: "d.json")
        }
    }

    @Test func newerFormatVersionIsRefusedClearly() {
        let json = #"{"format":"factdeck.deck","version":2,"id":"d","cards":[]}"#
        do {
            _ = try DeckCodec.decode(Array(json.utf8), path: "decks/new.json")
            Issue.record("expected refusal")
        } catch {
            #expect(error == .newerVersion(path: "decks/new.json", version: 2))
            #expect(error.description.contains("Update factdeck"))
        }
    }

    @Test func unknownFieldsFromLaterVersionsAreIgnored() throws {
        let json = #"{"format":"factdeck.deck","version":1,"id":"d","title":"T","extra":{"x":1},"cards":[{"id":"a","type":"truefalse","question":"Q","answer":"true","future":[1]}]}"#
        let d = try DeckCodec.decode(Array(json.utf8), path: "d.json")
        #expect(d.cards.count == 1 && d.cards[0].type == .truefalse)
    }
}
