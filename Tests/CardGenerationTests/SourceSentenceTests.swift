import Foundation
import Testing
import Articles
import DeckModel
@testable import CardGeneration

/// A card quotes its sentence as the page has it (reference marks and all), while what it
/// asks and its id come from the clean text: renumbered references change no card.
@Suite struct SourceSentenceTests {
    static let paragraphs = [
        "The Saltmarsh Bridge was opened in 1839 and carried the turnpike road from Spalding to the coast.{1} It was designed by the engineer Thomas Example.{2}{cn}",
        "The ironwork was cast at Butterley{3} and brought to the site by barge in 1838. The bridge was closed to motor traffic in 1974.{4}",
    ]

    /// The page with its marks written as `reference` (a reference number) and `needed`.
    static func page(reference: (Int) -> String, needed: String) -> [UInt8] {
        var body = ""
        for p in paragraphs {
            var t = p.replacingOccurrences(of: "{cn}", with: needed)
            for n in 1...4 { t = t.replacingOccurrences(of: "{\(n)}", with: reference(n)) }
            body += "<p>\(t)</p>\n"
        }
        return Array("<!DOCTYPE html><html lang=\"en\"><head><title>Saltmarsh Bridge</title></head><body><article><h1>Saltmarsh Bridge</h1>\(body)</article></body></html>".utf8)
    }

    static func deck(_ bytes: [UInt8]) throws -> Deck {
        let article = try ArticleReader.read(bytes: bytes, fileName: "bridge.html")
        var rng = SeededGenerator(seed: 3)
        return DeckGenerator.deck(article: article, deckID: "d", source: DeckSource(path: "bridge.html"), pool: DistractorPool(), analyzer: try englishAnalyzer(), using: &rng).0
    }

    @Test func marksStayInTheSourceSentenceAndOutOfTheCardAndItsID() throws {
        let mark = { (n: Int) in "<sup id=\"cite_ref-\(n)\" class=\"reference\"><a href=\"#cite_note-\(n)\">[\(n)]</a></sup>" }
        let renumbered = { (n: Int) in "<sup id=\"cite_ref-\(n + 40)\" class=\"reference\"><a href=\"#cite_note-\(n + 40)\">[\(n + 40)]</a></sup>" }
        let needed = "<sup class=\"noprint Inline-Template\">[<i><a href=\"/wiki/Citation_needed\">citation needed</a></i>]</sup>"
        let plain = try Self.deck(Self.page(reference: { _ in "" }, needed: ""))
        let marked = try Self.deck(Self.page(reference: mark, needed: needed))
        let moved = try Self.deck(Self.page(reference: renumbered, needed: needed))
        #expect(!plain.cards.isEmpty)
        // The same cards, ids included, whatever the marks.
        for other in [marked, moved] {
            #expect(other.cards.map(\.id) == plain.cards.map(\.id))
            #expect(other.cards.map(\.question) == plain.cards.map(\.question))
            #expect(other.cards.map(\.answer) == plain.cards.map(\.answer))
        }
        // The source sentence is the page's: its marks are there, and only they differ.
        let quoted = marked.cards.map(\.source.sentence)
        #expect(quoted.contains { $0.contains("[1]") || $0.contains("[4]") || $0.contains("[citation needed]") }, "\(quoted)")
        for (m, p) in zip(marked.cards, plain.cards) {
            let unmarked = m.source.sentence.replacing(/\[(\d+|citation needed)\]/, with: "")
            #expect(unmarked == p.source.sentence)
        }
    }
}
