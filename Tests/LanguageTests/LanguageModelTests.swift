import Foundation
import Testing

@testable import Language

@Suite struct LanguageModelTests {
    @Test func theShippedModelLoadsAndRoundTrips() throws {
        let model = try SentenceAnalyzer.english().model
        let bytes = model.encoded()
        let again = try LanguageModel(decoding: bytes)
        #expect(again.encoded() == bytes)
        #expect(model.provenance.contains("EWT"))
    }

    @Test func aDamagedModelIsRefusedNotCrashedOn() throws {
        let bytes = try SentenceAnalyzer.english().model.encoded()
        for cut in [0, 10, 40, bytes.count / 2, bytes.count - 1] {
            #expect(throws: LanguageError.self) { try LanguageModel(decoding: Array(bytes.prefix(cut))) }
        }
        var flipped = bytes
        flipped[3] ^= 0xFF
        #expect(throws: LanguageError.malformedModel(reason: "not a factdeck language model")) { try LanguageModel(decoding: flipped) }
    }

    @Test func emptyAndPunctuationOnlyInputs() throws {
        let analyzer = try SentenceAnalyzer.english()
        #expect(analyzer.analyse("").words.isEmpty)
        #expect(analyzer.analyse("   ").words.isEmpty)
        let bang = analyzer.analyse("!")
        #expect(bang.words.count == 1)
        #expect(bang.words[0].head == nil)
        #expect(bang.words[0].relation == .root)
    }

    /// Every parse is one tree: a single root, every word reaches it, no cycles, and it is
    /// projective (so subtrees are contiguous).
    @Test(arguments: [
        "Al-Zaman : American forces killed Shaikh Abdullah al-Ani, the preacher at the mosque in the town of Qaim, near the Syrian border.",
        "In what year did Martin Luther receive his master's degree?",
        "and , , the the of",
        "Buffalo buffalo Buffalo buffalo buffalo buffalo Buffalo buffalo.",
    ])
    func everyParseIsAProjectiveTree(_ sentence: String) throws {
        let parsed = try SentenceAnalyzer.english().analyse(sentence)
        #expect(parsed.words.filter { $0.head == nil }.count == 1)
        let root = try #require(parsed.root)
        for w in parsed.words.indices {
            #expect(parsed.descends(w, from: root))
            let span = parsed.subtree(of: w)
            for k in span { #expect(parsed.descends(k, from: w)) }
        }
    }
}
