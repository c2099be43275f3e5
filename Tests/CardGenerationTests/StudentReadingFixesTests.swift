import DeckModel
import Foundation
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

    @Test("'he' is not a place named in the clause before: 'the village of X' is a place")
    func placeAfterPlaceNoun() {
        let sentence = "Though Tomasz Brel was born in the village of Dolna Wieś, about 40 km from Gdańsk, he moved to the city with his family when he was two."
        let g = cards("Musicians of Gdańsk", [["Tomasz Brel was a Polish composer of the 19th century.", sentence]])
        let fromIt = g.cards.filter { $0.source.sentence == sentence }
        #expect(!fromIt.isEmpty)
        for c in fromIt { #expect(!c.question.contains("Dolna Wieś moved"), "\(c.question)") }
    }

    @Test("'he' is never a list of people named earlier")
    func heIsNotAList() {
        let g = cards("Painters of Porto", [[
            "Famous painters of the city include Ana Lopes and Marta Ruiz.",
            "In 1990, he moved to Lisbon, where he opened a studio with 12 students.",
        ]])
        for c in g.cards { #expect(!c.question.contains("Lopes and Marta Ruiz moved"), "\(c.question)") }
        #expect(g.summary.skipped.contains { $0.sentence.hasPrefix("In 1990, he moved") && $0.reason.contains("unresolved") },
                "\(g.summary.skipped.map { $0.sentence + ": " + $0.reason }) \(g.cards.map(\.question))")
    }

    @Test("word classes of term options", arguments: [
        ("monophyletic", Distractors.WordClass.adjective), ("planktonic", .adjective), ("external", .other),
        ("populations", .plural), ("miniature cydippids", .plural), ("explosive rate", .other),
        ("analysis", .other), ("glass", .other), ("curriculum", .other), ("numerous", .adjective),
        ("Mars", .other), ("Pacific", .other), ("Andes", .other),
    ])
    func wordClasses(_ row: (String, Distractors.WordClass)) {
        #expect(Distractors.wordClass(row.0) == row.1)
    }

    /// Every term question offers options of one word class, on articles the generator was not tuned on.
    @Test("term options are of one word class", .enabled(if: FileManager.default.fileExists(atPath: Paths.shared.appendingPathComponent("eval/squad-dev/articles").path)))
    func termOptionsShareAWordClass() throws {
        let dir = Paths.shared.appendingPathComponent("eval/squad-dev/articles")
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".txt") }.sorted()
        #expect(files.count >= 5)
        var checked = 0
        for f in files {
            let (deck, _) = try deck(fromFile: dir.appendingPathComponent(f).path)
            for c in deck.cards where c.type == .choice && c.factType == "term" {
                let classes = Set(c.choices.map(Distractors.wordClass))
                #expect(classes.count == 1, "\(c.question) -> \(c.choices)")
                checked += 1
            }
        }
        #expect(checked > 0, "no term questions left to check")
    }
}
