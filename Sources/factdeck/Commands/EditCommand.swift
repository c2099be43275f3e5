import ArgumentParser
import DeckModel
import Foundation
import StudyStore
import TerminalKit

/// `factdeck edit ID`: the learner's correction of a card, kept across regeneration.
struct EditCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "Change a card's question, answer, accepted answers or choices, for good.",
        discussion: """
            The change is yours: it is kept in the progress folder (edits.json), not in the \
            deck file, so regenerating the deck keeps it, and the card keeps its progress. \
            A cloze question keeps exactly one ____ gap; a multiple-choice answer must be one \
            of the choices. 'factdeck cards' lists the cards with their ids.
            """
    )

    @OptionGroup var options: GlobalOptions

    @Argument(help: ArgumentHelp("The card's id (see 'factdeck cards').", valueName: "id"))
    var id: String

    @Option(help: ArgumentHelp("The deck holding the card, when two decks share the id.", valueName: "deck"))
    var deck: String?

    @Option(help: ArgumentHelp("The new question.", valueName: "text"))
    var question: String?

    @Option(help: ArgumentHelp("The new answer.", valueName: "text"))
    var answer: String?

    @Option(name: .customLong("accept"), help: ArgumentHelp("Also accept this answer (repeat for more).", valueName: "text"))
    var accept: [String] = []

    @Flag(help: "Drop the accepted answers the card had (before adding any --accept).")
    var clearAccept = false

    @Option(help: ArgumentHelp("The choices of a multiple-choice card, separated by commas (or by | when a choice holds a comma).", valueName: "a,b,c,d"))
    var choices: String?

    func run() throws {
        try reportingErrors {
            if question == nil && answer == nil && accept.isEmpty && !clearAccept && choices == nil {
                throw CLIError("say what to change: --question, --answer, --accept, --clear-accept or --choices")
            }
            let now = try options.now()
            let (store, initial, files) = try CardLookup.openForEditing(options, purpose: "edit")
            var edits = initial
            let decks = files.map { LoadedDeck(deck: edits.apply(to: $0.deck), path: $0.path) }
            let found = try CardLookup.find(id, deckName: deck, in: decks, edits: edits, options: options)
            var card = found.card
            if let question { card.question = question }
            if let answer { card.answer = answer }
            if clearAccept { card.accept = [] }
            for a in accept where !card.accept.contains(a) { card.accept.append(a) }
            if let choices { card.choices = Self.splitChoices(choices) }
            if choices != nil, found.card.type != .choice {
                throw CLIError("card \(id) is a \(found.card.type.rawValue) card, which has no choices; nothing changed")
            }
            if let problem = CardValidation.problem(in: card) {
                throw CLIError("card \(id) not changed: \(problem)")
            }
            let fields = Self.changedFields(from: found.card, to: card)
            if fields.isEmpty {
                print("Card \(id) already reads so; nothing changed.")
                return
            }
            edits.recordEdit(deck: found.deck.id, card: card, fields: fields, at: now)
            try store.save(edits)
            print("Edited \(id) (\(TerminalText.clean(found.deck.title))): \(fields.sorted().map(\.label).joined(separator: ", ")).")
            print(Self.describe(card))
        }
    }

    /// "A, B, C" or, when a choice holds a comma ("1,300"), "1,300 | 2,500".
    static func splitChoices(_ text: String) -> [String] {
        let separator: Character = text.contains("|") ? "|" : ","
        return text.split(separator: separator, omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    static func changedFields(from old: Card, to new: Card) -> Set<CardEdits.Field> {
        var fields = Set<CardEdits.Field>()
        if old.question != new.question { fields.insert(.question) }
        if old.answer != new.answer { fields.insert(.answer) }
        if old.accept != new.accept { fields.insert(.accept) }
        if old.choices != new.choices { fields.insert(.choices) }
        return fields
    }

    /// The card's text, as `edit` and `delete` confirm it.
    static func describe(_ card: Card) -> String {
        var lines = ["  Q: " + TerminalText.clean(card.question)]
        if card.type == .choice { lines.append("     " + card.choices.map(TerminalText.clean).joined(separator: " | ")) }
        var a = "  A: " + TerminalText.clean(card.answer)
        if !card.accept.isEmpty { a += " (also: " + card.accept.map(TerminalText.clean).joined(separator: "; ") + ")" }
        lines.append(a)
        return lines.joined(separator: "\n")
    }
}

extension CardEdits.Field {
    /// How the field is named to the learner.
    var label: String {
        switch self {
        case .question: "question"
        case .answer: "answer"
        case .accept: "accepted answers"
        case .choices: "choices"
        }
    }
}
