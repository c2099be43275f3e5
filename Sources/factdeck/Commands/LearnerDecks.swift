import DeckModel
import Foundation
import StudyStore

/// The decks as the learner sees them: the deck files with the learner's edits and
/// deletions (progress/edits.json) applied. Every command that shows, studies, quizzes,
/// counts or exports cards loads decks through here.
enum LearnerDecks {
    /// Every deck in the folder, edited; broken deck files come back as errors.
    static func load(_ options: GlobalOptions) throws -> (decks: [LoadedDeck], errors: [DeckFileError]) {
        let (decks, errors) = DeckLibrary.load(folder: options.decks)
        return (try edited(decks, options: options), errors)
    }

    /// `decks` with the learner's edits applied.
    static func edited(_ decks: [LoadedDeck], options: GlobalOptions) throws -> [LoadedDeck] {
        let edits = try CardEditsFile.load(folder: options.progress)
        if edits.isEmpty { return decks }
        return decks.map { LoadedDeck(deck: edits.apply(to: $0.deck), path: $0.path) }
    }

    /// The decks named (all when none is), and every deck (what conflicts are found
    /// among), both edited; broken deck files reported on stderr; a one-line error when
    /// there are no decks at all or a name matches none. `purpose` finishes "no decks to
    /// ..." ("study", "quiz on").
    static func selected(_ names: [String], options: GlobalOptions, purpose: String) throws -> (selected: [LoadedDeck], all: [LoadedDeck]) {
        let files = try selectedFiles(names, options: options, purpose: purpose)
        let edits = try CardEditsFile.load(folder: options.progress)
        return (files.selected.map { $0.applying(edits) }, files.all.map { $0.applying(edits) })
    }

    /// `selected` without the edits applied: the deck files as they are (a study session
    /// applies the edits it reads once it holds the progress lock).
    static func selectedFiles(_ names: [String], options: GlobalOptions, purpose: String) throws -> (selected: [LoadedDeck], all: [LoadedDeck]) {
        let (all, errors) = DeckLibrary.load(folder: options.decks)
        for e in errors { Stderr.print("factdeck: \(e)") }
        if all.isEmpty {
            throw CLIError("no decks to \(purpose) in \(options.decks)/. Make one with 'factdeck generate ARTICLE.txt --output \(options.decks)'")
        }
        return (try select(names, from: all, options: options), all)
    }

    /// The decks named among `all`, or the one-line error naming the unknown ones.
    static func select(_ names: [String], from all: [LoadedDeck], options: GlobalOptions) throws -> [LoadedDeck] {
        let (selected, unknown) = DeckLibrary.select(names, from: all)
        if !unknown.isEmpty {
            throw CLIError("no deck named \(unknown.map { "'\($0)'" }.joined(separator: ", ")) in \(options.decks)/; 'factdeck decks' lists them")
        }
        return selected
    }

    /// The conflicts among `decks` (the learner's edits applied: a card whose answer the
    /// learner changed has no claim and conflicts with nothing).
    static func conflicts(_ decks: [LoadedDeck]) -> [Conflict] {
        ConflictFinder.find(in: decks.map(\.deck))
    }
}

extension LoadedDeck {
    /// The deck as the learner sees it, `edits` applied.
    func applying(_ edits: CardEdits) -> LoadedDeck {
        edits.isEmpty ? self : LoadedDeck(deck: edits.apply(to: deck), path: path)
    }
}
