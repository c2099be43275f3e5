import DeckModel
import Foundation
import Glibc
import JSONKit
import Testing

/// `cards`, `edit` and `delete` as a learner uses them, across regeneration of the deck.
@Suite struct CardEditCLITests {
    let env = ["FACTDECK_NOW": "2026-11-23T10:00:00Z"]

    func run(_ ws: Workspace, _ args: [String], stdin: String = "") throws -> CLI.Result {
        try CLI.run(Array(args.prefix(1)) + ["--decks", ws.decks, "--progress", ws.progress] + args.dropFirst(), stdin: stdin, env: env)
    }

    /// `cards --json`, by card id.
    func cards(_ ws: Workspace, _ extra: [String] = []) throws -> [String: JSONValue] {
        let r = try run(ws, ["cards", "--json"] + extra)
        #expect(r.status == 0, "\(r.stderr)")
        let list = try JSONParser.parse(Array(r.stdout.utf8)).arrayValue ?? []
        return Dictionary(list.compactMap { c in c["id"]?.stringValue.map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
    }

    func id(answer: String, in cards: [String: JSONValue]) throws -> String {
        try #require(cards.first { $0.value["answer"]?.stringValue == answer }?.key)
    }

    @Test func editsAndDeletionsSurviveRegenerationAndAnEditedCardKeepsItsProgress() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        try FileManager.default.removeItem(atPath: ws.decks + "/planets.json")
        let article = ws.root + "/solar.txt"
        try GenerateCLITests.article.write(toFile: article, atomically: true, encoding: .utf8)
        func generate(_ text: String) throws {
            try text.write(toFile: article, atomically: true, encoding: .utf8)
            let g = try CLI.run(["generate", article, "--output", ws.decks])
            #expect(g.status == 0, "\(g.stderr)")
        }
        try generate(GenerateCLITests.article)
        let first = try cards(ws)
        // a card of the Herschel sentence (edited, then its sentence leaves the article) and
        // a card of another sentence (deleted)
        func sentence(_ c: JSONValue) -> String { c["source"]?["sentence"]?.stringValue ?? "" }
        let bath = try #require(first.first { sentence($0.value).contains("Herschel") }?.key)
        let members = try #require(first.first { !sentence($0.value).contains("Herschel") }?.key)
        // Some progress on every card: each answered once (wrongly).
        let n = first.count
        _ = try run(ws, ["study", "--no-fuzz", "--new", "\(n)"], stdin: String(repeating: "x\n", count: n) + ":quit\n")
        #expect(try cards(ws)[bath]?["state"]?["reps"]?.intValue == 1)

        let e = try run(ws, ["edit", bath, "--answer", "the city of Bath", "--accept", "Bath"])
        #expect(e.status == 0, "\(e.stderr)")
        #expect(e.stdout.contains("Edited \(bath) (The Solar System): answer, accepted answers."))
        let d = try run(ws, ["delete", members])
        #expect(d.status == 0 && d.stdout.contains("Deleted \(members)"), "\(d.stderr)")

        // Same article again: same ids; the edit and the deletion hold, progress too.
        try generate(GenerateCLITests.article)
        var now = try cards(ws)
        #expect(Set(now.keys) == Set(first.keys).subtracting([members]))
        #expect(now[bath]?["answer"]?.stringValue == "the city of Bath")
        #expect(now[bath]?["accept"]?.arrayValue == [.string("Bath")])
        #expect(now[bath]?["edited"]?.boolValue == true)
        #expect(now[bath]?["state"]?["reps"]?.intValue == 1, "the edited card keeps its progress")
        #expect(now[bath]?["state"]?["phase"]?.stringValue == "learning")

        // The sentence the edited card came from leaves the article: the card stays as written.
        try generate(GenerateCLITests.article.replacingOccurrences(of: "In 1781, William Herschel discovered Uranus with a telescope in Bath. ", with: ""))
        now = try cards(ws)
        #expect(now[bath]?["answer"]?.stringValue == "the city of Bath")
        #expect(now[bath]?["question"] == first[bath]?["question"])
        #expect(now[members] == nil)
        #expect(!now.contains { $0.key != bath && sentence($0.value).contains("Herschel") }, "other cards of that sentence are gone")
    }

    @Test func aDeletedCardIsGoneFromStudyStatsAndExportAndUndoRestoresIt() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let d = try run(ws, ["delete", "c-largest"])
        #expect(d.status == 0, "\(d.stderr)")
        // Study: the first card would have been the largest-planet one.
        let study = try run(ws, ["study", "--no-fuzz"], stdin: ":quit\n")
        #expect(!study.stdout.contains("largest") && study.stdout.contains("Red Planet"))
        let stats = try JSONParser.parse(Array(try run(ws, ["stats", "--json"]).stdout.utf8))
        #expect(stats["cards"]?["total"]?.intValue == 3)
        let row = try run(ws, ["decks"]).stdout.split(separator: "\n").first { $0.hasPrefix("Planets") }
        #expect(row?.split(separator: " ").dropFirst().first == "3")
        let quiz = try run(ws, ["quiz", "--count", "10", "--json"])
        #expect(try JSONParser.parse(Array(quiz.stdout.utf8))["total"]?.intValue == 3)

        // Export, then read the package back with factdeck's own importer.
        let apkg = ws.root + "/out.apkg"
        #expect(try run(ws, ["edit", "c-red", "--answer", "Mars, the red one", "--accept", "Mars"]).status == 0)
        let export = try run(ws, ["export", "--anki", apkg])
        #expect(export.status == 0 && export.stdout.contains("3 notes"), "\(export.stderr)\(export.stdout)")
        let other = try Workspace()
        defer { other.remove() }
        try FileManager.default.removeItem(atPath: other.decks + "/planets.json")
        #expect(try run(other, ["import", apkg]).status == 0)
        let imported = try run(other, ["cards", "--json"]).stdout
        #expect(imported.contains("Mars, the red one") && !imported.contains("largest"))

        let u = try run(ws, ["delete", "c-largest", "--undo"])
        #expect(u.status == 0 && u.stdout.contains("Restored c-largest (Planets)"), "\(u.stderr)")
        #expect(try cards(ws)["c-largest"] != nil)
        let again = try run(ws, ["delete", "c-largest", "--undo"])
        #expect(again.status == 1 && again.stderr.contains("card c-largest is not deleted"))
    }

    @Test func searchFindsAccentedWordsTypedWithout() throws {
        let ws = try Workspace(cards: Workspace.sampleCards + [
            Card(id: "c-sp", type: .question, question: "Which is the largest city of Brazil?", answer: "São Paulo",
                 source: CardSource(sentence: "São Paulo is the largest city of Brazil.")),
            Card(id: "c-lodz", type: .cloze, question: "____ is Poland's third city.", answer: "Łódź",
                 source: CardSource(sentence: "Łódź is Poland’s third city.")),
        ])
        defer { ws.remove() }
        for (search, ids) in [("sao paulo", ["c-sp"]), ("LODZ", ["c-lodz"]), ("poland's", ["c-lodz"]), ("red planet", ["c-red"]), ("zzz", [])] {
            #expect(try Array(cards(ws, ["--search", search]).keys).sorted() == ids, "\(search)")
        }
        let text = try run(ws, ["cards", "--search", "sao paulo"])
        #expect(text.stdout.hasPrefix("c-sp  planets  question  Which is the largest city of Brazil?"))
        #expect(try run(ws, ["cards", "--search", "zzz"]).stdout == "No cards match.\n")
        #expect(try Array(cards(ws, ["--type", "cloze"]).keys).sorted() == ["c-lodz", "c-red"])
    }

    @Test func oneLinePerCardFittedToTheTerminalAndFlaggedWithNotes() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        _ = try run(ws, ["study"], stdin: ":flag the date is wrong\n:quit\n")
        for cols in ["60", "100"] {
            let r = try CLI.run(["cards", "--decks", ws.decks, "--progress", ws.progress], env: env.merging(["COLUMNS": cols]) { $1 })
            let lines = r.stdout.split(separator: "\n")
            #expect(lines.count == 4)
            #expect(lines.allSatisfy { $0.count <= Int(cols)! }, "\(r.stdout)")
            #expect(lines.allSatisfy { $0.hasPrefix("c-") })
        }
        let flagged = try run(ws, ["cards", "--flagged"])
        let flaggedLines = flagged.stdout.split(separator: "\n").map(String.init)
        #expect(flaggedLines.count == 2)
        #expect(flaggedLines.first?.hasPrefix("c-largest") == true)
        #expect(flaggedLines.last == "    note: the date is wrong")
        #expect(try cards(ws, ["--flagged"])["c-largest"]?["state"]?["flagNote"]?.stringValue == "the date is wrong")
        #expect(try cards(ws, ["--suspended"]).isEmpty)
    }

    @Test func editAndDeleteInAPipedStudySession() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        // :edit reads one line per field (an empty line keeps it): question, answer, accepted.
        let r = try run(ws, ["study", "--no-fuzz"], stdin: ":edit\n\nJove\n\nJove\n:delete\n:undo\n:delete\n:quit\n")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("Saved (answer)") && r.stdout.contains("✓ Correct: Jove"))
        #expect(r.stdout.contains("Brought back: ____ is called the Red Planet."))
        let now = try cards(ws)
        #expect(now["c-largest"]?["answer"]?.stringValue == "Jove")
        #expect(now["c-red"] == nil, "deleted, brought back, deleted again")
        #expect(ws.logLines.count == 1)
        let cloze = try Workspace(cards: [Workspace.sampleCards[1]])
        defer { cloze.remove() }
        let invalid = try run(cloze, ["study", "--no-fuzz"], stdin: ":edit\nno gap here\n\n\n:quit\n")
        #expect(invalid.stdout.contains("Not saved: a cloze question needs exactly one ____ gap"), "\(invalid.stdout)")
        #expect(!FileManager.default.fileExists(atPath: cloze.progress + "/edits.json"))
    }

    @Test("invalid edits are refused and nothing is written", arguments: [
        (["edit", "c-red", "--question", "Mars is called the Red Planet."], "card c-red not changed: a cloze question needs exactly one ____ gap (this one has 0)"),
        (["edit", "c-red", "--question", "____ is called the ____ Planet."], "exactly one ____ gap (this one has 2)"),
        (["edit", "c-largest", "--answer", " "], "card c-largest not changed: the answer is empty"),
        (["edit", "c-largest", "--choices", "Jupiter,Saturn"], "card c-largest is a question card, which has no choices"),
        (["edit", "c-largest"], "say what to change"),
        (["edit", "c-nope", "--answer", "x"], "no card c-nope in"),
        (["edit", "c-red", "--deck", "moons", "--answer", "x"], "no deck named 'moons'"),
        (["delete", "c-nope"], "no card c-nope in"),
        (["delete", "c-nope", "--undo"], "no deleted card c-nope"),
    ])
    func refused(args: [String], message: String) throws {
        let ws = try Workspace()
        defer { ws.remove() }
        let r = try run(ws, args)
        #expect(r.status == 1)
        #expect(r.stderr.contains(message), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").count == 1, "\(r.stderr)")
        #expect(!FileManager.default.fileExists(atPath: ws.progress + "/edits.json"))
    }

    @Test func multipleChoiceEditsKeepTheAnswerAmongTheChoices() throws {
        let ws = try Workspace(cards: [
            Card(id: "c-mc", type: .choice, question: "How many moons?", answer: "2", choices: ["1", "2", "3", "4"],
                 source: CardSource(sentence: "Mars has 2 moons.")),
        ])
        defer { ws.remove() }
        let bad = try run(ws, ["edit", "c-mc", "--answer", "two"])
        #expect(bad.status == 1 && bad.stderr.contains("the answer \"two\" is not among the choices (1 | 2 | 3 | 4)"))
        let good = try run(ws, ["edit", "c-mc", "--answer", "1,300", "--choices", "1,300 | 2 | 3"])
        #expect(good.status == 0, "\(good.stderr)")
        #expect(try cards(ws)["c-mc"]?["choices"]?.arrayValue == ["1,300", "2", "3"].map(JSONValue.string))
    }

    @Test func aCardOfADeckThatIsGoneAndTheLockAreOneLineErrors() throws {
        let ws = try Workspace()
        defer { ws.remove() }
        #expect(try run(ws, ["edit", "c-red", "--answer", "Mars!"]).status == 0)
        let saved = FileManager.default.contents(atPath: ws.progress + "/edits.json")
        // A study session holds the progress folder: edit and delete wait for it to end.
        let session = try RunningCLI(["study", "--decks", ws.decks, "--progress", ws.progress], env: env)
        session.waitForLock(progress: ws.progress)
        for args in [["edit", "c-largest", "--answer", "Jove"], ["delete", "c-largest"]] {
            let r = try run(ws, args)
            #expect(r.status == 1 && r.stderr.contains("is in use by factdeck pid \(session.process.processIdentifier) (study)"), "\(r.stderr)")
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
        session.finish()
        #expect(FileManager.default.contents(atPath: ws.progress + "/edits.json") == saved, "nothing written")
        // The deck file goes away: its edited card is named with the deck.
        try FileManager.default.removeItem(atPath: ws.decks + "/planets.json")
        try Workspace.write(Deck(id: "moons", title: "Moons", cards: [Workspace.sampleCards[0]]), to: ws.decks + "/moons.json")
        let gone = try run(ws, ["edit", "c-red", "--answer", "x"])
        #expect(gone.status == 1 && gone.stderr.contains("card c-red belongs to deck 'planets', which is no longer in"), "\(gone.stderr)")
        #expect(FileManager.default.contents(atPath: ws.progress + "/edits.json") == saved)
    }
}
