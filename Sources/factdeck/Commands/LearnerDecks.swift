import DeckModel
import Foundation
import StudyStore

/// The decks a command works on.
enum LearnerDecks {
    /// The decks named (all when none is), broken deck files reported on stderr; a
    /// one-line error when there are no decks at all or a name matches none.
    /// `purpose` finishes "no decks to ..." ("study", "quiz on").
    static func selected(_ names: [String], options: GlobalOptions, purpose: String) throws -> [LoadedDeck] {
        let (all, errors) = DeckLibrary.load(folder: options.decks)
        for e in errors { Stderr.print("factdeck: \(e)") }
        if all.isEmpty {
            throw CLIError("no decks to \(purpose) in \(options.decks)/. Make one with 'factdeck generate ARTICLE.txt --output \(options.decks)'")
        }
        let (selected, unknown) = DeckLibrary.select(names, from: all)
        if !unknown.isEmpty {
            throw CLIError("no deck named \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(options.decks)/; 'factdeck decks' lists them")
        }
        return selected
    }
}
