import ArgumentParser
import DeckModel
import Foundation
import JSONKit
import Scheduling
import StudyStore
import TerminalKit

/// `factdeck cards`: the cards of the decks, one line each, to look up, check and curate.
struct CardsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cards",
        abstract: "List the cards (id, deck, type, question, answer), filtered or searched.",
        discussion: """
            One line per card, fitted to the terminal. --search finds words in the question, \
            answer or source sentence, ignoring case and accents ("sao paulo" finds "São Paulo"). \
            Cards show as you edited them; deleted cards are left out. --json prints an array \
            with each card's deck and state. Reads only: works while a study session is running.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Decks to list (id, title or file name); all when none is given.", valueName: "deck"))
    var deckNames: [String] = []

    @Option(help: ArgumentHelp("Only cards whose question, answer or source sentence holds this text.", valueName: "text"))
    var search: String?

    @Option(help: ArgumentHelp("Only cards of this kind: cloze, question, choice or truefalse.", valueName: "type"))
    var type: String?

    @Flag(help: "Only flagged cards, with your notes.")
    var flagged = false

    @Flag(help: "Only suspended cards.")
    var suspended = false

    @Flag(help: "Print a JSON array of the cards with their deck and state.")
    var json = false

    func run() throws {
        try reportingErrors {
            var query = CardQuery(search: search, onlyFlagged: flagged, onlySuspended: suspended)
            if let type {
                guard let t = CardType(rawValue: type.lowercased()) else {
                    throw CLIError("--type: unknown card type '\(type)' (expected cloze, question, choice or truefalse)")
                }
                query.type = t
            }
            let (all, errors) = try LearnerDecks.load(options)
            for e in errors { Stderr.print("factdeck: \(e)") }
            let selected = try LearnerDecks.select(deckNames, from: all, options: options)
            let store = try ProgressStore(folder: options.progress, mode: .readOnly)
            let progress = try store.load(decks: selected.map(\.deck.id))
            for w in store.warnings { Stderr.warn(w) }
            let edits = try CardEditsFile.load(folder: options.progress)
            var rows: [Row] = []
            for loaded in selected {
                let states = progress[loaded.deck.id] ?? [:]
                for card in loaded.deck.cards {
                    let p = states[card.id] ?? .untouched
                    guard query.matches(card, progress: p) else { continue }
                    rows.append(Row(deck: loaded.deck, card: card, progress: p, edited: edits.entry(deck: loaded.deck.id, card: card.id)?.edited != nil))
                }
            }
            if json {
                var bytes = JSONValue.array(rows.map(\.json)).encoded()
                bytes.append(0x0A)
                FileHandle.standardOutput.write(Data(bytes))
            } else if rows.isEmpty {
                print(selected.contains { !$0.deck.cards.isEmpty } ? "No cards match." : "No cards.")
            } else {
                print(Self.lines(rows, width: terminalWidth(), notes: flagged).joined(separator: "\n"))
            }
            if !errors.isEmpty { throw ExitCode.failure }
        }
    }

    /// One card with what the listing shows of it.
    struct Row {
        var deck: Deck
        var card: Card
        var progress: CardProgress
        var edited: Bool

        var json: JSONValue {
            var state: [(String, JSONValue)] = [("phase", .string(progress.schedule.phase.rawValue))]
            if let due = progress.schedule.due { state.append(("due", .string(ISODate.format(due)))) }
            state.append(("reps", .number(Double(progress.schedule.reps))))
            state.append(("lapses", .number(Double(progress.schedule.lapses))))
            state.append(("suspended", .bool(progress.suspended)))
            if let b = progress.buriedUntil { state.append(("buriedUntil", .string(ISODate.format(b)))) }
            state.append(("flagged", .bool(progress.isFlagged)))
            if let note = progress.flagNote, !note.isEmpty { state.append(("flagNote", .string(note))) }
            var m: [(String, JSONValue)] = [("deck", .string(deck.id)), ("deckTitle", .string(deck.title))]
            if case .object(let fields) = DeckCodec.cardValue(card) { m += fields }
            m.append(("edited", .bool(edited)))
            m.append(("state", .object(state)))
            return .object(m)
        }
    }

    /// Columns id, deck, type, question, answer in `width` columns: the text columns share
    /// what the others leave (the answer a third at most), cut with "…".
    static func lines(_ rows: [Row], width: Int, notes: Bool) -> [String] {
        let ids = rows.map { TerminalText.clean($0.card.id) + ($0.edited ? "*" : "") }
        let decks = rows.map { TerminalText.clean($0.deck.id) }
        let types = rows.map(\.card.type.rawValue)
        let iw = min(24, ids.map(TerminalText.width).max() ?? 0)
        let dw = min(20, decks.map(TerminalText.width).max() ?? 0)
        let tw = types.map(TerminalText.width).max() ?? 0
        let left = max(20, width - iw - dw - tw - 8)
        let answers = rows.map { TerminalText.clean($0.card.answer) }
        let aw = min(answers.map(TerminalText.width).max() ?? 0, max(8, left / 3))
        let qw = max(8, left - aw - 2)
        var out: [String] = []
        for (i, r) in rows.enumerated() {
            let cells = [
                TerminalText.padRight(TerminalText.truncate(ids[i], to: iw), iw),
                TerminalText.padRight(TerminalText.truncate(decks[i], to: dw), dw),
                TerminalText.padRight(types[i], tw),
                TerminalText.padRight(TerminalText.truncate(TerminalText.clean(r.card.question), to: qw), qw),
                TerminalText.truncate(answers[i], to: aw),
            ]
            out.append(cells.joined(separator: "  "))
            if notes, let note = r.progress.flagNote {
                out.append(TerminalText.truncate("    note: " + (note.isEmpty ? "(none)" : TerminalText.clean(note)), to: width))
            }
        }
        return out
    }
}
