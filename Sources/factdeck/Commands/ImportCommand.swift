import AnkiInterop
import ArgumentParser
import DeckModel
import Foundation
import StudyStore

/// `factdeck import FILE.apkg [--deck NAME]`: Anki decks and their history into factdeck.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import an Anki package (.apkg): its decks as factdeck decks, its review history as progress.",
        discussion: """
            Reads packages exported by Anki with "Support older Anki versions" ticked \
            (collection.anki21 or collection.anki2). Basic notes become question cards, cloze \
            notes one cloze card per deletion; HTML becomes plain text. Each Anki deck becomes \
            decks/<name>.json (--deck puts every card into one deck). Importing the same package \
            again updates those decks and adds only reviews not yet in the log. Nothing is written \
            when the package cannot be read.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The Anki package to read.", valueName: "file.apkg"))
    var file: String

    @Option(name: .long, help: ArgumentHelp("Put every card into one deck of this name.", valueName: "name"))
    var deck: String?

    @Flag(name: .long, help: "Import the cards only, not the review history.")
    var withoutProgress = false

    func run() throws {
        try reportingErrors {
            let result = try AnkiImporter.read(path: file, options: AnkiImportOptions(deckName: deck))
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
            let store: ProgressStore? = withoutProgress ? nil : try ProgressStore(folder: options.progress, mode: .writer, purpose: "import")
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
                  + (withoutProgress ? "" : "; \(recorded) review\(recorded == 1 ? "" : "s") added to \(options.progress)/"))
        }
    }

    /// What makes a log entry the same one again (a second import of the same package).
    static func key(_ e: LogEntry) -> String {
        "\(e.kind.rawValue)|\(e.deck)|\(e.card)|\(Int64((e.time.timeIntervalSince1970 * 1000).rounded()))"
    }
}
