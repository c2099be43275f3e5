import DeckModel
import Foundation
import Testing

@testable import AnkiInterop

@Suite struct TextImportTests {
    func read(_ text: String, ext: String = "txt", deck: String? = nil) throws -> AnkiImportResult {
        try AnkiTextImporter.parse(Array(text.utf8), fileName: "notes", fileExtension: ext, path: "notes.\(ext)",
                                   options: AnkiImportOptions(deckName: deck))
    }

    func pairs(_ r: AnkiImportResult) -> [[String]] {
        r.decks.flatMap(\.cards).map { [$0.question, $0.answer] }
    }

    /// Anki's own "Notes in Plain Text" export of the fixture collection gives the same cards,
    /// with the same ids, as the package export of that collection.
    @Test(.enabled(if: Fixtures.available)) func ankiTextExportMatchesItsPackage() throws {
        let text = try AnkiTextImporter.read(path: Fixtures.dir + "/basic-and-cloze.notes.txt")
        let package = try AnkiImporter.read(path: Fixtures.dir + "/basic-and-cloze.legacy.apkg")
        let root = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Fixtures.dir + "/manifest.json"))) as? [String: Any]
        let expect = ((root?["fixtures"] as? [String: Any])?["basic-and-cloze.notes.txt"] as? [String: Any])?["expect"] as? [String: Any]
        #expect(text.notes == expect?["notes"] as? Int)
        #expect(text.decks.map(\.title) == package.decks.map(\.title))
        let fromText = text.decks.flatMap(\.cards).sorted { $0.id < $1.id }
        let fromPackage = package.decks.flatMap(\.cards).sorted { $0.id < $1.id }
        #expect(fromText.count == 17)
        #expect(fromText.map(\.id) == fromPackage.map(\.id))
        #expect(fromText.map(\.question) == fromPackage.map(\.question))
        #expect(fromText.map(\.answer) == fromPackage.map(\.answer))
        #expect(text.entries.isEmpty)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var ext: String
        var text: String
        var expected: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "plain TSV", ext: "tsv", text: "Capital of France?\tParis\nLargest planet?\tJupiter\n",
             expected: [["Capital of France?", "Paris"], ["Largest planet?", "Jupiter"]]),
        Case(name: "CSV with quoted commas and quotes", ext: "csv",
             text: "\"Capital, of France\",Paris\n\"Who said \"\"hello\"\"?\",Ada\r\n",
             expected: [["Capital, of France", "Paris"], ["Who said \"hello\"?", "Ada"]]),
        // Anki splits this on the first colon it sees; the separator that splits every line alike is the comma.
        Case(name: "comma file with times, no extension hint", ext: "txt",
             text: "When does the lecture start?,10:30\nWhere is it?,Room 5\nWho teaches?,Dr. Okafor\n",
             expected: [["When does the lecture start?", "10:30"], ["Where is it?", "Room 5"], ["Who teaches?", "Dr. Okafor"]]),
        Case(name: "headers: separator by name, html off keeps tags literal", ext: "txt",
             text: "#separator:Semicolon\n#html:false\nWhat does <b> do?;bold text\n",
             expected: [["What does <b> do?", "bold text"]]),
        Case(name: "HTML guessed from the content", ext: "txt",
             text: "Capital of <b>France</b>?\tParis &amp; more\n",
             expected: [["Capital of France?", "Paris & more"]]),
        Case(name: "BOM, comments and blank lines", ext: "tsv",
             text: "\u{FEFF}# my notes\nQ1\tA1\n\n#skip\tthis\nQ2\tA2\n",
             expected: [["Q1", "A1"], ["Q2", "A2"]]),
        Case(name: "a line break inside a quoted field", ext: "csv",
             text: "\"Two\nlines\",answer\n",
             expected: [["Two lines", "answer"]]),
        Case(name: "columns mapped by name", ext: "txt",
             text: "#separator:tab\n#columns:Back\tFront\nParis\tCapital of France?\n",
             expected: [["Capital of France?", "Paris"]]),
        Case(name: "cloze rows make one card per deletion", ext: "tsv",
             text: "{{c1::Paris}} is the capital of {{c2::France}}.\textra\n",
             expected: [["____ is the capital of France.", "Paris"], ["Paris is the capital of ____.", "France"]]),
        Case(name: "optional reversed card only when asked for", ext: "txt",
             text: "#separator:tab\n#notetype:Basic (optional reversed card)\nCapital of France?\tParis\ty\nLargest planet?\tJupiter\t\n",
             expected: [["Capital of France?", "Paris"], ["Paris", "Capital of France?"], ["Largest planet?", "Jupiter"]]),
    ]

    @Test(arguments: cases) func readsTextFiles(_ c: Case) throws {
        let r = try read(c.text, ext: c.ext)
        #expect(pairs(r) == c.expected)
        #expect(r.decks.count == 1 && r.decks[0].title == "notes")
        for d in r.decks { _ = try DeckCodec.decode(DeckCodec.encode(d), path: d.id) }
    }

    @Test func deckFromHeaderOrOptionAndTagsGiveFactType() throws {
        let r = try read("#separator:tab\n#deck:Geography::Europe\n#tags:factdeck::fact::place\nCapital of France?\tParis\n")
        #expect(r.decks.map(\.title) == ["Geography::Europe"])
        #expect(r.decks[0].id == "geography-europe")
        #expect(r.decks[0].cards[0].factType == "place")
        let one = try read("Q\tA\n", deck: "Mine")
        #expect(one.decks.map(\.id) == ["mine"])
    }

    @Test func sameFileGivesSameIDsAndDuplicatesAreWarned() throws {
        let a = try read("Capital of France?\tParis\nLargest planet?\tJupiter\n")
        let b = try read("Capital of France?\tParis\nLargest planet?\tJupiter\nCapital of France?\tParis\n")
        #expect(a.decks[0].cards.map(\.id) == b.decks[0].cards.map(\.id))
        #expect(b.warnings.count == 1 && b.warnings[0].contains("line 3"))
    }

    @Test func rowsWithoutAnAnswerAreWarnedWithTheirLine() throws {
        let r = try read("Q1\tA1\nQ2\t\n")
        #expect(pairs(r) == [["Q1", "A1"]])
        #expect(r.warnings.count == 1 && r.warnings[0].contains("line 2"))
    }

    @Test(arguments: [
        ("", "no notes"),
        ("\n\n# only a comment\n", "no notes"),
        ("Q\u{0}\tA", "binary"),
    ]) func badTextIsAClearError(text: String, words: String) throws {
        #expect { try read(text) } throws: { "\($0)".contains(words) && "\($0)".contains("notes.txt") }
    }

    @Test func nonUTF8IsAClearError() throws {
        let bytes: [UInt8] = Array("Caf".utf8) + [0xE9] + Array("\tcoffee\n".utf8)
        #expect {
            try AnkiTextImporter.parse(bytes, fileName: "latin1", fileExtension: "csv", path: "latin1.csv", options: AnkiImportOptions())
        } throws: { "\($0)".contains("latin1.csv") && "\($0)".contains("UTF-8") }
    }
}
