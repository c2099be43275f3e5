import ArgumentParser
import DeckModel
import Foundation
import StudyStore
import TerminalKit

/// `factdeck delete ID [--undo]`: a card the learner does not want, gone for good (until undone).
struct DeleteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delete",
        abstract: "Delete a card from study, quizzes, stats and export (--undo brings it back).",
        discussion: """
            The deletion is yours: it is kept in the progress folder (edits.json), not in the \
            deck file, so regenerating the deck does not bring the card back. Its progress is \
            kept, and comes back with it.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The card's id (see 'factdeck cards').", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The deck holding the card, when two decks share the id.", valueName: "deck"))
    var deck: String?

    @Flag(help: "Bring a deleted card back.")
    var undo = false

    func run() throws {
        try reportingErrors {
            let now = try options.now()
            let (store, initial, files) = try CardLookup.openForEditing(options, purpose: "delete")
            var edits = initial
            let decks = files.map { LoadedDeck(deck: edits.apply(to: $0.deck), path: $0.path) }
            if undo {
                let deleted = try deletedEntry(edits: edits, decks: files)
                edits.undelete(deck: deleted.deck, card: id)
                try store.save(edits)
                let file = files.first { $0.deck.id == deleted.deck }
                print("Restored \(id) (\(TerminalText.clean(file?.deck.title ?? deleted.deck))).")
                if let card = file.flatMap({ edits.apply(to: $0.deck).cards.first { $0.id == id } }) { print(EditCommand.describe(card)) }
                return
            }
            let found = try CardLookup.find(id, deckName: deck, in: decks, edits: edits, options: options)
            edits.delete(deck: found.deck.id, card: id, at: now)
            try store.save(edits)
            print("Deleted \(id) (\(TerminalText.clean(found.deck.title))): \(TerminalText.clean(found.card.question))")
            print("It is gone from study, quizzes, stats and export; 'factdeck delete \(id) --undo' brings it back.")
        }
    }

    /// The deletion `--undo` takes back, or the one-line reason there is none.
    private func deletedEntry(edits: CardEdits, decks: [LoadedDeck]) throws -> CardEdits.Entry {
        let wanted = try deck.map { try LearnerDecks.select([$0], from: decks, options: options)[0].deck.id }
        let deleted = edits.entries(card: id).filter { $0.deletedAt != nil && (wanted == nil || $0.deck == wanted) }
        if deleted.count > 1 {
            throw CLIError("card \(id) is deleted in more than one deck (\(deleted.map(\.deck).joined(separator: ", "))); name one with --deck")
        }
        guard let entry = deleted.first else {
            if decks.contains(where: { d in (wanted == nil || d.deck.id == wanted) && d.deck.cards.contains { $0.id == id } }) {
                throw CLIError("card \(id) is not deleted")
            }
            throw CLIError("no deleted card \(id); 'factdeck cards' lists the cards with their ids")
        }
        guard decks.contains(where: { $0.deck.id == entry.deck }) else {
            throw CLIError("card \(id) belongs to deck '\(entry.deck)', which is no longer in \(options.decks)/; nothing changed")
        }
        return entry
    }
}
