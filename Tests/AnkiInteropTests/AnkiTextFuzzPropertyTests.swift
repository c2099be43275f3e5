import DeckModel
import FuzzInputs
import Testing

@testable import AnkiInterop

/// Text files of notes damaged every way a fuzzer would damage them: `AnkiTextImporter`
/// never crashes, makes only decks `factdeck study` reads, names the line of every row it
/// skips and the file in every error.
@Suite struct AnkiTextFuzzPropertyTests {
    static let seeds: [[UInt8]] = [
        "#separator:tab\n#html:true\n#notetype column:3\n#deck column:4\n#tags column:5\n#guid column:6\n"
            + "Capital of <b>France</b>?\tParis\tBasic\tGeography::Europe\tfactdeck::fact::place\tg-1\n"
            + "{{c1::Neptune}} was found in {{c2::1846}}.\tLe Verrier\tCloze\tPlanets\t\tg-2\n"
            + "Largest planet?\tJupiter\tBasic (and reversed card)\tPlanets\touter\tg-3\n",
        "\u{FEFF}\"Capital, of France\",Paris\n\"Who said \"\"hello\"\"?\",Ada\r\n\"Two\nlines\",answer\n# a comment\nQ,\n",
        "#separator:Semicolon\n#columns:Back;Front\n#notetype:Basic (optional reversed card)\nParis;Capital of France?;y\nJupiter;Largest planet?;\n",
        "When does the lecture start?,10:30\nWhere is it?,Room 5\nWho teaches?,Dr. Okafor\n",
    ].map { Array($0.utf8) }

    static let tokens = [
        "\t", ",", ";", "\"", "\n", "#separator:", "#html:", "#columns:", "#notetype:", "#deck:", "#tags:", "#guid column:",
        "#deck column:", "#notetype column:", "#tags column:", "0", "99999999999999999999", "{{c1::", "{{c0::", "{{c999999999999::",
        "::hint", "}}", "<br>", "&amp;", "Cloze", "Basic (type in the answer)", "{{#Back}}", "{{/Back}}",
    ]

    @Test func mutatedNotesImportOrFailNamingTheFile() {
        var cards = 0
        let extensions = ["txt", "csv", "tsv"]
        for (i, bytes) in MutatedInputs(seeds: Self.seeds, count: 2000, seed: 22, tokens: Self.tokens).enumerated() {
            let ext = extensions[i % extensions.count]
            let path = "notes.\(ext)"
            do {
                let result = try AnkiTextImporter.parse(bytes, fileName: "notes", fileExtension: ext, path: path, options: AnkiImportOptions())
                let lines = Lines.count(bytes, carriageReturnEndsLine: true)
                for deck in result.decks {
                    #expect(DeckRoundTrip.problem(deck) == nil, "input \(i)")
                    cards += deck.cards.count
                }
                for warning in result.warnings {
                    let number = Int(warning.dropFirst(path.count + 7).prefix { $0.isNumber }) ?? 0
                    #expect(warning.hasPrefix(path + ": line ") && number >= 1 && number <= lines, "input \(i): \(warning)")
                }
                #expect(result.notes <= lines, "input \(i): \(result.notes) notes in \(lines) lines")
            } catch {
                #expect(error.description.contains(path), "input \(i): \(error)")
            }
        }
        #expect(cards >= 1000)
    }
}
