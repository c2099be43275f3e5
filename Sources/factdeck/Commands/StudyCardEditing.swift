import DeckModel
import Foundation
import StudySession
import StudyStore
import TerminalKit

/// `:edit` and `:delete` in a study session: the learner's corrections, written to
/// progress/edits.json (atomically, under the lock the session holds) before the
/// session changes, so what the learner sees acknowledged is on disk.
extension StudyRunner {
    /// Asks for each field with the current text on the line (Enter keeps it), checks the
    /// card as `factdeck edit` does, saves it, and puts it in the session.
    mutating func editCard(_ item: StudyItem) throws {
        var card = item.card
        say(style.dim("Edit the card: Enter keeps a line as it is; lists are separated by |."))
        func field(_ label: String, _ text: String) -> String? {
            input.read(prompt: interactive ? style.bold(label + ": ") : "", prefill: text)
        }
        func list(_ text: String) -> [String] {
            text.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        guard let question = field("Question", card.question), let answer = field("Answer", card.answer),
              let accept = field("Also accept", card.accept.joined(separator: " | "))
        else { throw SoftError(message: "edit cancelled; the card is unchanged") }
        card.question = question.trimmingCharacters(in: .whitespaces)
        card.answer = answer.trimmingCharacters(in: .whitespaces)
        card.accept = list(accept)
        if card.type == .choice {
            guard let choices = field("Choices", card.choices.joined(separator: " | ")) else {
                throw SoftError(message: "edit cancelled; the card is unchanged")
            }
            card.choices = list(choices)
        }
        if let problem = CardValidation.problem(in: card) { throw SoftError(message: "not saved: \(problem)") }
        let fields = EditCommand.changedFields(from: item.card, to: card)
        if fields.isEmpty { throw SoftError(message: "unchanged") }
        var changed = edits
        changed.recordEdit(deck: item.deckId, card: card, fields: fields, at: now())
        try saveEdits(changed)
        try perform { try session.replaceCard(card, deckId: item.deckId) }
        say("Saved (\(fields.sorted().map(\.label).joined(separator: ", "))); regenerating the deck keeps it.")
    }

    /// Deletes the card from the decks for good and from this session.
    mutating func deleteCard(_ item: StudyItem) throws {
        var changed = edits
        changed.delete(deck: item.deckId, card: item.card.id, at: now())
        try saveEdits(changed)
        try perform { try session.removeCard(deckId: item.deckId, cardId: item.card.id, now: now()) }
        say("Deleted: it will not come back, even when the deck is regenerated. :undo brings it back.")
    }

    /// Before `:undo` takes back a deletion: the card comes back on disk first.
    mutating func undoRemovalOnDisk() throws {
        guard let r = session.removalToUndo else { return }
        var changed = edits
        changed.undelete(deck: r.deckId, card: r.cardId)
        try saveEdits(changed)
    }

    /// Writes the edits; on failure nothing changes and the session goes on.
    private mutating func saveEdits(_ changed: CardEdits) throws {
        do {
            try store.save(changed)
        } catch {
            throw SoftError(message: "could not save: \(error)")
        }
        edits = changed
    }
}
