import DeckModel
import Foundation
import Scheduling
import StudyStore
import Testing

@testable import AnkiInterop

/// A small deck with one card of each type.
func sampleDeck(id: String = "solar", title: String = "The Solar System") -> Deck {
    let src = CardSource(sentence: "In 1846 Johann Galle found Neptune at the Berlin Observatory.", section: "Outer Planets")
    return Deck(id: id, title: title, source: DeckSource(path: "solar.txt", title: title), cards: [
        Card(id: "c-1", type: .cloze, question: "In ____ Johann Galle found Neptune.", answer: "1846", source: src, factType: "year"),
        Card(id: "c-2", type: .question, question: "Who found Neptune in 1846?", answer: "Johann Galle", source: src, factType: "person"),
        Card(id: "c-3", type: .choice, question: "Where was Neptune found?", answer: "Berlin Observatory",
             choices: ["Paris Observatory", "Berlin Observatory", "Greenwich", "Mount Wilson"], source: src),
        Card(id: "c-4", type: .truefalse, question: "Is this statement correct? Neptune was found in 1900 & later <really>.", answer: "False", source: src),
    ])
}

func temporaryPath(_ name: String) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("anki-tests-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    return dir.appendingPathComponent(name).path
}

let exportTime = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18

/// Opens the collection inside an exported package with SQLite.
func openCollection(_ path: String) throws -> SQLiteDatabase {
    let pkg = try AnkiPackageReader.open(path: path)
    return try SQLiteDatabase(image: pkg.collection)
}

@Suite struct ExportTests {
    @Test func packageHoldsOneNoteAndCardPerCard() throws {
        let path = temporaryPath("out.apkg")
        let summary = try AnkiExporter.export(decks: [sampleDeck(), sampleDeck(id: "other", title: "Other Deck")], to: path, options: AnkiExportOptions(now: exportTime))
        #expect(summary == AnkiExportSummary(decks: 2, notes: 8, cards: 8, revlog: 0))
        let db = try openCollection(path)
        #expect(try db.query("SELECT count(*) FROM notes")[0][0].int == 8)
        #expect(try db.query("SELECT count(*) FROM cards")[0][0].int == 8)
        #expect(try db.query("SELECT ver FROM col")[0][0].int == 11)
        let flds = try db.query("SELECT flds FROM notes ORDER BY id").compactMap { $0[0].text }
        #expect(flds.contains { $0.hasPrefix("In {{c1::1846}} Johann Galle found Neptune.\u{1F}<div class=\"source\">") })
        #expect(flds.contains { $0.contains("b) Berlin Observatory") && $0.contains("a) Paris Observatory<br>b) Berlin") })
        #expect(flds.contains { $0.contains("1900 &amp; later &lt;really&gt;.") })
        // Every note's field count matches its note type; card rows are new cards in order.
        let cards = try db.query("SELECT type, queue, due, ord FROM cards ORDER BY due")
        #expect(cards.map { $0[2].int } == (1...8).map { Int64($0) })
        #expect(cards.allSatisfy { $0[0].int == 0 && $0[1].int == 0 && $0[3].int == 0 })
        let decks = try db.query("SELECT decks FROM col")[0][0].text ?? ""
        #expect(decks.contains("\"The Solar System\"") && decks.contains("\"Other Deck\""))
        let csum = try db.query("SELECT csum FROM notes WHERE sfld = 'Who found Neptune in 1846?'")
        #expect(csum.count == 2 && csum[0][0].int == AnkiHTML.checksum("Who found Neptune in 1846?"))
    }

    @Test func reExportKeepsGUIDsAndIDs() throws {
        let a = temporaryPath("a.apkg"), b = temporaryPath("b.apkg")
        try AnkiExporter.export(decks: [sampleDeck()], to: a, options: AnkiExportOptions(now: exportTime))
        var changed = sampleDeck()
        changed.cards[1].answer = "J. G. Galle"
        changed.cards.reverse()
        try AnkiExporter.export(decks: [changed], to: b, options: AnkiExportOptions(now: exportTime.addingTimeInterval(86400)))
        let q = "SELECT n.guid, n.id, n.mid, c.id, c.did FROM notes n JOIN cards c ON c.nid = n.id ORDER BY n.guid"
        let first = try openCollection(a).query(q), second = try openCollection(b).query(q)
        #expect(first.count == 4)
        #expect(first == second)
        #expect(Set(first.map { $0[0] }).count == 4)
        #expect(AnkiExporter.noteGUID(deck: "solar", card: "c-1") == AnkiExporter.noteGUID(deck: "solar", card: "c-1"))
        #expect(AnkiExporter.noteGUID(deck: "solar", card: "c-1") != AnkiExporter.noteGUID(deck: "other", card: "c-1"))
        let models = try openCollection(a).query("SELECT models FROM col")[0][0].text ?? ""
        #expect(models.contains("\"\(AnkiExporter.noteTypeID(name: AnkiExporter.clozeNoteTypeName))\""))
    }

    @Test func withProgressWritesRevlogWithoutUndoneReviews() throws {
        let deck = sampleDeck()
        let t0 = exportTime.addingTimeInterval(-10 * 86400)
        let learning = SchedulingState(phase: .learning, step: 1, due: t0.addingTimeInterval(600), lastReview: t0, reps: 1)
        let review = SchedulingState(phase: .review, memory: MemoryState(stability: 3.2, difficulty: 5.1),
                                     due: t0.addingTimeInterval(4 * 86400), lastReview: t0.addingTimeInterval(700), reps: 2)
        let log = [
            LogEntry(seq: 1, kind: .review, deck: "solar", card: "c-1", time: t0, rating: .good, responseMillis: 4200, before: .new, after: learning),
            LogEntry(seq: 2, kind: .review, deck: "solar", card: "c-1", time: t0.addingTimeInterval(700), rating: .good, responseMillis: 3000, before: learning, after: review),
            LogEntry(seq: 3, kind: .review, deck: "solar", card: "c-2", time: t0.addingTimeInterval(800), rating: .again, before: .new, after: learning),
            LogEntry(seq: 4, kind: .undo, deck: "solar", card: "c-2", time: t0.addingTimeInterval(801), after: .new, undoes: 3),
            LogEntry(seq: 5, kind: .review, deck: "elsewhere", card: "x", time: t0, rating: .good, before: .new, after: learning),
        ]
        let progress = ["solar": ["c-1": CardProgress(schedule: review), "c-3": CardProgress(schedule: .new, suspended: true)]]
        let path = temporaryPath("p.apkg")
        let summary = try AnkiExporter.export(decks: [deck], progress: progress, reviewLog: log, to: path,
                                              options: AnkiExportOptions(withProgress: true, now: exportTime))
        #expect(summary.revlog == 2)
        let db = try openCollection(path)
        let rev = try db.query("SELECT ease, ivl, lastIvl, type, time FROM revlog ORDER BY id")
        #expect(rev.map { $0.map(\.int) } == [[3, -600, 0, 0, 4200], [3, 4, -600, 0, 3000]])
        let crt = try db.query("SELECT crt FROM col")[0][0].int!
        let c1 = try db.query("SELECT c.type, c.queue, c.due, c.ivl, c.reps, c.data FROM cards c JOIN notes n ON n.id = c.nid WHERE n.guid = ?",
                              [.text(AnkiExporter.noteGUID(deck: "solar", card: "c-1"))])[0]
        #expect(c1[0].int == 2 && c1[1].int == 2 && c1[3].int == 4 && c1[4].int == 2)
        #expect(c1[2].int == (Int64(t0.addingTimeInterval(4 * 86400).timeIntervalSince1970) - crt) / 86400)
        #expect(c1[5].text?.contains("\"lrt\":") == true && c1[5].text?.contains("\"s\":3.2") == true)
        let suspended = try db.query("SELECT count(*) FROM cards WHERE queue = -1")[0][0].int
        #expect(suspended == 1)
    }

    @Test func emptyExportIsAnErrorAndWritesNothing() throws {
        let path = temporaryPath("none.apkg")
        #expect(throws: AnkiError.self) { try AnkiExporter.export(decks: [], to: path, options: AnkiExportOptions(now: exportTime)) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func noteChecksumIsAnkis() {
        // FORMATS.md §2.5: "Capital of France?" -> 2793226023.
        #expect(AnkiHTML.checksum("Capital of France?") == 2_793_226_023)
    }
}

/// The real Anki library (anki 26.9.3 in a venv, see ../shared/tools/anki/README.md) imports
/// an exported package; enabled only where that venv exists.
enum RealAnki {
    static let toolDir = ProcessInfo.processInfo.environment["FACTDECK_ANKI_TOOLS"] ?? "/work/shared/tools/anki"
    static var python: String? {
        let candidates = [
            ProcessInfo.processInfo.environment["FACTDECK_ANKI_PYTHON"],
            toolDir + "/.venv-anki/bin/python",
            "/tmp/venv-anki/bin/python",
        ].compactMap { $0 }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
            .flatMap { FileManager.default.fileExists(atPath: toolDir + "/check_apkg.py") ? $0 : nil }
    }

    static func check(_ path: String, _ args: [String]) throws -> (status: Int32, output: String) {
        try run([toolDir + "/check_apkg.py", path] + args)
    }

    /// Runs a Python script with the real Anki library.
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python!)
        p.arguments = arguments
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}

@Suite struct RealAnkiTests {
    @Test(.enabled(if: RealAnki.python != nil)) func ankiImportsTheExportStrictly() throws {
        let path = temporaryPath("real.apkg")
        try AnkiExporter.export(decks: [sampleDeck(), sampleDeck(id: "other", title: "Other::Sub Deck")], to: path,
                                options: AnkiExportOptions(now: Date()))
        let (status, output) = try RealAnki.check(path, ["--strict", "--expect-notes", "8", "--expect-cards", "8"])
        #expect(status == 0, "\(output)")
    }

    @Test(.enabled(if: RealAnki.python != nil)) func ankiImportsProgressStrictly() throws {
        let now = Date()
        let t0 = now.addingTimeInterval(-5 * 86400)
        let learning = SchedulingState(phase: .learning, step: 1, due: t0.addingTimeInterval(600), lastReview: t0, reps: 1)
        let review = SchedulingState(phase: .review, memory: MemoryState(stability: 3.2, difficulty: 5.1),
                                     due: t0.addingTimeInterval(4 * 86400), lastReview: t0.addingTimeInterval(700), reps: 2)
        let log = [
            LogEntry(seq: 1, kind: .review, deck: "solar", card: "c-1", time: t0, rating: .good, responseMillis: 4200, before: .new, after: learning),
            LogEntry(seq: 2, kind: .review, deck: "solar", card: "c-1", time: t0.addingTimeInterval(700), rating: .good, before: learning, after: review),
            LogEntry(seq: 3, kind: .review, deck: "solar", card: "c-2", time: t0.addingTimeInterval(800), rating: .again, before: .new, after: learning),
        ]
        var relearn = learning
        relearn.lastReview = t0.addingTimeInterval(800)
        relearn.due = t0.addingTimeInterval(1400)
        let progress = ["solar": ["c-1": CardProgress(schedule: review), "c-2": CardProgress(schedule: relearn, suspended: true)]]
        let path = temporaryPath("real-progress.apkg")
        try AnkiExporter.export(decks: [sampleDeck()], progress: progress, reviewLog: log, to: path,
                                options: AnkiExportOptions(withProgress: true, now: now))
        let (status, output) = try RealAnki.check(path, ["--strict", "--expect-notes", "4", "--expect-cards", "4", "--expect-revlog", "3"])
        #expect(status == 0, "\(output)")

        // Real Anki re-exports it in its default modern layout (zstd, schema 18); reading that
        // back gives the same cards and the same history as reading our own package.
        let modern = temporaryPath("real-modern.apkg")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Scripts/anki_reexport.py").path
        let (rc, reexportOutput) = try RealAnki.run([script, path, modern])
        try #require(rc == 0, "\(reexportOutput)")
        let ours = try AnkiImporter.read(path: path)
        let theirs = try AnkiImporter.read(path: modern)
        #expect(theirs.collectionFile == "collection.anki21b")
        #expect(theirs.decks.map(\.title) == ours.decks.map(\.title))
        #expect(theirs.decks.flatMap(\.cards).map(\.id).sorted() == ours.decks.flatMap(\.cards).map(\.id).sorted())
        #expect(Set(theirs.decks.flatMap(\.cards).map(\.question)) == Set(ours.decks.flatMap(\.cards).map(\.question)))
        let reviews = theirs.entries.filter { $0.kind == .review }
        #expect(reviews.count == 3)
        #expect(reviews.map(\.rating) == [.good, .good, .again])
        #expect(theirs.entries.contains { $0.kind == .suspend })
    }
}
