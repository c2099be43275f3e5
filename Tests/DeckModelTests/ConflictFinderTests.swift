import DeckModel
import Testing

@Suite struct ConflictFinderTests {
    static func card(_ id: String, _ answer: String, _ claim: Claim?, sentence: String? = nil, section: String? = "Trade") -> Card {
        Card(id: id, type: .cloze, question: "China provides ____ of North Korea's trade.", answer: answer,
             source: CardSource(sentence: sentence ?? "Sentence of \(id).", section: section), factType: "percent", claim: claim)
    }

    static func share(_ v: Double, about: Bool = false, quantity: String = "north korea|trade", trend: Bool = false) -> Claim {
        Claim(subject: "china", quantity: quantity, value: v, unit: "percent", kind: "percent", approximate: about, trend: trend)
    }

    static func deck(_ id: String, _ cards: [Card]) -> Deck { Deck(id: id, title: "Deck \(id)", cards: cards) }

    @Test func twoArticlesGivingDifferentSharesMakeOneConflict() throws {
        let decks = [
            Self.deck("overview", [Self.card("a", "85%", Self.share(85, about: true)), Self.card("x", "Pyongyang", nil)]),
            Self.deck("china", [Self.card("b", "90 percent", Self.share(90, about: true), section: "Economic Relations")]),
        ]
        let conflicts = ConflictFinder.find(in: decks)
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(c.values == [85, 90])
        #expect(c.cards.map(\.card.id) == ["a", "b"])
        #expect(c.deckIds == ["overview", "china"])
        #expect(c.cards[1].place == "Deck china, Economic Relations")
        #expect(c.topic == "china: north korea trade")
        #expect(c.others(disagreeingWith: c.cards[0]).map(\.card.id) == ["b"])
    }

    @Test func explainedDifferencesAndTheSameFactTwiceAreNoConflict() {
        let decks = [
            Self.deck("one", [
                Self.card("a", "about 85%", Self.share(85, about: true)),
                Self.card("imports", "91.6 percent", Self.share(91.6, quantity: "north korea|imports")),
                Self.card("rise", "91.6 percent", Self.share(91.6, trend: true)),
            ]),
            Self.deck("two", [
                Self.card("b", "84.6%", Self.share(84.6)),
                Self.card("c", "85 percent", Self.share(85)),
            ]),
        ]
        #expect(ConflictFinder.find(in: decks).isEmpty)
    }

    @Test func aThirdSourceAgreeingWithOneSideIsListedWithIt() throws {
        let decks = [
            Self.deck("one", [Self.card("a", "85%", Self.share(85))]),
            Self.deck("two", [Self.card("b", "90%", Self.share(90))]),
            Self.deck("three", [Self.card("c", "85 percent", Self.share(85)), Self.card("d", "84.6%", Self.share(84.6))]),
        ]
        let conflicts = ConflictFinder.find(in: decks)
        #expect(conflicts.count == 1)
        let c = try #require(conflicts.first)
        #expect(Set(c.cards.map(\.card.id)) == ["a", "b", "c", "d"])
        #expect(c.cards.map(\.claim.value) == [84.6, 85, 85, 90], "by value")
        let index = ConflictIndex(conflicts)
        #expect(index.others(deck: "one", card: "a").map(\.card.id) == ["b"])
        #expect(index.others(deck: "two", card: "b").map(\.card.id).sorted() == ["a", "c", "d"])
        #expect(index.count(deck: "three") == 1 && index.count(deck: "nowhere") == 0)
    }

    @Test func anArticleContradictingItselfIsAConflictButOneSentenceIsNot() {
        let selfContradicting = Self.deck("one", [
            Self.card("a", "85%", Self.share(85), sentence: "China accounts for 85% of the trade."),
            Self.card("b", "90%", Self.share(90), sentence: "Later: China accounts for 90% of the trade."),
        ])
        #expect(ConflictFinder.find(in: [selfContradicting]).count == 1)
        // Two figures from one sentence are a range or a change the generator missed.
        let oneSentence = Self.deck("one", [
            Self.card("a", "85%", Self.share(85), sentence: "China's share went from 85% to 90%."),
            Self.card("b", "90%", Self.share(90), sentence: "China's share went from 85% to 90%."),
        ])
        #expect(ConflictFinder.find(in: [oneSentence]).isEmpty)
        // ... unless another deck states one of them too.
        let other = Self.deck("two", [Self.card("c", "90%", Self.share(90), sentence: "China accounts for 90% of the trade.")])
        #expect(ConflictFinder.find(in: [oneSentence, other]).first?.cards.count == 3)
    }

    @Test func oldDecksWithoutClaimsNeverConflict() {
        let old = Self.deck("old", [Self.card("a", "85%", nil), Self.card("b", "90%", nil)])
        #expect(ConflictFinder.find(in: [old, old]).isEmpty)
        #expect(ConflictIndex(ConflictFinder.find(in: [old])).isEmpty)
    }

    @Test func conflictsComeInTheOrderTheirFirstCardsAppear() {
        func year(_ subject: String, _ v: Double) -> Claim { Claim(subject: subject, quantity: "found", value: v, unit: "year", kind: "year") }
        let decks = [
            Self.deck("one", [Self.card("m", "1088", year("bologna", 1088)), Self.card("n", "1096", year("oxford", 1096))]),
            Self.deck("two", [Self.card("p", "1167", year("oxford", 1167)), Self.card("q", "1087", year("bologna", 1087))]),
        ]
        #expect(ConflictFinder.find(in: decks).map(\.subject) == ["bologna", "oxford"])
    }
}

extension ConflictFinderTests {
    @Test func onlyCardsAgreeingWithASideJoinAConflict() throws {
        func share(_ v: Double, time: String? = nil, unit: String = "percent") -> Claim {
            Claim(subject: "china", quantity: "north korea|trade", value: v, unit: unit, kind: "percent", time: time)
        }
        let decks = [
            Self.deck("one", [Self.card("a", "85%", share(85)), Self.card("y2019", "85%", share(85, time: "2019"))]),
            Self.deck("two", [Self.card("b", "90%", share(90)), Self.card("points", "85 points", share(85, unit: "points"))]),
        ]
        let conflicts = ConflictFinder.find(in: decks)
        #expect(conflicts.count == 1)
        #expect(conflicts.first?.cards.map(\.card.id) == ["a", "b"], "a value for 2019 and one in other units are about something else")
        #expect(conflicts.first?.unit == "percent" && conflicts.first?.time == nil)
    }
}
