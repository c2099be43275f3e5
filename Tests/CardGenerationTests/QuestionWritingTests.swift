import Testing
import DeckModel
@testable import CardGeneration

/// Statements rewritten as wh-questions: do-support, subject-auxiliary inversion, fronted
/// time phrases, subjects replaced by a wh-phrase, objects fronted with their "of" phrase.
@Suite("Question writing")
struct QuestionWritingTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var context: [String] = []
        var sentence: String
        var answer: String
        var question: String
        var testDescription: String { question }
    }

    static let cases: [Case] = [
        Case(sentence: "In 2018, North Korea expanded its internet access.", answer: "2018",
             question: "In what year did North Korea expand its internet access?"),
        Case(sentence: "China accounts for around 85% of North Korea's total trade volume.", answer: "85%",
             question: "About what share of North Korea's total trade volume does China account for?"),
        Case(sentence: "In 2020, Ghana was listed as one of the fastest growing economies in Africa.", answer: "2020",
             question: "In what year was Ghana listed as one of the fastest growing economies in Africa?"),
        Case(sentence: "Ghana joined the World Trade Organization in 1995.", answer: "1995",
             question: "In what year did Ghana join the World Trade Organization?"),
        Case(sentence: "Marie Curie discovered polonium in 1898.", answer: "1898",
             question: "In what year did Marie Curie discover polonium?"),
        Case(sentence: "The old bridge has carried trains since 1932.", answer: "1932",
             question: "Since what year has the old bridge carried trains?"),
        Case(sentence: "More than 150 nations participate in trade agreements with Norway.", answer: "150",
             question: "How many nations participate in trade agreements with Norway?"),
        Case(sentence: "Brazil is the largest producer of coffee in the world.", answer: "Brazil",
             question: "Which country is the largest producer of coffee in the world?"),
        Case(sentence: "Lagos spent $2 million to repair the harbour.", answer: "$2 million",
             question: "How much did Lagos spend to repair the harbour?"),
        Case(sentence: "Kenya became a member of the International Telecommunication Union, a specialized agency of the United Nations, in 1964.",
             answer: "International Telecommunication Union",
             question: "Which specialized agency of the United Nations did Kenya become a member of?"),
        Case(context: ["Peru is increasingly engaging in trade with African nations."],
             sentence: "It has recently signed trade agreements with Uganda and Zimbabwe.", answer: "Uganda and Zimbabwe",
             question: "Which two countries has Peru recently signed trade agreements with?"),
        Case(sentence: "In October of 2018, Bolivia joined the Andean Council.", answer: "October of 2018",
             question: "When did Bolivia join the Andean Council?"),
        Case(sentence: "China is Laos's largest trading partner and provides an estimated 90 percent of Laos's imports.", answer: "90 percent",
             question: "About what share of Laos's imports does China provide?"),
    ]

    @Test("writes a grammatical question", arguments: cases)
    func writesQuestion(_ c: Case) throws {
        let g = cards("Notes on trade", [c.context + [c.sentence]])
        let card = try #require(g.cards.first { $0.answer == c.answer && $0.type != .truefalse },
                                "no card for \(c.answer): \(g.cards.map(\.question))")
        #expect(card.question == c.question)
    }

    @Test("past tense to base form", arguments: [
        ("expanded", "expand"), ("stepped", "step"), ("created", "create"), ("carried", "carry"), ("joined", "join"),
        ("listed", "list"), ("became", "become"), ("tested", "test"), ("decided", "decide"), ("produced", "produce"),
        ("developed", "develop"), ("opened", "open"), ("controlled", "control"), ("called", "call"), ("used", "use"),
        ("voted", "vote"), ("ruled", "rule"), ("settled", "settle"), ("sent", "send"), ("took", "take"),
        ("planned", "plan"), ("reached", "reach"), ("played", "play"), ("added", "add"), ("located", "locate"),
    ])
    func pastToBase(_ past: String, _ base: String) {
        #expect(Verbs.baseOfPast(past) == base)
    }

    @Test("third person to base form", arguments: [
        ("accounts", "account"), ("carries", "carry"), ("reaches", "reach"), ("has", "have"), ("goes", "go"), ("lags", "lag"),
    ])
    func presentToBase(_ present: String, _ base: String) {
        #expect(Verbs.baseOfPresent(present) == base)
    }

    @Test("nouns are not taken for verbs")
    func notVerbs() {
        #expect(Verbs.baseOfPast("hundred") == nil)
        #expect(Verbs.baseOfPast("need") == nil)
        #expect(Verbs.baseOfPresent("status") == nil)
    }

    @Test("no question when the fact sits in a reduced relative clause")
    func reducedRelative() throws {
        let g = cards("Towns", [["Newburgh was named after the castle built in 1080 by Robert Curthose."]])
        let card = try #require(g.cards.first { $0.answer == "1080" })
        #expect(card.type != .question)
        #expect(card.question.contains("____"))
    }
}
