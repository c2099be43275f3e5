import Testing
import DeckModel
@testable import CardGeneration

/// Card faults found in the bundled decks: unresolved object pronouns, cut lists, distractors of the wrong kind.
/// Each row fails on the generator's behaviour before the fix.
@Suite("Card faults: object pronouns, cut lists, distractor kinds")
struct CardFaultsTests {
    static let filler = "Scientists have studied the topic for many decades."

    @Test("a pronoun object with no referent in its sentence gives no card", arguments: [
        ("The Sun is a star.", "Astronomers classify it as a G-type main-sequence star, sometimes called a yellow dwarf.", "it"),
        ("The canal opened in 1914.", "Historians describe it as the largest engineering project of the Panama Railroad Company.", "it"),
        ("Comets orbit the Sun.", "Astronomers group them into short-period comets and long-period comets by the Kuiper Belt.", "them"),
    ])
    func objectPronoun(_ row: (String, String, String)) {
        let (context, sentence, pronoun) = row
        let g = cards("Field notes", [[context, sentence]])
        let bad = g.cards.filter { c in
            c.source.sentence == sentence && c.question.split(whereSeparator: { !$0.isLetter }).contains { $0.lowercased() == pronoun }
        }
        #expect(bad.isEmpty, "unresolved '\(pronoun)': \(bad.map(\.question))")
        #expect(g.summary.skipped.contains { $0.sentence == sentence && $0.reason.contains("unresolved reference") },
                "\(g.summary.skipped.map(\.reason))")
    }

    @Test("a pronoun whose referent is in the sentence still gives cards", arguments: [
        ("Plants draw water up from the soil through their roots and lose it through tiny pores in their leaves called stomata.", "stomata"),
        ("The heart is enclosed in the pericardium, a double-walled sac that holds it in place.", "pericardium"),
    ])
    func pronounWithReferent(_ row: (String, String)) {
        let g = cards("Field notes", [[Self.filler, row.0]])
        #expect(g.cards.contains { $0.answer == row.1 }, "\(g.cards.map(\.answer))")
    }

    @Test("a card keeps the whole of a list it touches: no item asked or left alone", arguments: [
        ("Water changes between liquid, solid and gas as it moves between the oceans and the land.", ["liquid", "solid", "gas"]),
        ("The flag of Mali has three vertical stripes of green, gold and red from the hoist side.", ["green", "gold", "red"]),
        ("The spacecraft carried cameras, spectrometers and magnetometers built by teams in Germany and Italy.", ["cameras", "spectrometers", "magnetometers"]),
    ])
    func listKept(_ row: (String, [String])) {
        let (sentence, items) = row
        let g = cards("Field notes", [[Self.filler, sentence]])
        for c in g.cards where c.source.sentence == sentence && c.type != .truefalse {
            for item in items where !c.answer.lowercased().contains(item) {
                #expect(c.question.lowercased().contains(item), "list cut ('\(item)' missing): \(c.question) -> \(c.answer)")
            }
        }
    }

    @Test("a phrase after a comma that is no list does not stop a card", arguments: [
        ("North Korea has begun to invest in technology, particularly in the digital and communication sectors.", "technology"),
        ("Farmers in the valley invested in irrigation, mostly in the dry and sandy districts.", "irrigation"),
    ])
    func notAList(_ row: (String, String)) {
        let g = cards("Field notes", [[Self.filler, row.0]])
        #expect(g.cards.contains { $0.answer == row.1 }, "\(g.cards.map(\.answer))")
    }

    static let wrongKinds = ["Phobos and Deimos", "Voyager 2", "New Horizons", "Nobel Prize", "Global Precipitation Measurement",
                             "Ogallala Aquifer", "Great Red Spot", "Physiology or Medicine"]

    @Test("distractors from other decks are of the answer's kind, else no multiple choice", arguments: [
        ("The United Nations has marked World Water Day on 22 March every year since 1993.", "World Water Day"),
        ("Voyager 2 is the only spacecraft that has visited Uranus and Neptune.", "Uranus and Neptune"),
    ])
    func distractorKinds(_ row: (String, String)) throws {
        var pool = DistractorPool()
        for s in Self.wrongKinds { for t in ["term", "organisation", "place", "person"] { pool.add(s, factType: t) } }
        let g = cards("Field notes", [[Self.filler, row.0]], pool: pool)
        let card = try #require(g.cards.first { $0.answer == row.1 && $0.type != .truefalse }, "\(g.cards.map(\.answer))")
        let wrong = (card.choices).filter { Self.wrongKinds.contains($0) }
        #expect(wrong.isEmpty, "distractors of another kind for \(row.1): \(card.choices)")
    }

    @Test("distractors of the same kind are still used", arguments: [
        ("The United Nations has marked World Water Day on 22 March every year since 1993.", "World Water Day", ["Earth Day", "World Health Day", "Arbor Day"]),
    ])
    func sameKindKept(_ row: (String, String, [String])) throws {
        var pool = DistractorPool()
        for s in Self.wrongKinds + row.2 { for t in ["term", "organisation", "place", "person"] { pool.add(s, factType: t) } }
        let g = cards("Field notes", [[Self.filler, row.0]], pool: pool)
        let card = try #require(g.cards.first { $0.answer == row.1 && $0.type == .choice }, "\(g.cards.map { ($0.type, $0.answer, $0.factType ?? "-") })")
        #expect(Set(card.choices) == Set(row.2 + [row.1]))
    }
}
