@testable import AnkiInterop
import Foundation
import FuzzInputs
import FuzzSupport

@_cdecl("fuzz_anki_package_main")
public func fuzzAnkiPackageMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    FuzzDriver.run(argc, argv, check: AnkiPackageTarget.check)
}

/// An Anki package through `factdeck import FILE.apkg`, at three depths:
/// - no mode byte: the bytes are the .apkg (zip, `meta`, zstd, the SQLite collection);
/// - mode 0: the bytes are the collection's SQLite file image, read as the package's would be;
/// - mode 1: the bytes are SQL, run on an empty database that is then read as a collection:
///   the fuzzer writes the rows (note types, notes, cards, revlog) the importer interprets.
/// Whatever it reads must be decks `factdeck study` reads and log entries the store writes.
enum AnkiPackageTarget {
    static func check(_ input: [UInt8]) {
        let fuzz = FuzzInput(input, modes: 2)
        let result: AnkiImportResult
        do {
            switch fuzz.mode {
            case nil:
                let path = ScratchFile.write(fuzz.body, named: "fuzz.apkg")
                do {
                    result = try AnkiImporter.read(path: path)
                } catch {
                    Invariant.require(!error.description.isEmpty, "an empty error")
                    return
                }
            case 0?:
                result = try AnkiImporter.read(SQLiteDatabase(image: fuzz.body), collectionFile: "collection.anki21", options: .init())
            default:
                guard let db = try database(running: fuzz.body) else { return }
                result = try AnkiImporter.read(db, collectionFile: "collection.anki21", options: .init())
            }
        } catch {
            return  // a typed AnkiError, worded for the user
        }
        for deck in result.decks { Invariant.requireReadable(deck) }
        for entry in result.entries { Invariant.requireStorable(entry) }
        let cards = Set(result.decks.flatMap { d in d.cards.map { "\(d.id)/\($0.id)" } })
        for entry in result.entries {
            Invariant.require(cards.contains("\(entry.deck)/\(entry.card)"), "an entry for a card not imported: \(entry.deck)/\(entry.card)")
        }
    }

    /// A fresh in-memory database after the statements of `sql` that run. Anki's `unicase`
    /// collation is only registered for collections read from an image, so the SQL goes without it.
    static func database(running sql: [UInt8]) throws(AnkiError) -> SQLiteDatabase? {
        guard let statements = SQLScript.statements(sql) else { return nil }
        let db = try SQLiteDatabase()
        for statement in statements {
            try? db.execute(statement.replacingOccurrences(of: "collate unicase", with: "", options: .caseInsensitive))
        }
        return db
    }
}
