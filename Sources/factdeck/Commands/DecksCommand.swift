import ArgumentParser
import DeckModel
import Foundation
import Scheduling
import StudySession
import StudyStore
import TerminalKit

/// `factdeck decks`: what decks there are and what each holds for today.
struct DecksCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "decks",
        abstract: "List the decks: cards, new, due today, suspended, flagged and conflicts with other sources.",
        discussion: "Reads only: works while a study session is running."
    )

    @OptionGroup var options: GlobalOptions

    @Flag(help: "List the flagged cards with their notes instead.")
    var flagged = false

    func run() throws {
        try reportingErrors {
            let now = try options.now()
            let (decks, errors) = try LearnerDecks.load(options)
            for e in errors { Stderr.print("factdeck: \(e)") }
            let store = try ProgressStore(folder: options.progress, mode: .readOnly)
            let progress = try store.load(decks: decks.map(\.deck.id))
            for w in store.warnings { Stderr.warn(w) }
            let settings = try StudySettings.load(folder: options.progress)
            let endOfDay = StudyDay(rolloverHour: settings.dayStartHour, timeZone: .current).startOfNextDay(after: now)
            if flagged {
                printFlagged(decks, progress)
            } else {
                printTable(decks, progress, endOfDay: endOfDay, now: now)
            }
            if !errors.isEmpty { throw ExitCode.failure }
        }
    }

    private func printTable(_ decks: [LoadedDeck], _ progress: [String: [String: CardProgress]], endOfDay: Date, now: Date) {
        if decks.isEmpty {
            print("No decks in \(options.decks). Make one with: factdeck generate ARTICLE.txt --output \(options.decks)")
            return
        }
        // Conflicts within a deck and with any other deck ('factdeck conflicts DECK' lists them).
        let conflicts = ConflictIndex(LearnerDecks.conflicts(decks))
        var rows: [[String]] = [["DECK", "CARDS", "NEW", "DUE", "SUSPENDED", "FLAGGED", "CONFLICTS"]]
        for loaded in decks {
            let states = progress[loaded.deck.id] ?? [:]
            var new = 0, due = 0, suspended = 0, flagged = 0
            for card in loaded.deck.cards {
                let p = states[card.id] ?? .untouched
                if p.isFlagged { flagged += 1 }
                if p.suspended { suspended += 1 }
                if p.suspended || p.isFlagged { continue }
                if let b = p.buriedUntil, b > now { continue }
                if p.schedule.phase == .new {
                    new += 1
                } else if let d = p.schedule.due, d < endOfDay {
                    due += 1
                }
            }
            rows.append([
                loaded.deck.title, "\(loaded.deck.cards.count)", "\(new)", "\(due)", "\(suspended)", "\(flagged)",
                "\(conflicts.count(deck: loaded.deck.id))",
            ])
        }
        print(TextTable.render(rows, rightAligned: [1, 2, 3, 4, 5, 6]))
    }

    private func printFlagged(_ decks: [LoadedDeck], _ progress: [String: [String: CardProgress]]) {
        var any = false
        for loaded in decks {
            let states = progress[loaded.deck.id] ?? [:]
            for card in loaded.deck.cards {
                guard let note = states[card.id]?.flagNote else { continue }
                any = true
                print("\(loaded.deck.title) · \(card.id)")
                print("  Q: \(TerminalText.clean(card.question))")
                print("  A: \(TerminalText.clean(card.answer))")
                if !note.isEmpty { print("  note: \(TerminalText.clean(note))") }
            }
        }
        if !any { print("No flagged cards.") }
    }
}
