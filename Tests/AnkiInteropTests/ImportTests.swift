import DeckModel
import Foundation
import JSONKit
import StudyStore
import Testing
import ZIPFoundation

@testable import AnkiInterop

/// Packages exported by real Anki 26.9.3, with their expected counts in manifest.json.
enum Fixtures {
    static let dir = ProcessInfo.processInfo.environment["FACTDECK_ANKI_FIXTURES"] ?? "/work/shared/tools/anki/fixtures"
    static var available: Bool { FileManager.default.fileExists(atPath: dir + "/manifest.json") }

    struct Expect { var name: String; var format: String; var notes: Int; var cards: Int; var revlog: Int }

    static func packages() throws -> [Expect] {
        let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: dir + "/manifest.json")))
        let root = try JSONParser.parse(bytes)
        return (root["fixtures"]?.objectValue ?? []).compactMap { name, f in
            guard name.hasSuffix(".apkg"), let e = f["expect"] else { return nil }
            return Expect(name: name, format: f["format"]?["collection_file"]?.stringValue ?? "",
                          notes: e["notes"]?.intValue ?? -1, cards: e["cards"]?.intValue ?? -1, revlog: e["revlog"]?.intValue ?? -1)
        }
    }
}

@Suite struct ImportTests {
    @Test(.enabled(if: Fixtures.available)) func everyFixtureMatchesTheManifest() throws {
        let fixtures = try Fixtures.packages()
        #expect(fixtures.count == 4)
        for f in fixtures {
            let path = Fixtures.dir + "/" + f.name
            let r = try AnkiImporter.read(path: path)
            #expect(r.collectionFile == f.format, "\(f.name)")
            #expect(r.notes == f.notes, "\(f.name)")
            #expect(r.ankiCards == f.cards, "\(f.name)")
            #expect(r.revlog == f.revlog, "\(f.name)")
            // Cards with nothing to type (an image or sound as the answer, an empty back) are
            // left out, each with a warning.
            #expect(r.decks.reduce(0) { $0 + $1.cards.count } + r.warnings.count == f.cards, "\(f.name): \(r.warnings)")
            #expect(r.warnings.allSatisfy { $0.contains("empty question or answer") }, "\(f.name): \(r.warnings)")
            for deck in r.decks {
                // Every deck must survive the deck-file codec's own validation.
                _ = try DeckCodec.decode(DeckCodec.encode(deck), path: deck.id)
                for card in deck.cards {
                    #expect(!card.question.contains("<") || !card.question.contains(">"), "HTML left in \(card.question)")
                    if card.type == .cloze { #expect(card.question.contains("____") && !card.question.contains("{{c")) }
                }
            }
        }
    }

    /// Current Anki exports the zstd/schema-18 layout by default; it must read exactly as the
    /// legacy export of the same collection does.
    @Test(.enabled(if: Fixtures.available), arguments: ["basic-and-cloze", "with-history"])
    func modernAndLegacyPackagesReadAlike(name: String) throws {
        let modern = try AnkiImporter.read(path: Fixtures.dir + "/\(name).apkg")
        let legacy = try AnkiImporter.read(path: Fixtures.dir + "/\(name).legacy.apkg")
        #expect(modern.collectionFile == "collection.anki21b")
        #expect(modern.decks.map(\.title) == legacy.decks.map(\.title))
        #expect(modern.decks.map(\.id) == legacy.decks.map(\.id))
        #expect(modern.decks.flatMap(\.cards) == legacy.decks.flatMap(\.cards))
        #expect(modern.entries == legacy.entries)
        #expect(modern.warnings == legacy.warnings)
        #expect(!modern.decks.flatMap(\.cards).isEmpty)
    }

    @Test(.enabled(if: Fixtures.available)) func clozeNotesGiveOneCardPerDeletion() throws {
        let r = try AnkiImporter.read(path: Fixtures.dir + "/basic-and-cloze.legacy.apkg")
        let cards = r.decks.flatMap(\.cards)
        #expect(cards.filter { $0.type == .question }.count == 7)  // + 3 with a media-only or empty back
        #expect(r.warnings.count == 3)
        #expect(cards.filter { $0.type == .cloze }.count == 10)
        #expect(r.decks.map(\.title) == ["Swift Fixtures::Basic and Cloze"])
        #expect(r.decks[0].id == "swift-fixtures-basic-and-cloze")
        // Same package, same card ids.
        let again = try AnkiImporter.read(path: Fixtures.dir + "/basic-and-cloze.legacy.apkg")
        #expect(again.decks.flatMap(\.cards).map(\.id) == cards.map(\.id))
        let one = try AnkiImporter.read(path: Fixtures.dir + "/basic-and-cloze.legacy.apkg", options: AnkiImportOptions(deckName: "Mine"))
        #expect(one.decks.map(\.id) == ["mine"])
    }

    @Test(.enabled(if: Fixtures.available)) func historyBecomesReviewEntries() throws {
        let r = try AnkiImporter.read(path: Fixtures.dir + "/with-history.legacy.apkg")
        let reviews = r.entries.filter { $0.kind == .review }
        #expect(reviews.count == 91)  // 92 revlog rows, one of them a manual reschedule
        #expect(r.entries.filter { $0.kind == .suspend }.count == 1)
        #expect(zip(reviews, reviews.dropFirst()).allSatisfy { $0.time <= $1.time })
        // Replaying the entries gives review-phase cards as Anki had them.
        var states: [String: CardProgress] = [:]
        for e in r.entries { e.apply(to: &states[e.card, default: .untouched]) }
        #expect(states.values.filter { $0.schedule.phase == .review }.count >= 10)
    }

    @Test func roundTripThroughAnkiFormat() throws {
        let path = temporaryPath("rt.apkg")
        try AnkiExporter.export(decks: [sampleDeck()], to: path, options: AnkiExportOptions(now: exportTime))
        let r = try AnkiImporter.read(path: path)
        #expect(r.decks.count == 1 && r.decks[0].title == "The Solar System")
        let cards = r.decks[0].cards
        #expect(cards.count == 4)
        let cloze = cards.first { $0.type == .cloze }
        #expect(cloze?.question == "In ____ Johann Galle found Neptune.")
        #expect(cloze?.answer == "1846")
        #expect(cloze?.factType == "year")
        let q = cards.first { $0.question == "Who found Neptune in 1846?" }
        #expect(q?.answer == "Johann Galle")
        #expect(q?.source.sentence.hasPrefix("In 1846 Johann Galle found Neptune") == true)
        #expect(cards.contains { $0.question.hasSuffix("1900 & later <really>.") && $0.answer == "False" })
    }

    // MARK: bad input: a clear error, nothing written

    @Test func notAZip() throws {
        let path = temporaryPath("x.apkg")
        try Data("hello, not a zip".utf8).write(to: URL(fileURLWithPath: path))
        expectError(path) { if case .notAnkiPackage(let s) = $0 { s.contains("not a zip") } else { false } }
        expectError(temporaryPath("missing.apkg")) { if case .io(_, let r) = $0 { r == "no such file" } else { false } }
    }

    @Test func pathTraversalEntry() throws {
        let path = try makeZip(["../evil.txt": Data("x".utf8), "collection.anki2": Data("y".utf8)])
        expectError(path) { if case .unsafeEntry(let n) = $0 { n == "../evil.txt" } else { false } }
        let abs = try makeZip(["/etc/evil": Data("x".utf8)])
        expectError(abs) { if case .unsafeEntry = $0 { true } else { false } }
    }

    @Test func missingCollection() throws {
        let path = try makeZip(["media": Data("{}".utf8)])
        expectError(path) { if case .notAnkiPackage(let s) = $0 { s.contains("collection") } else { false } }
    }

    @Test func collectionThatIsNotSQLite() throws {
        let path = try makeZip(["collection.anki21": Data("garbage".utf8), "media": Data("{}".utf8)])
        expectError(path) { if case .notAnkiPackage = $0 { true } else { false } }
    }

    @Test func unknownSchema() throws {
        let db = try SQLiteDatabase()
        try db.execute(AnkiSchema.ddl)
        try db.execute("INSERT INTO col VALUES (1,0,0,0,18,0,0,0,'{}','{}','{}','{}','{}')")
        let path = try makeZip(["collection.anki21": try db.serialized()])
        expectError(path) { if case .unsupportedSchema(let s) = $0 { s.contains("18") } else { false } }
        let future = try makeZip(["meta": Data([0x08, 0x07]), "collection.anki21": try db.serialized()])
        expectError(future) { if case .unsupportedSchema = $0 { true } else { false } }
    }

    @Test func zipBomb() throws {
        let path = try makeZip(["collection.anki21": Data(count: 3 << 20)], deflate: true)
        #expect(throws: AnkiError.tooLarge("collection.anki21 would unpack to 3 MiB (limit 1 MiB)")) {
            try AnkiImporter.read(path: path, options: AnkiImportOptions(), collectionLimit: 1 << 20)
        }
    }

    /// zstd data without a declared size, as a streaming writer (Anki above 10 MiB) makes it.
    func zstdStream(_ data: Data) throws -> Data { Data(try Zstd.compressStream([UInt8](data))) }

    @Test func modernCollectionBombAndTruncationAreRefused() throws {
        let meta = Data([0x08, 0x03])
        // 3 MiB of zeros in a few hundred bytes, no size declared: stopped by what comes out.
        let bomb = try makeZip(["meta": meta, "collection.anki21b": try zstdStream(Data(count: 3 << 20))])
        #expect(throws: AnkiError.tooLarge("collection.anki21b unpacks to more than 1 MiB")) {
            try AnkiImporter.read(path: bomb, options: AnkiImportOptions(), collectionLimit: 1 << 20)
        }
        // A real collection cut short mid-frame.
        let db = try SQLiteDatabase()
        try db.execute(AnkiSchema.ddl)
        let whole = try zstdStream(try db.serialized())
        let cut = try makeZip(["meta": meta, "collection.anki21b": whole.prefix(whole.count / 2)])
        expectError(cut) { if case .damaged(let s) = $0 { s.contains("zstd") } else { false } }
        // Not compressed at all although meta says modern.
        let plain = try makeZip(["meta": meta, "collection.anki21b": try db.serialized()])
        expectError(plain) { if case .damaged(let s) = $0 { s.contains("zstd") } else { false } }
        // meta says modern but the entry is missing.
        let missing = try makeZip(["meta": meta, "collection.anki2": try db.serialized()])
        expectError(missing) { if case .notAnkiPackage(let s) = $0 { s.contains("collection.anki21b") } else { false } }
    }

    func expectError(_ path: String, sourceLocation: SourceLocation = #_sourceLocation, _ matches: (AnkiError) -> Bool) {
        do {
            let r = try AnkiImporter.read(path: path)
            Issue.record("expected an error, read \(r.decks.count) decks", sourceLocation: sourceLocation)
        } catch {
            #expect(matches(error), "\(error)", sourceLocation: sourceLocation)
            #expect(!error.description.isEmpty)
        }
    }

    func makeZip(_ entries: KeyValuePairs<String, Data>, deflate: Bool = false) throws -> String {
        let path = temporaryPath("t.apkg")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        for (name, data) in entries {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: deflate ? .deflate : .none) { pos, size in
                data.subdata(in: Int(pos)..<Int(pos) + size)
            }
        }
        return path
    }
}
