import Testing
import DeckModel
@testable import CardGeneration

/// Sentences that must give no card, and references that must be resolved first.
@Suite("Hedges, opinions and referents")
struct FilteringTests {
    @Test("hedged, speculative and opinion sentences give no card", arguments: [
        "Some experts suggest that Chile could join the union in 2030.",
        "Chile may be better equipped to join the union by 2030.",
        "Chile might sign 15 new agreements next year.",
        "Perhaps Chile signed 15 agreements in 2019.",
        "Chile will likely sign 15 agreements in 2025.",
        "Chile should spend $5 billion on ports by 2030.",
        "It is important for Chile to spend $5 billion on ports.",
        "I think Chile signed 15 agreements in 2019.",
        "Experts see hope in the 15 agreements Chile signed in 2019.",
        "Increased engagement could also lead to 20% more trade.",
    ])
    func hedgesGiveNoCard(_ sentence: String) throws {
        let g = try cards("Trade notes", [["Chile exports copper to Asia.", sentence]])
        let fromIt = g.cards.filter { $0.source.sentence == sentence }
        #expect(fromIt.isEmpty, "\(fromIt.map(\.question))")
    }

    @Test("a hedge in a trailing relative clause doesn't sink the fact before it")
    func trailingHedge() throws {
        let s = "In 2017, the Chilean government tested its own cryptocurrency, which could potentially speed up payments."
        let g = try cards("Trade notes", [[s]])
        let card = try #require(g.cards.first { $0.answer == "2017" })
        #expect(!card.question.contains("could"))
    }

    @Test("evaluative frame: the embedded fact is kept, the opinion is not")
    func evaluativeFrame() throws {
        let s = "Perhaps the most notable event that occurred in 2017 was when Laos sent a representative to the Association of Southeast Asian Nations (ASEAN) summit."
        let g = try cards("Trade notes", [[s]])
        let card = try #require(g.cards.first { $0.answer == "Association of Southeast Asian Nations" })
        #expect(card.accept.contains("ASEAN"))
        #expect(!card.question.contains("Perhaps") && !card.question.contains("notable"))
        #expect(!card.question.contains("ASEAN"))
    }

    @Test("an opening 'It' takes the last named subject")
    func itResolved() throws {
        let g = try cards("Trade notes", [["Peru is increasingly engaging in trade.", "It signed a free trade agreement with Chile in 2019."]])
        let card = try #require(g.cards.first { $0.answer == "2019" })
        #expect(card.question.contains("Peru"))
        #expect(!card.question.hasPrefix("It ") && !card.question.contains(" it "))
    }

    @Test("'He' takes the person named before it")
    func heResolved() throws {
        let g = try cards("Composers", [["Frédéric Chopin was a Polish composer who was born near Warsaw.", "He moved to Paris in 1831."]])
        let card = try #require(g.cards.first { $0.answer == "1831" })
        #expect(card.question.contains("Chopin"))
    }

    @Test("'the country' as a subject takes the country just named")
    func theCountryResolved() throws {
        let g = try cards("Trade notes", [["China is Laos's most important partner and the country accounts for around 85% of Laos's total trade."]])
        let card = try #require(g.cards.first { $0.answer == "85%" })
        #expect(card.question.contains("China"))
        #expect(!card.question.contains("the country"))
    }

    @Test("'the same year' takes the year of the sentence before")
    func sameYear() throws {
        let g = try cards("Trade notes", [["In 2020, China spent more than $5 billion on aid.",
                                       "According to a report by the Bank of Korea, China's share of imports increased to 91.6 percent in the same year."]])
        // whichever value of the sentence is asked, the year is filled in and the source kept
        let card = try #require(g.cards.first { $0.source.sentence.contains("91.6") && $0.answer != "2020" })
        #expect(card.question.contains("2020"))
        #expect((card.question + " " + card.answer).contains("Bank of Korea"), "attribution lost: \(card.question)")
    }

    @Test("unresolvable openings give no card", arguments: [
        "They signed 15 agreements in 2019.",
        "This period saw growth of 5% in 2010.",
        "These efforts cost $5 billion in 2019.",
        "He moved to Paris in 1831.",
    ])
    func unresolved(_ sentence: String) throws {
        let g = try cards("Trade notes", [[sentence]])
        #expect(g.cards.isEmpty, "\(g.cards.map(\.question))")
        #expect(g.summary.skipped.contains { $0.sentence == sentence && $0.reason.contains("unresolved") })
    }

    @Test("the article's own topic is never the answer")
    func topicNotAnswer() throws {
        let g = try cards("Is Paraguay Globalized", [["Paraguay joined the World Trade Organization in 1995.", "Paraguay signed 15 agreements with Chile in 2019."]])
        #expect(!g.cards.isEmpty)
        #expect(!g.cards.contains { $0.answer == "Paraguay" })
    }

    @Test("citation marks never reach a card")
    func citations() throws {
        let g = try cards("Canals", [["The canal opened in 1914.[3] It cost $375 million[citation needed] to build."]])
        for c in g.cards { #expect(!c.question.contains("[") && !c.answer.contains("[")) }
    }

    @Test("an author bio paragraph gives no card")
    func bio() throws {
        let g = try cards("Canals", [["The canal opened in 1914."], ["Maria Lopez is an American journalist based in Miami.", "She has written about shipping since 2011."]])
        #expect(!g.cards.contains { $0.source.sentence.contains("Maria") || $0.source.sentence.contains("2011") })
    }

    @Test("summary says why sentences were skipped")
    func summary() throws {
        let g = try cards("Trade notes", [["Chile may sign 15 agreements in 2030.", "Chile signed 15 agreements in 2019."]])
        #expect(g.summary.skipped.contains { $0.reason.contains("hedged") })
        #expect(g.summary.cardsByType.values.reduce(0, +) == g.cards.count)
    }
}
