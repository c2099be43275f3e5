import AnkiInterop
import ArgumentParser
import DeckModel
import Foundation
import StudyStore

/// `factdeck export --anki FILE.apkg [DECK...]`: decks as an Anki package.
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Write decks as an Anki package (.apkg) that current Anki imports.",
        discussion: """
            One Anki deck per deck, named by its title. Question, multiple-choice and true/false \
            cards become notes of type "factdeck Basic" (the back holds the answer, the source \
            sentence and the article), cloze cards notes of type "factdeck Cloze". Exporting again \
            and importing the new file into Anki updates those notes instead of duplicating them. \
            --with-progress adds your review history and each card's schedule (tick "Import any \
            learning progress" in Anki's import dialog). Reads only: works while a study session runs.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Option(name: .long, help: ArgumentHelp("The Anki package to write.", valueName: "file.apkg"))
    var anki: String

    @Argument(help: ArgumentHelp("Decks to export (id, title or file name); all when none is given.", valueName: "deck"))
    var deckNames: [String] = []

    @Flag(name: .long, help: "Also export the review history and the cards' scheduling.")
    var withProgress = false

    func validate() throws {
        if anki.trimmingCharacters(in: .whitespaces).isEmpty { throw ValidationError("--anki needs a file name, e.g. --anki decks.apkg") }
    }

    func run() throws {
        try reportingErrors {
            let now = try options.now()
            // Edited cards go out as edited (same ids, so Anki updates its notes); deleted ones not at all.
            let (all, errors) = try LearnerDecks.load(options)
            for e in errors { Stderr.print("factdeck: \(e)") }
            let selected = try LearnerDecks.select(deckNames, from: all, options: options)
            guard !selected.isEmpty else { throw CLIError("no decks to export in \(options.decks)/") }
            var progress: [String: [String: CardProgress]] = [:]
            var log: [LogEntry] = []
            if withProgress {
                let store = try ProgressStore(folder: options.progress, mode: .readOnly)
                progress = try store.load(decks: selected.map(\.deck.id))
                log = try store.allEntries()
                for w in store.warnings { Stderr.warn(w) }
            }
            let summary = try AnkiExporter.export(
                decks: selected.map(\.deck), progress: progress, reviewLog: log, to: anki,
                options: AnkiExportOptions(withProgress: withProgress, now: now))
            var line = "Wrote \(anki): \(summary.decks) deck\(summary.decks == 1 ? "" : "s"), \(summary.notes) notes, \(summary.cards) cards"
            if withProgress { line += ", \(summary.revlog) review\(summary.revlog == 1 ? "" : "s")" }
            print(line)
            if !errors.isEmpty { throw ExitCode.failure }
        }
    }
}
