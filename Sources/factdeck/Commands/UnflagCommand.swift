import ArgumentParser
import DeckModel
import Foundation
import StudyStore
import TerminalKit

/// `factdeck unflag ID`: a flagged card (`:flag`, or a disputed answer) settled and back in study.
struct UnflagCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unflag",
        abstract: "Clear a card's flag (from :flag or a disputed answer): it comes back to study and quizzes.",
        discussion: "'factdeck decks --flagged' lists the flagged cards with their notes."
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The card's id (see 'factdeck decks --flagged').", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The deck holding the card, when two decks share the id.", valueName: "deck"))
    var deck: String?

    func run() throws {
        try reportingErrors {
            let now = try options.now()
            let (store, edits, files) = try CardLookup.openForEditing(options, purpose: "unflag")
            let decks = files.map { $0.applying(edits) }
            let found = try CardLookup.find(id, deckName: deck, in: decks, edits: edits, options: options)
            let progress = try store.load(decks: [found.deck.id])
            for w in store.warnings { Stderr.warn(w) }
            guard progress[found.deck.id]?[id]?.isFlagged == true else { throw CLIError("card \(id) is not flagged") }
            do {
                _ = try store.record(LogEntry(kind: .unflag, deck: found.deck.id, card: id, time: now))
            } catch {
                throw CLIError("\(error)")
            }
            print("Unflagged \(id) (\(TerminalText.clean(found.deck.title))): \(TerminalText.clean(found.card.question))")
        }
    }
}
