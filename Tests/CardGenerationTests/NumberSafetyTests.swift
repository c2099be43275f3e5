import SeededRandom
import Articles
import Foundation
import Testing
@testable import CardGeneration

/// Numbers in article text are read, perturbed and written without a trapping conversion:
/// a number too long to handle is simply not an answer (issue: a 34-digit "year" crashed
/// `generate` in Distractors.format).
@Suite struct NumberSafetyTests {
    @Test(arguments: [
        ("1,300", 1300.0), ("5.3", 5.3), ("2019", 2019.0), ("0.000123", 0.000123),
        ("999999999999999", 999_999_999_999_999.0), ("000000000000000000042", 42.0),
    ])
    func readableNumbers(text: String, value: Double) {
        #expect(ArticleNumber.value(text) == value)
    }

    @Test(arguments: [
        "2019999999999999999999999999999990", "1000000000000000", "1.2.3", "1e999", "nan", "inf", "",
        String(repeating: "9", count: 5000), "0." + String(repeating: "1", count: 400),
    ])
    func unreadableNumbersAreNotNumbers(text: String) {
        #expect(ArticleNumber.value(text) == nil)
    }

    @Test func integersOutsideTheExactRangeAreNil() {
        #expect(ArticleNumber.integer(.infinity) == nil)
        #expect(ArticleNumber.integer(.nan) == nil)
        #expect(ArticleNumber.integer(2e33) == nil)
        #expect(ArticleNumber.integer(-2e33) == nil)
        #expect(ArticleNumber.integer(1234.6) == 1235)
        #expect(NumberOptions.format(2e33, decimals: 0, grouped: true) == nil)
        #expect(NumberOptions.format(1_234_567, decimals: 0, grouped: true) == "1,234,567")
    }

    /// The reproduction from the bug report, read from a file as `generate` reads it.
    @Test func theReportedArticleGivesCardsWithoutTheLongNumber() throws {
        let path = Paths.fixtures.appendingPathComponent("crashes/long-digit-string.txt").path
        let article = try ArticleReader.read(contentsOfFile: path)
        var rng = SeededGenerator(seed: 1)
        let deck = DeckGenerator.generate(article: article, deckID: "arms", pool: DistractorPool(), analyzer: try englishAnalyzer(), using: &rng)
        #expect(!deck.cards.isEmpty)
        for card in deck.cards {
            #expect(!card.answer.contains("2019999"), "\(card.question) -> \(card.answer)")
            // never half of the range either
            #expect(card.answer != "2020", "\(card.question)")
            #expect(!card.choices.contains { $0.contains("2019999") })
        }
    }

    static let long = String(repeating: "9", count: 40)

    /// Huge numbers in every position a number fact can take: money, percent, range, ratio,
    /// ordinal, date, count. None crashes and none becomes an answer or an option.
    @Test(arguments: [
        "The company paid $\(long) billion for the mine in 1998.",
        "The mine held \(long) percent of the ore reserves of Chile.",
        "Between 2019 and \(long), exports to Japan rose by 40 percent.",
        "The ratio was \(long)/80 in the northern mines of Peru.",
        "It was the \(long)th mine opened by the Chilean state in 1971.",
        "The mine opened on 5 March \(long) near the city of Antofagasta.",
        "About \(long) workers were employed at the Chuquicamata mine in 1990.",
        "The mine produced \(long).5 tonnes of copper, twice the output of 1980.",
        "Output rose from 250 to \(long) tonnes of copper between 1970 and 1990.",
    ])
    func hugeNumbersNeverBecomeAnswers(sentence: String) throws {
        let deck = try cards("Copper mining in Chile", [[sentence, "Copper mining began in Chile in 1912 at the Chuquicamata mine."]])
        for card in deck.cards {
            #expect(!card.answer.contains("9999999999"), "\(card.question) -> \(card.answer)")
            #expect(!card.choices.contains { $0.contains("9999999999") || $0.contains("e+") })
        }
    }
}
