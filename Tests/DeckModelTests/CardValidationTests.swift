import DeckModel
import JSONKit
import Testing

@Suite struct CardValidationTests {
    static let source = CardSource(sentence: "Mars is called the Red Planet.", section: "Rocky planets", paragraph: 2, index: 7)

    static func card(_ type: CardType, _ question: String, _ answer: String, accept: [String] = [], choices: [String] = []) -> Card {
        Card(id: "c-1", type: type, question: question, answer: answer, accept: accept, choices: choices, source: source, score: 0.8, factType: "place")
    }

    @Test("well-formed cards pass", arguments: [
        card(.cloze, "____ is called the Red Planet.", "Mars"),
        card(.cloze, "_____ is called the Red Planet.", "Mars"),
        card(.question, "Which planet is called the Red Planet?", "Mars", accept: ["the Red Planet"]),
        card(.choice, "Which planet is red?", "Mars", choices: ["Venus", "Mars", "Jupiter", "Saturn"]),
        card(.truefalse, "Is this statement correct? Mars is red.", "True"),
        card(.truefalse, "Is this statement correct? Mars is blue.", "false"),
    ])
    func wellFormed(card: Card) {
        #expect(CardValidation.problem(in: card) == nil)
    }

    @Test("malformed cards are refused with a reason", arguments: [
        (card(.cloze, "Mars is called the Red Planet.", "Mars"), "exactly one ____ gap (this one has 0)"),
        (card(.cloze, "____ is called the ____ Planet.", "Mars"), "exactly one ____ gap (this one has 2)"),
        (card(.question, "  ", "Mars"), "the question is empty"),
        (card(.question, "Which planet?", ""), "the answer is empty"),
        (card(.question, "Which planet?", "Mars", accept: ["Red one", " "]), "an accepted answer is empty"),
        (card(.choice, "Which planet is red?", "Mars", choices: ["Venus", "Jupiter"]), "is not among the choices"),
        (card(.choice, "Which planet is red?", "Mars", choices: ["Mars"]), "at least two choices"),
        (card(.choice, "Which planet is red?", "Mars", choices: ["Mars", "mars", "Venus"]), "two choices are the same"),
        (card(.choice, "Which planet is red?", "Mars", choices: ["Mars", "", "Venus"]), "a choice is empty"),
        (card(.truefalse, "Is this statement correct? Mars is red.", "Yes indeed"), "True or False"),
    ])
    func malformed(card: Card, reason: String) {
        let problem = CardValidation.problem(in: card)
        #expect(problem?.contains(reason) == true, "\(problem ?? "nil")")
    }

    @Test func aCardSurvivesTheDeckFileShape() throws {
        let original = Self.card(.choice, "Which planet is red?", "Mars", accept: ["the red one"], choices: ["Venus", "Mars"])
        let back = try DeckCodec.decodeCard(DeckCodec.cardValue(original), label: "card 1", path: "x.json")
        #expect(back == original)
        #expect(throws: DeckFileError.invalid(path: "x.json", problem: "edit 2 (c-9) has no answer")) {
            try DeckCodec.decodeCard(.object([("id", .string("c-9")), ("type", .string("question")), ("question", .string("Q?"))]), label: "edit 2", path: "x.json")
        }
    }
}
