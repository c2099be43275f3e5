import DeckModel
import Testing

@testable import CardGeneration

/// Faults found by reading generated cards as a student would (second pass, squad-dev decks):
/// each row failed before its fix.
@Suite("Student reading: participle phrases, named modifiers, fronted adjective phrases")
struct StudentReadingFixesTests {
    static let filler = "Scientists have studied the town for many decades."

    @Test("a participle phrase after the subject is not the main clause: the card keeps the main verb")
    func participlePhrase() {
        let sentence = "Marta Ruiz, trained by the painter Tomas Vela, opened a pottery studio in the town of Arles in 1988."
        let g = cards("Artists of Arles", [[Self.filler, sentence]])
        let fromIt = g.cards.filter { $0.source.sentence == sentence && $0.type != .truefalse }
        #expect(!fromIt.isEmpty)
        for c in fromIt {
            #expect(c.question.contains("opened") || c.question.lowercased().contains("open"), "no main verb: \(c.question)")
        }
    }

    @Test("'it' after a name-modified noun means the noun: 'the Harbor Museum garden', not 'Harbor Museum'")
    func namedModifierSubject() {
        let g = cards("Gardens of Porto", [[
            "The Harbor Museum garden, planted by Lena Ortiz, was opened on 4 May 2001.",
            "It is one of the largest rooftop gardens in Portugal with an area of more than 3,000 m2.",
        ]])
        let second = g.cards.filter { $0.source.sentence.hasPrefix("It is one of") }
        #expect(!second.isEmpty)
        for c in second {
            #expect(c.question.contains("Harbor Museum garden"), "wrong referent: \(c.question)")
        }
    }

    @Test("a fronted 'similar to ...' phrase is not the subject of a question", arguments: [
        "In a form of coastal defence, similar to the breakwater techniques for small harbours, engineers are building reefs that protect about 40 kilometres of shore.",
        "In most large cities, close to the main stations, planners are building bicycle garages that hold about 3,000 bicycles.",
    ])
    func frontedAdjectivePhrase(_ sentence: String) {
        let g = cards("Engineering notes", [[Self.filler, sentence]])
        let questions = g.cards.filter { $0.source.sentence == sentence && $0.type == .question }.map(\.question)
        for q in questions {
            #expect(!q.contains("does similar") && !q.contains("does close") && !q.contains("do similar"), "\(q)")
        }
        #expect(g.cards.contains { $0.source.sentence == sentence }, "the sentence still gives cards")
    }
}
