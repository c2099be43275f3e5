import DeckModel
import Foundation
import FuzzInputs
import Testing

/// Deck files damaged every way a fuzzer would damage them: `DeckCodec.decode` never
/// crashes, agrees with its generic path, writes back what it reads, and names the file,
/// line and column of what it refuses.
@Suite struct DeckCodecFuzzPropertyTests {
    /// Small decks cut from the bundled ones: a few cards of every type, every field used.
    static let seeds: [[UInt8]] = ProjectFiles.files(in: "decks", endingIn: ".json").map { path in
        var deck = try! DeckCodec.decode(ProjectFiles.bytes(path), path: path)
        deck.cards = CardType.allCases.flatMap { type in deck.cards.filter { $0.type == type }.prefix(2) }
        return DeckCodec.encode(deck)
    }

    static let tokens = [
        "\"format\":", "\"factdeck.deck\"", "\"version\":", "\"cards\":", "\"type\":", "\"choice\"", "\"cloze\"", "\"truefalse\"",
        "\"question\":", "\"answer\":", "\"accept\":", "\"choices\":", "\"score\":", "\"source\":", "\"id\":", "null", "true",
        "[]", "{}", "\"\"", "1e308", "-1", "2", ",", ":",
    ]

    @Test func mutatedDecksAreReadOrRefusedWithTheirPlace() {
        let path = "decks/mutated.json"
        var read = 0
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 2000, seed: 22, tokens: Self.tokens).enumerated() {
            let decoded = Result { () throws(DeckFileError) in try DeckCodec.decode(bytes, path: path) }
            let generic = Result { () throws(DeckFileError) in try DeckRoundTrip.decodeGeneric(bytes, path: path) }
            #expect(decoded == generic, "input \(i)")
            if let fast = DeckCodec.decodeFast(bytes) { #expect(generic == .success(fast), "input \(i)") }
            switch decoded {
            case .success(let deck):
                read += 1
                #expect(DeckRoundTrip.problem(deck) == nil, "input \(i)")
                #expect(deck.cards.count <= bytes.count / 20, "input \(i): more cards than the bytes can hold")
            case .failure(let error):
                #expect(error.description.hasPrefix(path), "input \(i): \(error)")
                if case .syntax(_, let line, let column, _) = error {
                    #expect(line >= 1 && line <= Lines.count(bytes) && column >= 1, "input \(i): \(error)")
                }
            }
        }
        // The mutations must leave some decks readable, or the test only tries the error paths.
        #expect(read >= 100)
    }

    /// Found by fuzzing (fuzz-deck, a mutated bundled deck): a score of 0.2895 is written as
    /// 0.29, which the round trip took for another deck (in binary the two are a little more
    /// than 0.0005 apart). The file keeps three decimals, rounded half away from zero.
    @Test func aScoreHalfwayBetweenThousandthsIsWrittenRoundedAndReadBack() throws {
        let url = try #require(Bundle.module.url(forResource: "score-half-thousandth", withExtension: "json", subdirectory: "Fixtures/fuzz-crashes"))
        let deck = try DeckCodec.decode(Array(try Data(contentsOf: url)), path: "decks/half-thousandth.json")
        #expect(deck.cards.map(\.score) == [0.2895])
        #expect(DeckRoundTrip.problem(deck) == nil)
        let reread = try DeckCodec.decode(DeckCodec.encode(deck), path: "decks/half-thousandth.json")
        #expect(reread.cards.map(\.score) == [0.29])
    }
}
