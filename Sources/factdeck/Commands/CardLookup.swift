import DeckModel
import Foundation
import StudyStore

/// One card found by id for `edit` and `delete`, or the one-line reason it cannot be.
struct CardLookup {
    var deck: Deck
    var card: Card

    /// Looks `id` up in the learner's decks (`decks`, edits applied), in the deck named
    /// `deckName` when given (card ids are unique within a deck only).
    static func find(_ id: String, deckName: String?, in decks: [LoadedDeck], edits: CardEdits, options: GlobalOptions) throws -> CardLookup {
        let pool = try deckName.map { try LearnerDecks.select([$0], from: decks, options: options) } ?? decks
        let matches = pool.compactMap { d in d.deck.cards.first { $0.id == id }.map { CardLookup(deck: d.deck, card: $0) } }
        if matches.count > 1 {
            throw CLIError("card \(id) is in more than one deck (\(matches.map(\.deck.id).joined(separator: ", "))); name one with --deck")
        }
        if let found = matches.first { return found }
        let known = edits.entries(card: id).filter { e in pool.contains { $0.deck.id == e.deck } || deckName == nil }
        if let e = known.first(where: { e in decks.contains { $0.deck.id == e.deck } }), e.deletedAt != nil {
            throw CLIError("card \(id) is deleted; 'factdeck delete \(id) --undo' brings it back")
        }
        if let e = known.first {
            throw CLIError("card \(id) belongs to deck '\(e.deck)', which is no longer in \(options.decks)/")
        }
        throw CLIError("no card \(id) in \(deckName.map { "deck '\($0)'" } ?? "\(options.decks)/"); 'factdeck cards' lists the cards with their ids")
    }

    /// Opens the progress folder as its writer (a study session holding it is a one-line
    /// error), then reads the edits under the lock, and the deck files as they are.
    static func openForEditing(_ options: GlobalOptions, purpose: String) throws -> (store: ProgressStore, edits: CardEdits, files: [LoadedDeck]) {
        let store = try ProgressStore(folder: options.progress, mode: .writer, purpose: purpose)
        let edits = try CardEditsFile.load(folder: options.progress)
        let (files, errors) = DeckLibrary.load(folder: options.decks)
        for e in errors { Stderr.print("factdeck: \(e)") }
        return (store, edits, files)
    }
}
