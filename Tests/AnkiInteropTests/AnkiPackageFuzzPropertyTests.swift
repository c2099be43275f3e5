import DeckModel
import Foundation
import FuzzInputs
import JSONKit
import Testing
import ZIPFoundation

@testable import AnkiInterop
@testable import StudyStore

/// Anki packages damaged every way a fuzzer would damage them, at each depth of the
/// importer: the SQL that makes a collection (so rows and configs are hostile), the
/// collection's SQLite file image, and the .apkg zip. `AnkiImporter` never crashes, and
/// what it reads is decks `factdeck study` reads and log entries the store writes back
/// unchanged, for cards it imported.
@Suite struct AnkiPackageFuzzPropertyTests {
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let sql: [[UInt8]] = ["legacy-collection.sql", "modern-collection.sql"].map {
        Array(FileManager.default.contents(atPath: fixtures.appendingPathComponent($0).path)!)
    }

    /// A fresh in-memory database after the statements of `sql` that run.
    static func database(_ sql: [UInt8]) -> SQLiteDatabase? {
        guard let statements = SQLScript.statements(sql), let db = try? SQLiteDatabase() else { return nil }
        for statement in statements { try? db.execute(statement) }
        return db
    }

    static func image(_ sql: [UInt8]) -> [UInt8] { Array(try! database(sql)!.serialized()) }

    /// The collection image zipped as legacy Anki writes it.
    static func package(_ image: [UInt8]) -> [UInt8] {
        let archive = try! Archive(data: Data(), accessMode: .create)
        for (name, bytes) in [("meta", [0x08, 0x02]), ("collection.anki21", image), ("media", Array("{}".utf8))] {
            try! archive.addEntry(with: name, type: .file, uncompressedSize: Int64(bytes.count), compressionMethod: .deflate) { position, size in
                Data(bytes[Int(position)..<Int(position) + size])
            }
        }
        return Array(archive.data!)
    }

    static func read(_ db: SQLiteDatabase) throws(AnkiError) -> AnkiImportResult {
        try AnkiImporter.read(db, collectionFile: "collection.anki21", options: AnkiImportOptions())
    }

    /// Found by fuzz-anki-package (a hang): a collection whose deflated stream never ends
    /// within its entry (here a stored block longer than the rest of the file). ZIPFoundation
    /// inflated on past the entry to the end of the file and then forever on Linux.
    @Test(.timeLimit(.minutes(1))) func aCollectionWhoseCompressedDataIsCutShortIsRefused() {
        let path = Self.fixtures.appendingPathComponent("fuzz-crashes/unterminated-deflate.apkg").path
        #expect {
            try AnkiImporter.read(path: path)
        } throws: { error in
            guard case AnkiError.damaged(let message) = error else { return false }
            return message.contains(path) && message.contains("collection.anki21") && message.contains("cut short")
        }
    }

    @Test func theHandMadeCollectionsReadAlikeInBothSchemas() throws {
        let legacy = try Self.read(#require(Self.database(Self.sql[0])))
        let modern = try Self.read(#require(Self.database(Self.sql[1])))
        #expect(legacy.decks == modern.decks && legacy.entries == modern.entries && legacy.warnings == modern.warnings)
        #expect(legacy.decks.map(\.title) == ["Planets::Outer", "Default"])
        #expect(legacy.decks.flatMap(\.cards).map(\.type) == [.question, .question, .cloze, .question, .cloze])
        #expect(legacy.warnings.count == 1 && legacy.warnings[0].contains("empty question or answer"))
        #expect(Dictionary(grouping: legacy.entries, by: \.kind).mapValues(\.count) == [.review: 6, .suspend: 1, .flag: 2])
        #expect(legacy.revlog == 7)
    }

    /// Found by fuzzing: reviews dated past the year 9999 were imported into log lines the
    /// log cannot read back (or cannot even write: an interval of 2^63-1 days trapped).
    @Test func reviewsPastTheYear9999AreSkipped() throws {
        let extra = Array(FileManager.default.contents(atPath: Self.fixtures.appendingPathComponent("fuzz-crashes/revlog-past-9999.sql").path)!)
        let result = try Self.read(#require(Self.database(Self.sql[0] + extra)))
        #expect(result.warnings.filter { $0.contains("past the year 9999") }.count == 2)
        #expect(result.entries.filter { $0.kind == .review }.count == 7)
        for entry in result.entries {
            var w = JSONWriter()
            ProgressCoding.write(entry, &w)
            #expect((try? ProgressCoding.entry(JSONParser.parse(w.bytes))) != nil, "\(String(decoding: w.bytes, as: UTF8.self))")
        }
    }

    /// Found by fuzz-anki-package (5 December, a trap): a card whose template number is
    /// negative indexed the note type's templates with it.
    @Test func aCardWithANegativeTemplateNumberImports() throws {
        let extra = Array("\nUPDATE cards SET ord = -1 WHERE id = (SELECT min(id) FROM cards);\n".utf8)
        let result = try Self.read(#require(Self.database(Self.sql[0] + extra)))
        #expect(result.decks.flatMap(\.cards).count == 5)
    }

    @Test func mutatedCollectionsImportOrFailWithATypedError() throws {
        let images = Self.sql.map(Self.image)
        let depths: [(name: String, seeds: [[UInt8]], count: Int, read: ([UInt8]) throws(AnkiError) -> AnkiImportResult?)] = [
            ("SQL", Self.sql, 800, { sql throws(AnkiError) in try Self.database(sql).map { db throws(AnkiError) in try Self.read(db) } }),
            ("image", images, 400, { image throws(AnkiError) in try Self.read(SQLiteDatabase(image: image)) }),
            ("package", images.map(Self.package), 300, { bytes throws(AnkiError) in
                let path = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(getpid()).apkg").path
                try? Data(bytes).write(to: URL(fileURLWithPath: path))
                defer { try? FileManager.default.removeItem(atPath: path) }
                return try AnkiImporter.read(path: path)
            }),
        ]
        for depth in depths {
            var imported = 0
            for (i, bytes) in MutatedInputs(seeds: depth.seeds, count: depth.count, seed: 22, maxLength: 1 << 17).enumerated() {
                let label = "\(depth.name) input \(i)"
                let result: AnkiImportResult
                do {
                    guard let r = try depth.read(bytes) else { continue }
                    result = r
                } catch {
                    #expect(!error.description.isEmpty, "\(label)")
                    continue
                }
                imported += 1
                let cards = Set(result.decks.flatMap { d in d.cards.map { "\(d.id)/\($0.id)" } })
                for deck in result.decks {
                    #expect(DeckRoundTrip.problem(deck) == nil, "\(label)")
                }
                for entry in result.entries {
                    #expect(cards.contains("\(entry.deck)/\(entry.card)"), "\(label): an entry for a card not imported")
                    var numbered = entry
                    numbered.seq = 1
                    var w = JSONWriter()
                    ProgressCoding.write(numbered, &w)
                    let back = try? ProgressCoding.entry(JSONParser.parse(w.bytes))
                    var again = JSONWriter()
                    back.map { ProgressCoding.write($0, &again) }
                    #expect(again.bytes == w.bytes, "\(label): the log line \(String(decoding: w.bytes, as: UTF8.self)) does not read back")
                }
            }
            #expect(imported >= depth.count / 20, "\(depth.name): only \(imported) of \(depth.count) imported")
        }
    }
}
