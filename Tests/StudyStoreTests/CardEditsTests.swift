import DeckModel
import Foundation
import Scheduling
import StudyStore
import Testing

@Suite struct CardEditsTests {
    static func card(_ id: String, _ type: CardType = .question, question: String? = nil, answer: String = "Mars",
                     choices: [String] = [], sentence: String = "Mars is red.") -> Card {
        Card(id: id, type: type, question: question ?? (type == .cloze ? "____ is red." : "Which planet is red (\(id))?"),
             answer: answer, choices: choices, source: CardSource(sentence: sentence))
    }

    static let deck = Deck(id: "planets", title: "Planets", cards: [card("a"), card("b"), card("c", .cloze)])

    @Test func withoutEditsTheDeckIsUnchanged() {
        #expect(CardEdits().apply(to: Self.deck) == Self.deck)
        var other = CardEdits()
        other.delete(deck: "moons", card: "a", at: t0)
        #expect(other.apply(to: Self.deck) == Self.deck, "edits of another deck change nothing here")
    }

    @Test func deletedCardsAreLeftOutAndUndeleteBringsThemBack() {
        var edits = CardEdits()
        edits.delete(deck: "planets", card: "b", at: t0)
        #expect(edits.apply(to: Self.deck).cards.map(\.id) == ["a", "c"])
        edits.undelete(deck: "planets", card: "b")
        #expect(edits.apply(to: Self.deck) == Self.deck)
        #expect(edits.isEmpty, "undeleting an unedited card leaves no entry")
    }

    @Test func theLearnersFieldsWinOverARegeneratedCard() {
        var edits = CardEdits()
        var mine = Self.card("a")
        mine.answer = "the planet Mars"
        mine.accept = ["Mars"]
        edits.recordEdit(deck: "planets", card: mine, fields: [.answer, .accept], at: t0)
        // Regenerated: a better question and source sentence for the same fact.
        var regenerated = Self.deck
        regenerated.cards[0].question = "Which planet is called red?"
        regenerated.cards[0].source.sentence = "Mars is called the Red Planet."
        let a = edits.apply(to: regenerated).cards[0]
        #expect(a.answer == "the planet Mars" && a.accept == ["Mars"])
        #expect(a.question == "Which planet is called red?" && a.source.sentence == "Mars is called the Red Planet.")
        #expect(a.id == "a", "same id: the card keeps its progress")
    }

    @Test func aCardThatChangedKindOrNoLongerFitsTheEditIsTheLearnersWhole() {
        var edits = CardEdits()
        var mine = Self.card("c", .cloze)
        mine.question = "____ is the red planet."
        edits.recordEdit(deck: "planets", card: mine, fields: [.question], at: t0)
        // The generator now asks the fact as multiple choice.
        var regenerated = Self.deck
        regenerated.cards[2] = Self.card("c", .choice, choices: ["Mars", "Venus"])
        #expect(edits.apply(to: regenerated).cards[2] == mine)
        // The learner's answer is not among the regenerated choices: the learner's card.
        var choice = CardEdits()
        var picked = Self.card("b", .choice, answer: "Red Mars", choices: ["Red Mars", "Venus"])
        picked.question = "Which?"
        choice.recordEdit(deck: "planets", card: picked, fields: [.answer, .choices], at: t0)
        var again = Self.deck
        again.cards[1] = Self.card("b", .choice, choices: ["Mars", "Venus", "Earth"])
        let b = choice.apply(to: again).cards[1]
        #expect(b.answer == "Red Mars" && b.choices == ["Red Mars", "Venus"] && b.question == "Which planet is red (b)?",
                "fields merged into the new card when the result is a valid card")
        // Only the answer was changed, and the new choices lack it: the learner's card whole.
        var answerOnly = CardEdits()
        answerOnly.recordEdit(deck: "planets", card: picked, fields: [.answer], at: t0)
        #expect(answerOnly.apply(to: again).cards[1] == picked)
    }

    @Test func anEditedCardWhoseFactLeftTheDeckStaysAsWritten() {
        var edits = CardEdits()
        var mine = Self.card("b")
        mine.answer = "Ares' planet"
        edits.recordEdit(deck: "planets", card: mine, fields: [.answer], at: t0)
        edits.delete(deck: "planets", card: "a", at: t0)
        var regenerated = Self.deck
        regenerated.cards.removeAll { $0.id == "b" || $0.id == "a" }
        let cards = edits.apply(to: regenerated).cards
        #expect(cards.map(\.id) == ["c", "b"])
        #expect(cards[1] == mine)
    }

    @Test func theFileKeepsEverythingAndADamagedOneIsNamed() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        var edits = CardEdits()
        var mine = Self.card("a", .choice, choices: ["Mars", "Venus"])
        mine.accept = ["the red one"]
        edits.recordEdit(deck: "planets", card: mine, fields: [.accept], at: t0)
        edits.delete(deck: "planets", card: "a", at: t0.addingTimeInterval(60))
        edits.delete(deck: "moons/odd id", card: "x", at: t0)
        let store = try ProgressStore(folder: dir, mode: .writer)
        try store.save(edits)
        #expect(try CardEditsFile.load(folder: dir) == edits)
        // A reader may not write.
        let reader = try ProgressStore(folder: dir, mode: .readOnly)
        #expect(throws: StoreError.self) { try reader.save(CardEdits()) }

        let path = CardEditsFile.path(in: dir)
        try Data(#"{"format":"factdeck.edits","version":1,"cards":[{"deck":"planets","card":"a","edited":{"id":"a","type":"cloze","question":"no gap","answer":"x"}}]}"#.utf8)
            .write(to: URL(fileURLWithPath: path))
        #expect {
            try CardEditsFile.load(folder: dir)
        } throws: { error in
            "\(error)".contains("edits.json: your card edits cannot be read (entry 1's card (a) is a cloze card but its question has no ____ gap)")
        }
        try Data("{\"format\":\"factdeck.edits\",".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: StoreError.self) { try CardEditsFile.load(folder: dir) }
    }

    @Test func anEditedAnswerDropsTheClaimOtherEditsKeepTheRegeneratedOne() throws {
        let old = Claim(subject: "mars", quantity: "count:moon", value: 2, unit: "count:moon", kind: "number")
        let regeneratedClaim = Claim(subject: "mars", quantity: "count:moon", value: 2, unit: "count:moon", kind: "number", approximate: true)
        var deck = Self.deck
        deck.cards[0].claim = old
        deck.cards[1].claim = old
        var edits = CardEdits()
        var answered = deck.cards[0]
        answered.answer = "two moons"
        edits.recordEdit(deck: "planets", card: answered, fields: [.answer], at: t0)
        var asked = deck.cards[1]
        asked.question = "How many moons has Mars (b)?"
        edits.recordEdit(deck: "planets", card: asked, fields: [.question], at: t0)
        #expect(edits.entry(deck: "planets", card: "a")?.edited?.claim == nil, "the learner's answer is stored without the claim")

        var regenerated = deck
        regenerated.cards[0].claim = regeneratedClaim
        regenerated.cards[1].claim = regeneratedClaim
        let seen = edits.apply(to: regenerated)
        #expect(seen.cards[0].answer == "two moons" && seen.cards[0].claim == nil)
        #expect(seen.cards[1].question == "How many moons has Mars (b)?" && seen.cards[1].claim == regeneratedClaim)
        // Saved and read back, the same.
        let back = try CardEditsFile.decode(CardEditsFile.encode(edits), path: "edits.json")
        #expect(back.apply(to: regenerated) == seen)
    }

    @Test func savingNeedsTheLockASessionHolds() throws {
        let dir = makeTempFolder()
        defer { removeFolder(dir) }
        let session = try ProgressStore(folder: dir, mode: .writer, purpose: "study")
        #expect(throws: StoreError.self) { _ = try ProgressStore(folder: dir, mode: .writer, purpose: "edit") }
        try session.save(CardEdits())
        #expect(FileManager.default.fileExists(atPath: CardEditsFile.path(in: dir)))
    }
}

@Suite struct CardQueryTests {
    static func card(_ question: String, _ answer: String = "x", sentence: String = "s") -> Card {
        Card(id: "c", type: .question, question: question, answer: answer, source: CardSource(sentence: sentence))
    }

    @Test("search ignores case and accents", arguments: [
        ("sao paulo", "Which city is larger, São Paulo or Rio?"),
        ("SAO PAULO", "Which city is larger, São Paulo or Rio?"),
        ("godel", "What did Kurt Gödel prove?"),
        ("lodz", "Where is Łódź?"),
        ("orsted", "Who was Hans Christian Ørsted?"),
        ("curacao", "Which island is Curaçao?"),
        ("neptune's", "Neptune’s position was predicted in 1845."),
        ("strasse", "What does Straße mean?"),
        ("naive bayes", "Who named naïve   Bayes?"),
        ("é", "What is the capital of France? (é)"),
    ])
    func searchFinds(search: String, question: String) {
        #expect(CardQuery(search: search).matches(Self.card(question), progress: .untouched))
    }

    @Test func searchLooksAtQuestionAnswerAndSourceOnly() {
        let c = Card(id: "c", type: .question, question: "Who?", answer: "Gödel", accept: ["Kurt"], source: CardSource(sentence: "In Brno, 1906."))
        #expect(CardQuery(search: "godel").matches(c, progress: .untouched))
        #expect(CardQuery(search: "brno").matches(c, progress: .untouched))
        #expect(!CardQuery(search: "kurt").matches(c, progress: .untouched))
        #expect(!CardQuery(search: "gödel prove").matches(c, progress: .untouched))
    }

    @Test func filtersOnKindAndMarks() {
        let c = Self.card("Q?")
        #expect(!CardQuery(type: .cloze).matches(c, progress: .untouched))
        #expect(CardQuery(type: .question).matches(c, progress: .untouched))
        #expect(!CardQuery(onlyFlagged: true).matches(c, progress: .untouched))
        #expect(CardQuery(onlyFlagged: true).matches(c, progress: CardProgress(flagNote: "")))
        #expect(CardQuery(onlySuspended: true).matches(c, progress: CardProgress(suspended: true)))
    }
}
