import ArgumentParser
import DeckModel
import Foundation
import JSONKit
import StudyStore
import TerminalKit

/// `factdeck conflicts`: where the learner's sources disagree.
struct ConflictsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "conflicts",
        abstract: "Show where your sources disagree: cards that give different values for the same fact.",
        discussion: """
            Compares the facts of every deck (and of each deck with itself): two cards conflict \
            when they give different values for the same thing (the same subject, measure and \
            unit) and their sentences do not explain it: different years or periods, a change \
            over time, overlapping ranges and rounding ("about 85%" and "84.6%") are no conflict. \
            Naming decks shows only the conflicts with a card in them. --json prints an array of \
            conflicts, each with its cards (deck, card, answer, value, section, sentence). Exit \
            code 0 whether or not there are conflicts. Decks made before factdeck recorded the \
            facts' values are not compared: regenerate them.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("Only conflicts with a card in these decks (id, title or file name); all when none is given.", valueName: "deck"))
    var deckNames: [String] = []

    @Flag(help: "Print a JSON array of the conflicts.")
    var json = false

    func run() throws {
        try reportingErrors {
            let (all, errors) = try LearnerDecks.load(options)
            for e in errors { Stderr.print("factdeck: \(e)") }
            if all.isEmpty, !errors.isEmpty { throw ExitCode.failure }
            let selected = try LearnerDecks.select(deckNames, from: all, options: options)
            let ids = Set(selected.map(\.deck.id))
            let conflicts = LearnerDecks.conflicts(all).filter { $0.cards.contains { ids.contains($0.deckId) } }
            if json {
                var bytes = JSONValue.array(conflicts.map(\.json)).encoded(indent: 2)
                bytes.append(0x0A)
                FileHandle.standardOutput.write(Data(bytes))
            } else {
                print(Self.text(conflicts, decks: all, style: Style.forStdout(), width: min(terminalWidth(), 100) - 1), terminator: "")
            }
            if !errors.isEmpty { throw ExitCode.failure }
        }
    }

    /// Each conflict: what it is about, then each card's answer, deck, section and id with
    /// its sentence below; a closing line with what was compared.
    static func text(_ conflicts: [Conflict], decks: [LoadedDeck], style: Style, width: Int) -> String {
        var out: [String] = []
        for (n, conflict) in conflicts.enumerated() {
            if n > 0 { out.append("") }
            let decks = conflict.deckIds.count
            out += TerminalText.wrap(
                TerminalText.clean(conflict.topic) + " — \(conflict.values.count) values in \(decks) deck\(decks == 1 ? "" : "s")",
                width: width).map(style.bold)
            for c in conflict.cards {
                // Wrapped as plain text, then coloured: escape codes would count as columns.
                out += TerminalText.wrap(
                    TerminalText.clean(c.card.answer) + "  · " + TerminalText.clean(c.place) + " · " + TerminalText.clean(c.card.id),
                    width: width, first: "  ", indent: "      ").map(style.yellow)
                out += TerminalText.wrap(TerminalText.clean(c.card.source.sentence), width: width, first: "      ", indent: "      ")
                    .map(style.dim)
            }
        }
        let withClaims = decks.filter { $0.deck.cards.contains { $0.claim != nil } }
        let claims = withClaims.reduce(0) { $0 + $1.deck.cards.count { $0.claim != nil } }
        if !out.isEmpty { out.append("") }
        let count = conflicts.isEmpty ? "No conflicts" : "\(conflicts.count) conflict\(conflicts.count == 1 ? "" : "s")"
        out.append("\(count): \(claims) fact\(claims == 1 ? "" : "s") with values compared across \(withClaims.count) deck\(withClaims.count == 1 ? "" : "s").")
        let without = decks.count - withClaims.count
        if without > 0 {
            out.append(style.dim("\(without) deck\(without == 1 ? " has" : "s have") no recorded values (made by an older factdeck, or without figures); regenerate to compare."))
        }
        return out.joined(separator: "\n") + "\n"
    }
}
