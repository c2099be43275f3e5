import AnkiInterop
import ArgumentParser
import DeckModel
import Foundation
import StudyStore

/// `factdeck import FILE [--deck NAME]`: Anki packages (decks and history) and Anki text or
/// CSV/TSV files (cards) into factdeck.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an Anki package (.apkg) or an Anki text, CSV or TSV file as factdeck decks.",
        discussion: """
            Packages: both layouts current Anki exports (collection.anki21b, zstd-compressed, the \
            default; collection.anki21/anki2 with "Support older Anki versions"). Basic notes \
            become question cards, cloze notes one cloze card per deletion; HTML becomes plain \
            text; the review history becomes progress. Text files: Anki's "Notes in Plain Text" \
            export (#separator:, #html:, #deck:, #notetype:, #... column: headers) or a plain \
            CSV/TSV whose first column is the question and second the answer ({{c1::...}} makes \
            cloze cards); the separator is guessed when the file does not say. Each Anki deck \
            becomes decks/<name>.json (--deck puts every card into one deck). Importing the same \
            file again updates those decks and adds only reviews not yet in the log. Nothing is \
            written when the file cannot be read.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The Anki package (.apkg, .colpkg) or text file (.txt, .csv, .tsv) to read.", valueName: "file"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Put every card into one deck of this name.", valueName: "name"))
    var deck: String?

    @Flag(name: .long, help: "Import the cards only, not the review history.")
    var withoutProgress = false

    func run() throws {
        try reportingErrors {
            let importOptions = AnkiImportOptions(deckName: deck)
            // A zip is a package whatever its name; anything else is read as text.
            let result = Self.isZip(file)
                ? try AnkiImporter.read(path: file, options: importOptions)
                : try AnkiTextImporter.read(path: file, options: importOptions)
            for w in result.warnings { Stderr.warn(w) }
            guard !result.decks.isEmpty else { throw CLIError("\(file): no cards to import") }

            // Where each deck goes; refuse (before writing anything) to overwrite another deck.
            let (existing, _) = DeckLibrary.load(folder: options.decks)
            var plan: [(deck: Deck, path: String)] = []
            for var d in result.decks {
                if let same = existing.first(where: { $0.deck.id == d.id }) {
                    // Re-import: update its cards, keep the ones the package no longer has.
                    var merged = same.deck
                    for card in d.cards {
                        if let i = merged.cards.firstIndex(where: { $0.id == card.id }) { merged.cards[i] = card } else { merged.cards.append(card) }
                    }
                    d = merged
                    plan.append((d, same.path))
                    continue
                }
                let path = (options.decks as NSString).appendingPathComponent(d.id + ".json")
                if FileManager.default.fileExists(atPath: path) {
                    throw CLIError("\(path) already exists and holds another deck; import with --deck NAME to choose another name")
                }
                plan.append((d, path))
            }

            // Take the progress lock first: a running study session stops the import here.
            // A text file has no history, so it leaves progress alone.
            let store: ProgressStore? = withoutProgress || result.entries.isEmpty ? nil : try ProgressStore(folder: options.progress, mode: .writer, purpose: "import", now: try options.now())
            var known = Set<String>()
            if let store {
                for e in try store.allEntries() { known.insert(Self.key(e)) }
            }

            do {
                try FileManager.default.createDirectory(atPath: options.decks, withIntermediateDirectories: true)
            } catch {
                throw CLIError("\(options.decks): cannot create the folder: \(error.localizedDescription)")
            }
            for (d, path) in plan { try DeckLibrary.save(d, to: path) }
            var recorded = 0
            if let store {
                _ = try store.load(decks: plan.map(\.deck.id))
                for e in result.entries where !known.contains(Self.key(e)) {
                    try store.record(e)
                    if e.kind == .review { recorded += 1 }
                }
                try store.saveSnapshots()
            }
            let cards = result.decks.reduce(0) { $0 + $1.cards.count }
            print("Imported \(cards) cards into \(plan.count) deck\(plan.count == 1 ? "" : "s") (\(plan.map { "\($0.deck.title) -> \($0.path)" }.joined(separator: ", ")))"
                  + (store == nil ? "" : "; \(recorded) review\(recorded == 1 ? "" : "s") added to \(options.progress)/"))
        }
    }

    static func isZip(_ path: String) -> Bool {
        guard let h = FileHandle(forReadingAtPath: path) else { return path.lowercased().hasSuffix(".apkg") || path.lowercased().hasSuffix(".colpkg") }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 2)) ?? Data()
        return head == Data([0x50, 0x4B])
    }

    /// What makes a log entry the same one again (a second import of the same package).
    static func key(_ e: LogEntry) -> String {
        "\(e.kind.rawValue)|\(e.deck)|\(e.card)|\(Int64((e.time.timeIntervalSince1970 * 1000).rounded()))"
    }
}
